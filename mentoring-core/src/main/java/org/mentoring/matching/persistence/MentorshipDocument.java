package org.mentoring.matching.persistence;

import java.time.Instant;
import java.time.LocalDate;
import org.mentoring.mentorship.MentorshipStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An accepted mentorship as stored. The ACTIVE ones are the settled pairs every new matching run keeps.
 *
 * @param proposalId the proposal it was accepted from, or null
 */
@Document(MentorshipDocument.COLLECTION)
public record MentorshipDocument(
        @Id String id,
        @Indexed String requestExternalId,
        @Indexed String mentorExternalId,
        @Indexed MentorshipStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String proposalId,
        Instant createdAt,
        @Version Long version) {

    public static final String COLLECTION = "mentorships";
}
