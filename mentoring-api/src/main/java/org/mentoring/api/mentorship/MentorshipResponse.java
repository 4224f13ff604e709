package org.mentoring.api.mentorship;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.mentoring.matching.model.MentorshipStatus;

/** One accepted mentorship. */
@Schema(description = "An accepted mentorship: a request and its mentor.")
record MentorshipResponse(
        String id,
        @Schema(example = "r-104") String requestExternalId,
        @Schema(example = "m-017") String mentorExternalId,
        @Schema(description = "ACTIVE while it runs; COMPLETED (by a side or the coordinator, or by itself on its"
                + " agreed end date) or ENDED_EARLY once ended.") MentorshipStatus status,
        LocalDate startDate,
        @Schema(description = "While ACTIVE, the agreed end: the start date plus the request's duration, when it"
                + " completes by itself; once ended, the day it ended.") LocalDate endDate,
        @Schema(description = "The proposal it was accepted from, if any.") String proposalId,
        @Schema(description = "When it ended; null while active.") Instant endedAt,
        @Schema(description = "Who ended it: an email, or \"programme\" when it completed by itself on its end"
                + " date; null while active.") String endedBy,
        @Schema(description = "The note of who ended it, read by both sides and the coordinators; null if none.")
        String endNote) {
}
