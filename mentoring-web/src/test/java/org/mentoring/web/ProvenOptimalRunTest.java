package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A coordinator's run of the demo community ends as soon as its optimum is proven, long before its time limit: the
 * run resource says {@code provenOptimal: true} and the run page "best possible". Before runs stopped at proof, a
 * run kept searching for 10 s after its last improvement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=true", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=proven-optimal-run"})
@AutoConfigureMockMvc
class ProvenOptimalRunTest {

    /** The target is 3 s on a quiet machine; the test machine is shared, so the bar only rules out searching on. */
    private static final Duration WELL_BEFORE_SEARCHING_ON = Duration.ofSeconds(8);

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoRunEndsAtItsProvenOptimumAndThePageSaysBestPossible() throws Exception {
        Http admin = new Http(port).asAdmin();
        // a first run warms up the solver's classes, as any run after the application's first does
        awaitEnd(admin, start(admin));

        long started = System.nanoTime();
        String runId = start(admin);
        JsonNode run = awaitEnd(admin, runId);
        Duration toCompleted = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Demo community (%d requests x %d mentors): POST to COMPLETED in %d ms, solving %d ms%n",
                run.get("requestCount").asInt(), run.get("mentorCount").asInt(), toCompleted.toMillis(),
                run.get("elapsedMillis").asLong());

        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("provenOptimal").asBoolean()).as(run.toString()).isTrue();
        assertThat(run.get("certified").asBoolean()).as("certified over the mentors left out").isTrue();
        assertThat(run.get("feasible").asBoolean()).isTrue();
        assertThat(run.get("matchedCount").asInt()).isPositive();
        assertThat(toCompleted).as("from the start call to COMPLETED, with a time limit of 60 s")
                .isLessThan(WELL_BEFORE_SEARCHING_ON);

        mvc.perform(get("/admin/runs/{id}", runId).with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("id=\"run-proven\"")))
                .andExpect(content().string(containsString(">best possible<")))
                .andExpect(content().string(containsString("certified over every allowed pair")));

        // the run names its cycle as the coordinator named it, not by its code
        String cycle = run.get("cycle").asText();
        String name = null;
        for (JsonNode c : admin.get("/api/v1/cycles").json().get("cycles")) {
            if (c.get("code").asText().equals(cycle)) {
                name = c.get("name").asText();
            }
        }
        assertThat(name).as("the run's cycle " + cycle + " is listed").isNotNull().isNotEqualTo(cycle);
        mvc.perform(get("/admin/runs/{id}", runId).with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("id=\"run-cycle\">" + name + ";<")));
    }

    private static String start(Http admin) {
        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 60}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asText();
    }

    private static JsonNode awaitEnd(Http admin, String runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = admin.get("/api/v1/matching-runs/" + runId).json();
            if (!run.get("status").asText().equals("QUEUED") && !run.get("status").asText().equals("SOLVING")) {
                return run;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("run " + runId + " did not end within 90 s");
    }
}
