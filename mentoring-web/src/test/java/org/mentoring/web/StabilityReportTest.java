package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A run's stability report: the number of blocking pairs and the worst-off matched mentee's affinity, in
 * {@code GET /api/v1/analytics/runs/{id}} (described in the OpenAPI description) and in words on the analytics page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=stability-report"})
@AutoConfigureMockMvc
class StabilityReportTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";
    private static final String EXTREME_WEATHER = "planetary-health/climate-health/extreme-weather";
    private static final String ZOONOSES = "planetary-health/one-health/zoonoses";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    /**
     * Mentor A (heat-health) meets on Monday and Tuesday, mentor B (zoonoses) on Tuesday, one place each. Researcher
     * r-1 (heat-health) meets on Tuesday, r-2 (extreme-weather) only on Monday, so only A can take r-2 (B is ruled
     * out by time together). Matching both, the engine gives A to r-2 (affinity 6: same parent) and B to r-1
     * (affinity 3: same root). But r-1 would rather have A (9: the same domain) and A would rather have r-1 than
     * r-2: one blocking pair. The worst-off matched mentee has affinity 3.
     */
    @Test
    void aRunReportsItsBlockingPairsAndItsWorstOffMentee() throws Exception {
        Http admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [%s, %s], "requests": [%s, %s]}
                """.formatted(mentor("m-a", HEAT, "MONDAY", "TUESDAY"), mentor("m-b", ZOONOSES, "TUESDAY"),
                request("r-1", HEAT, "TUESDAY"), request("r-2", EXTREME_WEATHER, "MONDAY")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String run = completedRun(admin);

        JsonNode analytics = admin.get("/api/v1/analytics/runs/" + run).json();

        assertThat(analytics.get("matchedCount").asInt()).isEqualTo(2);
        assertThat(analytics.get("blockingPairs").asLong()).isEqualTo(1);
        assertThat(analytics.get("worstOffAffinity").asInt()).isEqualTo(3);

        String page = mvc.perform(get("/admin/runs/" + run + "/analytics").with(user(PageUsers.COORDINATOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1 pair would both rather be together than with their match.",
                "Every matched mentee&#39;s domains match at least 3 affinity points");

        JsonNode schema = admin.get("/v3/api-docs").json().path("components").path("schemas").path("RunAnalytics")
                .path("properties");
        assertThat(schema.path("blockingPairs").path("description").asText())
                .contains("would both gain by leaving their assignment for each other");
        assertThat(schema.path("worstOffAffinity").path("description").asText()).contains("worst-off matched mentee");
    }

    private static String completedRun(Http admin) {
        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 5}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("QUEUED", "SOLVING")
                .contains(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()));
        assertThat(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()).isEqualTo("COMPLETED");
        return id;
    }

    private static String mentor(String id, String domain, String... days) {
        return """
                {"externalId": "%s", "name": "Dr. Mentor %s", "email": "%s@stability.example.org",
                 "institution": "Stability University", "country": "KE", "timeZone": "UTC", "languages": ["en"],
                 "domains": ["%s"], "topics": [], "capacity": 1, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [%s]}
                """.formatted(id, id, id, domain, slots(days));
    }

    private static String request(String id, String domain, String day) {
        return """
                {"externalId": "%s", "name": "Researcher %s", "email": "%s@stability.example.org",
                 "institution": "Stability University", "country": "KE", "timeZone": "UTC",
                 "careerStage": "POSTDOC", "languages": ["en"], "domains": ["%s"], "goals": [],
                 "startDate": "2026-03-02", "durationMonths": 6, "minOverlapMinutes": 60,
                 "weeklyAvailability": [%s], "preferredMentorIds": [], "excludedMentorIds": [], "priority": false}
                """.formatted(id, id, id, domain, slots(day));
    }

    private static String slots(String... days) {
        return String.join(", ", List.of(days).stream()
                .map(day -> "{\"day\": \"" + day + "\", \"start\": \"09:00\", \"end\": \"10:00\"}").toList());
    }
}
