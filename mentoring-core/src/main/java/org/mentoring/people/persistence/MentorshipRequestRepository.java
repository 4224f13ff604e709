package org.mentoring.people.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.mentoring.people.RequestStatus;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface MentorshipRequestRepository extends MongoRepository<MentorshipRequestDocument, String> {

    Optional<MentorshipRequestDocument> findByExternalId(String externalId);

    boolean existsByExternalId(String externalId);

    List<MentorshipRequestDocument> findByStatusOrderByExternalId(RequestStatus status);

    long countByStatus(RequestStatus status);

    /** Only externalId and email of the requests with these externalIds. */
    @Query(value = "{ 'externalId': { $in: ?0 } }", fields = "{ 'externalId': 1, 'email': 1 }")
    List<MentorshipRequestDocument> findKeysByExternalIdIn(Collection<String> externalIds);
}
