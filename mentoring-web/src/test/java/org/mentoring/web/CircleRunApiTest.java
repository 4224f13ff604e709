package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator starts a run that forms mentoring circles and reads them at {@code GET
 * /api/v1/matching-runs/{id}/circles}; wrong circle settings are refused naming each field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=circle-run-api"})
@AutoConfigureMockMvc
class CircleRunApiTest {

    @Autowired
    MockMvc mvc;

    private static final String PASSWORD = "circle-test-pass 2026";

    @LocalServerPort
    int port;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;

    @Test
    void aRunFormsCirclesThatAnAdminReadsAndNobodyElse() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<WeeklySlot> tuesday = List.of(WeeklySlot.parse("TUE 14:00-15:00"));
        mentors.upsertAll(List.of(new Mentor("m-circle", "Amara Okafor", "amara@uni.example.org", "Uni A", "NG",
                ZoneId.of("UTC"), Set.of("en"), List.of("planetary-health/climate-health"), Set.of(), 1,
                today.minusDays(30), null, tuesday, 1)), Set.of());
        List<MentorshipRequest> open = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            open.add(request("r-" + i, tuesday, RequestFormat.CIRCLE, today));
        }
        open.add(request("r-friday", List.of(WeeklySlot.parse("FRI 08:00-09:00")), RequestFormat.CIRCLE, today));
        requests.upsertAll(open, Set.of());
        Http admin = new Http(port).asAdmin();

        Http.Answer wrong = admin.postJson("/api/v1/matching-runs",
                "{\"timeLimitSeconds\": 2, \"circles\": {\"minSize\": 1, \"maxSize\": 6, \"meetingMinutes\": 50}}");
        Problems.assertProblem(wrong, 422, "invalid-input");
        assertThat(Problems.fields(wrong)).containsExactlyInAnyOrder("circles.minSize", "circles.meetingMinutes");
        assertThat(wrong.body()).contains("steps of 15 minutes");

        Http.Answer unknown = admin.postJson("/api/v1/matching-runs", "{\"circles\": {\"size\": 4}}");
        assertThat(unknown.status()).as(unknown.body()).isIn(400, 422);
        assertThat(unknown.body()).contains("circles.size");
        Http.Answer badDate = admin.postJson("/api/v1/matching-runs", "{\"circles\": {\"startDate\": \"2027-13-45\"}}");
        assertThat(badDate.status()).as(badDate.body()).isIn(400, 422);
        assertThat(badDate.body()).contains("circles.startDate");
        assertThat(admin.get("/api/v1/matching-runs").json().get("totalElements").asInt()).isZero();

        String runId = awaitEnd(admin, start(admin, "{\"timeLimitSeconds\": 2, \"circles\": {}}"));
        JsonNode run = admin.get("/api/v1/matching-runs/" + runId).json();
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("provenOptimal").asBoolean()).isFalse();

        Http.Answer answer = admin.get("/api/v1/matching-runs/" + runId + "/circles");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode circles = answer.json().get("circles");
        assertThat(circles).hasSize(1);
        JsonNode circle = circles.get(0);
        assertThat(circle.get("mentorExternalId").asText()).isEqualTo("m-circle");
        List<String> members = new ArrayList<>();
        circle.get("members").forEach(m -> members.add(m.asText()));
        assertThat(members).containsExactlyInAnyOrder("r-1", "r-2", "r-3");
        assertThat(circle.get("meeting").get("day").asText()).isEqualTo("TUESDAY");
        assertThat(circle.get("meeting").get("start").asText()).isEqualTo("14:00");
        assertThat(circle.get("meeting").get("end").asText()).isEqualTo("15:00");
        assertThat(circle.get("explanation")).hasSize(3);
        assertThat(circle.get("explanation").get(0).asText()).contains("Tue 14:00-15:00 in their zone (UTC)")
                .contains("speaks English");

        JsonNode unmatched = admin.get("/api/v1/matching-runs/" + runId + "/proposals").json().get("unmatched");
        assertThat(unmatched).hasSize(1);
        assertThat(unmatched.get(0).get("requestExternalId").asText()).isEqualTo("r-friday");
        assertThat(unmatched.get(0).get("reasons").get(0).asText()).isEqualTo("no circle meeting time fits your week");

        String plainRun = awaitEnd(admin, start(admin, "{\"timeLimitSeconds\": 2}"));
        assertThat(admin.get("/api/v1/matching-runs/" + plainRun + "/circles").json().get("circles")).isEmpty();
        Problems.assertProblem(admin.get("/api/v1/matching-runs/no-such-run/circles"), 404, "not-found");

        // the run's "Circles" page names the mentor and the members, with the meeting time and the reasons
        mvc.perform(get("/admin/runs/{id}/circles", runId).with(user(PageUsers.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Circle 1: led by Amara Okafor")))
                .andExpect(content().string(containsString("Researcher r-1")))
                .andExpect(content().string(containsString("Tue 14:00-15:00 UTC")))
                .andExpect(content().string(containsString("in their zone (UTC)")));
        mvc.perform(get("/admin/runs/{id}/circles", plainRun).with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("id=\"no-circles\"")));
        // the "Form circles" option of the page that starts a run refuses a wrong size, naming it
        mvc.perform(post("/admin/runs").param("timeLimitSeconds", "2").param("circles", "on")
                .param("circles.minSize", "1").with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("a circle needs at least 2 and at most 12 members")));
        String formed = mvc.perform(post("/admin/runs").param("timeLimitSeconds", "2").param("circles", "on")
                .param("circles.minSize", "").with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        String formedRun = awaitEnd(admin, formed.substring("/admin/runs/".length()));
        assertThat(admin.get("/api/v1/matching-runs/" + formedRun + "/circles").json().get("circles")).hasSize(1);

        Http researcher = researcher(admin);
        assertThat(researcher.get("/api/v1/matching-runs/" + runId + "/circles").status()).isEqualTo(403);
        assertThat(new Http(port).get("/api/v1/matching-runs/" + runId + "/circles").status()).isEqualTo(401);
    }

    private Http researcher(Http admin) {
        Http.Answer invited = admin.postJson("/api/v1/accounts/invitations",
                "{\"email\": \"circle.researcher@uni.example.org\", \"name\": \"Rhea\", \"role\": \"RESEARCHER\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String url = invited.json().get("setPasswordUrl").asText();
        String token = url.substring(url.indexOf("token=") + 6);
        assertThat(new Http(port).postJson("/api/v1/accounts/set-password",
                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, PASSWORD)).status()).isEqualTo(204);
        return new Http(port).as("circle.researcher@uni.example.org", PASSWORD);
    }

    private static MentorshipRequest request(String id, List<WeeklySlot> slots, RequestFormat format,
            LocalDate today) {
        return new MentorshipRequest(id, "Researcher " + id, id + "@lab.example.org", "Lab " + id, "GH",
                ZoneId.of("UTC"), CareerStage.POSTDOC, Set.of("en"), List.of("planetary-health/climate-health"),
                Set.of(), today.plusDays(7), 6, 60, slots, List.of(), Set.of(), false, format);
    }

    private static String start(Http admin, String body) {
        Http.Answer started = admin.postJson("/api/v1/matching-runs", body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asText();
    }

    private static String awaitEnd(Http admin, String runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String status = admin.get("/api/v1/matching-runs/" + runId).json().get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("SOLVING")) {
                return runId;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " did not end");
    }
}
