package org.mentoring.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.mentoring.api.security.Viewer;
import org.mentoring.dashboard.WaitingOffers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboard")
class WaitingOffersController {

    private final WaitingOffers waiting;

    WaitingOffersController(WaitingOffers waiting) {
        this.waiting = waiting;
    }

    @Schema(description = "The offers waiting for an answer (OFFERED), longest waiting first.")
    record WaitingOffersResponse(
            @Schema(description = "How many offers are waiting, all of them.") long total,
            @Schema(description = "The " + WaitingOffers.LISTED + " that have waited longest, longest first.")
            List<WaitingOfferResponse> offers) {

        static WaitingOffersResponse of(WaitingOffers.Waiting waiting) {
            return new WaitingOffersResponse(waiting.total(), waiting.offers().stream().map(o ->
                    new WaitingOfferResponse(o.id(), o.runId(), o.requestExternalId(), o.researcherName(),
                            o.mentorExternalId(), o.mentorName(), o.offeredAt(), o.waitingFor().toDays(),
                            o.answerBy(), o.waitingOn())).toList());
        }
    }

    @Schema(description = "One offer waiting for an answer.")
    record WaitingOfferResponse(
            String id,
            @Schema(description = "The run that offered it; null for a researcher's direct ask.") String runId,
            String requestExternalId,
            String researcherName,
            String mentorExternalId,
            String mentorName,
            @Schema(description = "When it was offered.") Instant offeredAt,
            @Schema(description = "Whole days it has waited since.") long daysWaiting,
            @Schema(description = "Its deadline: not answered by both sides by then, it becomes EXPIRED. Null for"
                    + " an offer made before offers had deadlines.") Instant answerBy,
            @Schema(description = "Whose answer is missing.", allowableValues = {"both", "researcher", "mentor"})
            String waitingOn) {
    }

    @GetMapping("/api/v1/admin/waiting-offers")
    @Operation(summary = "Offers waiting for an answer, longest waiting first (ADMIN)",
            description = "Every OFFERED offer, from a run or a direct ask, with when it was offered, how many days"
                    + " it has waited, its deadline (answerBy) and whose answer is missing; the dashboard page shows"
                    + " the same list.")
    @ApiResponse(responseCode = "200", description = "The count and the longest waiting offers.")
    @ApiResponse(responseCode = "401", description = "Not signed in.")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN.")
    WaitingOffersResponse waitingOffers() {
        Viewer.current().requireAdmin();
        return WaitingOffersResponse.of(waiting.current());
    }
}
