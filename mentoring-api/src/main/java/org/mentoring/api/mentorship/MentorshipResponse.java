package org.mentoring.api.mentorship;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.mentoring.mentorship.MentorshipStatus;

/** One accepted mentorship. */
@Schema(description = "An accepted mentorship: a request and its mentor.")
record MentorshipResponse(
        String id,
        @Schema(example = "r-104") String requestExternalId,
        @Schema(example = "m-017") String mentorExternalId,
        MentorshipStatus status,
        LocalDate startDate,
        @Schema(description = "When it ended; null while active.") LocalDate endDate,
        @Schema(description = "The proposal it was accepted from, if any.") String proposalId) {
}
