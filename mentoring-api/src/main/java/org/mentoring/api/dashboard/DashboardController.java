package org.mentoring.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.mentoring.api.security.Viewer;
import org.mentoring.dashboard.Attention;
import org.mentoring.dashboard.AttentionService;
import org.mentoring.dashboard.Demand;
import org.mentoring.dashboard.DemandService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboard", description = "The coordinator's overview: what needs their attention, and demand against"
        + " free places per domain branch; the same as the dashboard page (/admin) shows.")
class DashboardController {

    private final AttentionService attention;
    private final DemandService demand;

    DashboardController(AttentionService attention, DemandService demand) {
        this.attention = attention;
        this.demand = demand;
    }

    @Schema(description = "What the application could not finish by itself and needs the coordinator.")
    record AttentionResponse(
            @Schema(description = "Each thing to deal with, in the order the dashboard shows them; empty when"
                    + " nothing needs attention.") List<AttentionItemResponse> items) {

        static AttentionResponse of(Attention attention) {
            return new AttentionResponse(attention.items().stream().map(item -> new AttentionItemResponse(
                    item.kind(), item.text(), item.page(), item.action(), item.api())).toList());
        }
    }

    @Schema(description = "One thing that needs the coordinator, and where to deal with it.")
    record AttentionItemResponse(
            @Schema(description = "What it is.", allowableValues = {Attention.RESTORE_INTERRUPTED,
                Attention.IMPORT_CUT_SHORT, Attention.RUN_FAILED, Attention.PUBLICATION_UNFINISHED,
                Attention.UNDELIVERABLE_MESSAGES, Attention.CIRCLE_BELOW_MINIMUM}) String kind,
            @Schema(description = "What happened and what to do, in words.",
                    example = "The latest matching run failed: the solver ran out of memory") String text,
            @Schema(description = "The page where the coordinator deals with it; null when no page does.",
                    example = "/admin/runs/run-1") String page,
            @Schema(description = "The words of the link to that page; null when there is no page.",
                    example = "See the run") String action,
            @Schema(description = "The API resource that deals with it.", example = "/api/v1/matching-runs/run-1")
            String api) {
    }

    @Schema(description = "Open requests against the places of mentors available today, overall and per domain"
            + " branch.")
    record DemandResponse(
            @Schema(description = "The day (UTC) mentors' availability windows are read for.") LocalDate today,
            @Schema(description = "Requests with status OPEN.") int openRequests,
            @Schema(description = "Every stored mentor, available or not.") long mentors,
            @Schema(description = "Mentors with capacity above 0 whose availability window (availableFrom to"
                    + " availableUntil, when set) holds today, leaving out mentors paused beyond today.")
            int availableMentors,
            @Schema(description = "The capacity of the available mentors, summed.") int places,
            @Schema(description = "The available mentors' places not held by an offer awaiting an answer or an"
                    + " active mentorship.") int freePlaces,
            @Schema(description = "One row per branch of the taxonomy (its second level), in the taxonomy's order.")
            List<BranchDemandResponse> branches) {

        static DemandResponse of(Demand demand) {
            return new DemandResponse(demand.today(), demand.openRequests(), demand.mentors(),
                    demand.availableMentors(), demand.places(), demand.freePlaces(), demand.branches().stream()
                    .map(b -> new BranchDemandResponse(b.code(), b.name(), b.openRequests(), b.freePlaces(),
                            b.places())).toList());
        }
    }

    @Schema(description = "Demand against places in one domain branch. A mentor's places count in every branch of"
            + " their expertise, so branches' places add up to more than the total.")
    record BranchDemandResponse(
            @Schema(description = "The branch's taxonomy code.", example = "planetary-health/climate-health")
            String code,
            @Schema(description = "The branch's name.", example = "Climate and health") String name,
            @Schema(description = "Open requests whose first-choice domain lies in the branch.") int openRequests,
            @Schema(description = "Free places of available mentors with expertise in the branch.") int freePlaces,
            @Schema(description = "All places (capacity) of those mentors, held or free.") int places) {
    }

    @GetMapping("/api/v1/admin/attention")
    @Operation(summary = "What needs the coordinator's attention (ADMIN)",
            description = "What the application could not finish by itself: a restore cut short, the latest import"
                    + " when it was interrupted or failed, the latest matching run when it failed, publications that"
                    + " have not gone through every proposal (and whose run is not outdated), and messages that"
                    + " could not be delivered after every attempt. Each item says what happened in words, the page"
                    + " where to deal with it and the API resource that does. The dashboard page shows the same"
                    + " list.")
    @ApiResponse(responseCode = "200", description = "The items; empty when nothing needs attention.")
    @ApiResponse(responseCode = "401", description = "Not signed in.")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN.")
    AttentionResponse attention() {
        Viewer.current().requireAdmin();
        return AttentionResponse.of(attention.current());
    }

    @GetMapping("/api/v1/admin/demand")
    @Operation(summary = "Demand against free places per domain branch (ADMIN)",
            description = "Open requests by the branch of their first-choice domain, against the free places of"
                    + " mentors available today (capacity above 0, availability window holding today, not paused) with"
                    + " expertise in the branch. A place is free when no offer awaiting an answer and no active"
                    + " mentorship holds it; all places are given too. The dashboard page shows the same numbers.")
    @ApiResponse(responseCode = "200", description = "Today's demand, overall and per branch.")
    @ApiResponse(responseCode = "401", description = "Not signed in.")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN.")
    DemandResponse demand() {
        Viewer.current().requireAdmin();
        return DemandResponse.of(demand.current());
    }
}
