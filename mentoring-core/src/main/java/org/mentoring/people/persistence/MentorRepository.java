package org.mentoring.people.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface MentorRepository extends MongoRepository<MentorDocument, String> {

    Optional<MentorDocument> findByExternalId(String externalId);

    boolean existsByExternalId(String externalId);

    /** Only externalId and email of the mentors with these externalIds. */
    @Query(value = "{ 'externalId': { $in: ?0 } }", fields = "{ 'externalId': 1, 'email': 1 }")
    List<MentorDocument> findKeysByExternalIdIn(Collection<String> externalIds);

    /** Only externalId and email of the mentors with these emails. */
    @Query(value = "{ 'email': { $in: ?0 } }", fields = "{ 'externalId': 1, 'email': 1 }")
    List<MentorDocument> findKeysByEmailIn(Collection<String> emails);
}
