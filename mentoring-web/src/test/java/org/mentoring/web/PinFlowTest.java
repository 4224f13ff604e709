package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mentoring.audit.AuditService;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A coordinator pins a run's pair, through the API and on the run's pages: the next run keeps it (marked pinned,
 * saying why) and places the rest; a pin that breaks a hard rule is refused naming it, one of a withdrawn request is
 * refused and dropped by the next run, which says so; only an admin may pin, unpin or list pins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=pin-flow"})
@AutoConfigureMockMvc
class PinFlowTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    RequestService requests;
    @Autowired
    AuditService audit;

    @Test
    void aPinnedPairIsKeptByTheNextRunAndOnlyAnAdminPinsIt() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", community("[]")).status()).isEqualTo(200);
        String runA = run(admin);
        String proposal = proposalOf(admin, runA, "r-1").get("id").asText();
        String mentor = proposalOf(admin, runA, "r-1").get("mentorExternalId").asText();

        // who may pin: an unknown proposal is a 404, a researcher is refused
        Problems.assertProblem(admin.postJson("/api/v1/proposals/none/pin", ""), 404, "not-found");
        Problems.assertProblem(admin.send("DELETE", "/api/v1/proposals/none/pin", null, ""), 404, "not-found");
        mvc.perform(post("/api/v1/proposals/{id}/pin", proposal).with(csrf())
                .with(user(PageUsers.person("r-1@uni.example.org", "RESEARCHER", "r-1")))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/proposals/{id}/pin", proposal).with(csrf())
                .with(user(PageUsers.person("r-1@uni.example.org", "RESEARCHER", "r-1")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/pins").with(user(PageUsers.person(mentor + "@uni.example.org", "MENTOR", mentor))))
                .andExpect(status().isForbidden());

        // the researcher now excludes the mentor: the pin is refused, naming the rule, and nothing is pinned
        assertThat(admin.postJson("/api/v1/import", community("[\"" + mentor + "\"]")).status()).isEqualTo(200);
        Http.Answer refused = admin.postJson("/api/v1/proposals/" + proposal + "/pin", "");
        Problems.assertProblem(refused, 422, "invalid-input");
        assertThat(Problems.fields(refused)).containsExactly("mentorExternalId");
        assertThat(refused.body()).contains("CONFLICT (rule 4)", "asked not to be matched with this mentor");
        assertThat(admin.get("/api/v1/pins").json().get("pins")).isEmpty();

        assertThat(admin.postJson("/api/v1/import", community("[]")).status()).isEqualTo(200);
        Http.Answer pinned = admin.postJson("/api/v1/proposals/" + proposal + "/pin", "");
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
        assertThat(pinned.json().get("mentorExternalId").asText()).isEqualTo(mentor);
        assertThat(pinned.json().get("requestName").asText()).isEqualTo("Researcher One");
        assertThat(pinned.json().get("active").asBoolean()).isTrue();
        JsonNode pins = admin.get("/api/v1/pins").json().get("pins");
        assertThat(pins).hasSize(1);
        assertThat(pins.get(0).get("mentorName").asText()).isIn("Ada Lovelace", "Grace Hopper");
        assertThat(audit.list("proposal.pin", null, 0, 5).getContent()).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Http.ADMIN_EMAIL));

        // the next run keeps the pair, marked and explained, and places the other request
        String runB = run(admin);
        JsonNode kept = proposalOf(admin, runB, "r-1");
        assertThat(kept.get("mentorExternalId").asText()).isEqualTo(mentor);
        assertThat(kept.get("pinned").asBoolean()).isTrue();
        assertThat(kept.get("explanation").get(0).asText()).startsWith("Pinned by a coordinator");
        assertThat(proposalOf(admin, runB, "r-2").get("pinned").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/matching-runs/" + runB).json().get("matchedCount").asInt()).isEqualTo(2);

        // the run page marks it and offers Unpin; the other proposal offers Pin; so does the request's page
        String page = html("/admin/runs/" + runB);
        assertThat(page).contains("id=\"pinned-r-1\"", "id=\"unpin-r-1\"", "id=\"pin-r-2\"")
                .doesNotContain("id=\"pin-r-1\"");
        String requestPage = html("/admin/runs/" + runB + "/requests/r-1");
        assertThat(requestPage).contains("This run kept the pair because a", "Later runs keep this",
                "id=\"unpin-button\"");
        String proposalB1 = proposalOf(admin, runB, "r-1").get("id").asText();
        String proposalB2 = proposalOf(admin, runB, "r-2").get("id").asText();
        mvc.perform(post("/admin/runs/{id}/requests/{r}/unpin", runB, "r-1").param("proposalId", proposalB1)
                        .param("from", "run").with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(redirectedUrl("/admin/runs/" + runB))
                .andExpect(flash().attribute("done", containsString("Unpinned")));
        assertThat(admin.get("/api/v1/pins").json().get("pins")).isEmpty();
        assertThat(html("/admin/runs/" + runB + "/requests/r-1")).contains("id=\"pin-button\"")
                .doesNotContain("Later runs keep this");
        // a form cannot pin another request's proposal through this request's path
        mvc.perform(post("/admin/runs/{id}/requests/{r}/pin", runB, "r-1").param("proposalId", proposalB2)
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("actionError", containsString("not this request's")));
        mvc.perform(post("/admin/runs/{id}/requests/{r}/pin", runB, "r-2").param("proposalId", proposalB2)
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(redirectedUrl("/admin/runs/" + runB + "/requests/r-2"))
                .andExpect(flash().attribute("done", containsString("Pinned: later runs keep Researcher Two")));

        // the request is withdrawn: pinning it again is a conflict, and the next run drops the pin, saying why
        requests.changeStatus("r-2", RequestStatus.OPEN, RequestStatus.WITHDRAWN);
        Http.Answer conflict = admin.postJson("/api/v1/proposals/" + proposalB2 + "/pin", "");
        Problems.assertProblem(conflict, 409, "request-withdrawn");
        String runC = run(admin);
        JsonNode dropped = admin.get("/api/v1/pins").json().get("pins").get(0);
        assertThat(dropped.get("active").asBoolean()).isFalse();
        assertThat(dropped.get("droppedByRun").asText()).isEqualTo(runC);
        assertThat(dropped.get("droppedReason").asText()).isEqualTo("the request is withdrawn");
        assertThat(html("/admin/runs/" + runC)).contains("Pins this run dropped",
                "Researcher Two with", "the request is withdrawn");
        assertThat(admin.send("DELETE", "/api/v1/proposals/" + proposalB2 + "/pin", null, "").status())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/pins").json().get("pins")).isEmpty();
        assertThat(audit.list("proposal.unpin", null, 0, 5).getContent()).hasSize(2);
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path).with(user(PageUsers.COORDINATOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static String run(Http admin) {
        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 10}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "COMPLETED".equals(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()));
        return id;
    }

    private static JsonNode proposalOf(Http admin, String runId, String requestId) {
        for (JsonNode p : admin.get("/api/v1/matching-runs/" + runId + "/proposals").json().get("proposals")) {
            if (p.get("requestExternalId").asText().equals(requestId)) {
                return p;
            }
        }
        throw new AssertionError("no proposal for " + requestId + " in run " + runId);
    }

    /** Two English mentors with one place each and two requests both fit; r-1 excludes {@code excluded}. */
    private static String community(String excluded) {
        return "{\"mentors\": [" + mentor("m-a", "Ada Lovelace") + "," + mentor("m-b", "Grace Hopper")
                + "], \"requests\": [" + request("r-1", "Researcher One", excluded) + ","
                + request("r-2", "Researcher Two", "[]") + "]}";
    }

    private static String mentor(String id, String name) {
        return """
                {"externalId": "%s", "name": "%s", "email": "%s@uni.example.org", "institution": "Mentor University",
                 "country": "GB", "timeZone": "UTC", "languages": ["en"], "domains": ["%s"], "topics": ["publishing"],
                 "capacity": 1, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "08:00", "end": "18:00"}]}
                """.formatted(id, name, id, HEAT);
    }

    private static String request(String id, String name, String excluded) {
        return """
                {"externalId": "%s", "name": "%s", "email": "%s@uni.example.org", "institution": "Other University",
                 "country": "CA", "timeZone": "UTC", "careerStage": "POSTDOC", "languages": ["en"],
                 "domains": ["%s"], "goals": ["publishing"], "startDate": "2027-01-15", "durationMonths": 6,
                 "minOverlapMinutes": 60, "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "11:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": %s, "priority": false}
                """.formatted(id, name, id, HEAT, excluded);
    }
}
