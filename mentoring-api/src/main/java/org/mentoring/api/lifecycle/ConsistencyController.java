package org.mentoring.api.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.mentoring.api.security.Viewer;
import org.mentoring.lifecycle.ConsistencyReport;
import org.mentoring.lifecycle.PlacesReconciliation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Offers")
class ConsistencyController {

    private final PlacesReconciliation reconciliation;

    ConsistencyController(PlacesReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Schema(description = "Whether every mentor's places in the ledger are what their offers and mentorships hold.")
    record ConsistencyResponse(
            @Schema(description = "True when no mentor differs.") boolean consistent,
            @Schema(description = "Each mentor whose ledger differs; empty when consistent.")
            List<MentorPlacesResponse> mentors) {

        static ConsistencyResponse of(ConsistencyReport report) {
            return new ConsistencyResponse(report.consistent(), report.mentors().stream()
                    .map(m -> new MentorPlacesResponse(m.mentorExternalId(), m.name(), m.ledger(), m.actual(),
                            m.ledgerCapacity(), m.capacity()))
                    .toList());
        }
    }

    @Schema(description = "One mentor whose places in the ledger differ from the facts.")
    record MentorPlacesResponse(
            String mentorExternalId,
            @Schema(description = "The mentor's name; null when the mentor is no longer stored.") String name,
            @Schema(description = "Places the ledger says the mentor holds.") int ledger,
            @Schema(description = "Places the mentor's offers awaiting answers and active mentorships hold.")
            int actual,
            @Schema(description = "The capacity the ledger checks new places against.") int ledgerCapacity,
            @Schema(description = "The capacity in the mentor's profile; null when the mentor is no longer stored.")
            Integer capacity) {
    }

    @GetMapping("/api/v1/admin/consistency")
    @Operation(summary = "Check the ledger of mentors' places (ADMIN)",
            description = "Every place a mentor holds (an offer awaiting answers, an active mentorship) is taken and"
                    + " given back in one ledger document per mentor, by conditional updates that never let two"
                    + " callers take one mentor's last place. This recomputes every mentor's places from the offers"
                    + " and mentorships and lists each mentor whose ledger differs (after a crash between taking a"
                    + " place and writing the offer, say). It changes nothing: the ledger is set to the facts at"
                    + " each start of the app, and the log says what was fixed.")
    @ApiResponse(responseCode = "200", description = "The report: consistent, or the mentors that differ.")
    @ApiResponse(responseCode = "401", description = "Not signed in.")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN.")
    ConsistencyResponse consistency() {
        Viewer.current().requireAdmin();
        return ConsistencyResponse.of(reconciliation.check());
    }
}
