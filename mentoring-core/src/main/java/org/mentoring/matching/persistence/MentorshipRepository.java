package org.mentoring.matching.persistence;

import java.util.List;
import org.mentoring.matching.model.MentorshipStatus;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Accepted mentorships. */
public interface MentorshipRepository extends MongoRepository<MentorshipDocument, String> {

    /** For example the ACTIVE ones, which a matching run keeps as settled pairs. */
    List<MentorshipDocument> findByStatus(MentorshipStatus status);
}
