package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.ProposalDocument;

/** A seat in a mentoring circle offered to a request: an offer the member answers like any other. */
@Schema(description = "A seat in a mentoring circle offered to a request: an offer (its id begins with seat-) the"
        + " member accepts or declines like a pair's, by answerBy; the circle's mentor's answer is given by leading it.")
record SeatResponse(
        @Schema(description = "The seat's offer id.", example = "seat-6f1c2a4e-0b7d-4c1e-9a5f-2d8e3b7c9a10-000001-04") String id,
        String runId,
        @Schema(description = "The circle's id, as in GET /api/v1/matching-runs/{id}/circles.") String circleId,
        String requestExternalId,
        String mentorExternalId,
        @Schema(description = "OFFERED: waiting for the member's answer.") OfferStatus status,
        @Schema(description = "Why the member is offered the seat, as the member reads it.") List<String> explanation,
        Instant offeredAt,
        @Schema(description = "The deadline of the member's answer.") Instant answerBy) {

    static SeatResponse of(ProposalDocument seat) {
        return new SeatResponse(seat.id(), seat.runId(), seat.circleId(), seat.requestExternalId(),
                seat.mentorExternalId(), seat.status(), seat.explanation(), seat.offeredAt(), seat.answerBy());
    }
}
