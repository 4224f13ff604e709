package org.mentoring.matching.persistence;

import java.time.Instant;
import java.time.LocalDate;
import org.mentoring.matching.model.MentorshipStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An accepted mentorship as stored. The ACTIVE ones are the settled pairs every new matching run keeps.
 *
 * @param endDate the agreed end (its start date plus the request's duration) while it runs; the day it ended once
 *     ended
 * @param proposalId the proposal it was accepted from, or null
 * @param endedAt when it ended (by a side, the coordinator, or by itself at its end date); null while ACTIVE
 * @param endedBy who ended it: an email, or {@code "programme"} when it completed by itself
 * @param endNote what the person who ended it wrote, shown to both sides and the coordinator
 * @param placeFreedAt when the mentor's place was given back: set once by one conditional update, so that of several
 *     instances finishing the same ending exactly one gives it back
 * @param midFeedbackAskedAt when both sides were asked for mid-point feedback (once)
 * @param endFeedbackAskedAt when both sides were told of the end and asked for end feedback (once)
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
// the sweeper's ACTIVE mentorships due to complete
@CompoundIndex(name = "status_endDate", def = "{'status': 1, 'endDate': 1}")
// the sweeper's mentorships due for mid-point feedback, and endings a crash cut short (MentorshipEndings)
@CompoundIndex(name = "status_midFeedbackAskedAt_startDate",
        def = "{'status': 1, 'midFeedbackAskedAt': 1, 'startDate': 1}")
@CompoundIndex(name = "endedAt", def = "{'endedAt': 1}")
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
        @Version Long version,
        Instant endedAt,
        String endedBy,
        String endNote,
        Instant placeFreedAt,
        Instant midFeedbackAskedAt,
        Instant endFeedbackAskedAt) {

    public static final String COLLECTION = "mentorships";

    @PersistenceCreator
    public MentorshipDocument {
    }

    /** A mentorship that has not ended. */
    public MentorshipDocument(String id, String requestExternalId, String mentorExternalId, MentorshipStatus status,
            LocalDate startDate, LocalDate endDate, String proposalId, Instant createdAt, Long version) {
        this(id, requestExternalId, mentorExternalId, status, startDate, endDate, proposalId, createdAt, version, null,
                null, null, null, null, null);
    }
}
