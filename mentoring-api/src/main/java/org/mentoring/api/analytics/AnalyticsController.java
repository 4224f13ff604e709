package org.mentoring.api.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mentoring.analytics.AnalyticsService;
import org.mentoring.analytics.RunAnalytics;
import org.mentoring.api.security.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Analytics", description = "Programme analytics of matching runs.")
class AnalyticsController {

    private final AnalyticsService analytics;

    AnalyticsController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/api/v1/analytics/runs/{id}")
    @Operation(summary = "A run's analytics (ADMIN)",
            description = "Share matched, mean and worst-off domain affinity, unmatched reasons summed up, demand"
                    + " against mentor places per domain, and how researchers fared by World Bank income group of"
                    + " their country, by career stage and by language.")
    RunAnalytics run(@PathVariable String id) {
        Viewer.current().requireAdmin();
        return analytics.of(id);
    }
}
