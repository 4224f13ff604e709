package org.mentoring.matching.persistence;

import java.time.Instant;
import java.time.LocalDate;
import org.mentoring.mentorship.MentorshipStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An accepted mentorship as stored. The ACTIVE ones are the settled pairs every new matching run keeps.
 *
 * @param proposalId the proposal it was accepted from, or null
 */
// mentorships by status, in request order
@CompoundIndex(name = "status_requestExternalId", def = "{'status': 1, 'requestExternalId': 1}")
// a mentor's places counted from their mentorships (MentorPlaces)
@CompoundIndex(name = "mentorExternalId_status", def = "{'mentorExternalId': 1, 'status': 1}")
// the coordinator's list of mentorships (MentorshipSearch), newest start first, by status or of some requests
@CompoundIndex(name = "startDate", def = "{'startDate': -1}")
@CompoundIndex(name = "status_startDate", def = "{'status': 1, 'startDate': -1}")
@CompoundIndex(name = "requestExternalId_startDate", def = "{'requestExternalId': 1, 'startDate': -1}")
@CompoundIndex(name = "status_requestExternalId_startDate",
        def = "{'status': 1, 'requestExternalId': 1, 'startDate': -1}")
@Document(MentorshipDocument.COLLECTION)
public record MentorshipDocument(
        @Id String id,
        @Indexed String requestExternalId,
        String mentorExternalId,
        MentorshipStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String proposalId,
        Instant createdAt,
        @Version Long version) {

    public static final String COLLECTION = "mentorships";
}
