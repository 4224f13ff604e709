package org.mentoring.api.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mentoring.analytics.AnalyticsService;
import org.mentoring.analytics.CycleAnalytics;
import org.mentoring.analytics.CycleComparison;
import org.mentoring.analytics.RunAnalytics;
import org.mentoring.api.security.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Analytics", description = "Programme analytics of matching runs.")
class AnalyticsController {

    private final AnalyticsService analytics;
    private final CycleAnalytics cycleAnalytics;

    AnalyticsController(AnalyticsService analytics, CycleAnalytics cycleAnalytics) {
        this.analytics = analytics;
        this.cycleAnalytics = cycleAnalytics;
    }

    @GetMapping("/api/v1/analytics/runs/{id}")
    @Operation(summary = "A run's analytics (ADMIN)",
            description = "Share matched, mean and worst-off domain affinity, unmatched reasons summed up, demand"
                    + " against mentor places per domain, and how researchers fared by World Bank income group of"
                    + " their country, by career stage and by language; and the stability report: `blockingPairs`"
                    + " (requests and mentors who would both rather be together than with their match) and"
                    + " `worstOffAffinity` (the worst-off matched mentee's domain affinity).")
    RunAnalytics run(@PathVariable String id) {
        Viewer.current().requireAdmin();
        return analytics.of(id);
    }

    @GetMapping("/api/v1/analytics/cycles")
    @Operation(summary = "A cycle against the previous one (ADMIN)",
            description = "For the cycle named (`?cycle=`; by default the current one: the cycle whose requests are "
                    + "open, or else closed most recently) and the cycle before it: requests, matched (accepted "
                    + "mentorships), proposed (offers waiting), unmatched (still open), withdrawn, and how many "
                    + "priority requests there were and were matched. `previous` is null for the first cycle. A run's "
                    + "own analytics (`/api/v1/analytics/runs/{id}`) are those of the cycle it placed.")
    @ApiResponse(responseCode = "404", description = "No cycle with this code")
    CycleComparison cycles(@Parameter(description = "A cycle's code", example = "2027-spring")
            @RequestParam(required = false) String cycle) {
        Viewer.current().requireAdmin();
        return cycleAnalytics.compare(cycle);
    }
}
