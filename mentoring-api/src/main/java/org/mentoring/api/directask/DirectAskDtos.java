package org.mentoring.api.directask;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.mentoring.api.problem.StrictBody;
import org.mentoring.directask.DirectAsk;

/** The bodies of the direct-ask endpoints. */
final class DirectAskDtos {

    private DirectAskDtos() {
    }

    @StrictBody
    @Schema(description = "Whom to ask, and a message for them")
    record DirectAskRequest(
            @Schema(description = "The externalId of the mentor, from the mentor directory", example = "m-017")
            String mentorExternalId,
            @Schema(description = "Why this mentor and what you hope to work on; 1 to 2000 characters, shown to the"
                    + " mentor in the offer's email", example = "Your work on heat and health is what I hope to"
                    + " learn from.")
            String message) {
    }

    @Schema(description = "A direct ask: an offer to the mentor that the researcher has accepted already")
    record DirectAskResponse(
            @Schema(description = "The offer's id: the mentor answers with /api/v1/proposals/{id}/accept or decline")
            String id,
            String requestExternalId,
            @Schema(description = "The researcher's name") String researcherName,
            String mentorExternalId,
            @Schema(description = "The mentor's name") String mentorName,
            String message,
            Instant askedAt,
            @Schema(description = "The mentor answers by then; unanswered, the offer expires and the request is"
                    + " OPEN again") Instant answerBy) {

        static DirectAskResponse of(DirectAsk ask) {
            return new DirectAskResponse(ask.id(), ask.requestExternalId(), ask.researcherName(),
                    ask.mentorExternalId(), ask.mentorName(), ask.message(), ask.askedAt(), ask.answerBy());
        }
    }

    @Schema(description = "The direct asks waiting for their mentors' answers, newest first")
    record PendingAsksResponse(List<DirectAskResponse> asks) {
    }

    @Schema(description = "Whether researchers may ask mentors directly")
    record DirectAskSettingsBody(
            @Schema(description = "true: researchers with an OPEN request may ask one mentor at a time (the"
                    + " default); false: they may not", requiredMode = Schema.RequiredMode.REQUIRED)
            Boolean enabled) {
    }
}
