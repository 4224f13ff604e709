package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mentoring.web.Problems.assertProblem;
import static org.mentoring.web.Problems.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cycles over real HTTP: an admin creates them (bad ones are refused naming each field), anyone signed in lists
 * them, a researcher asks again in a later cycle but once per cycle, and a run places one cycle.
 */
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            // its own context (and store): the cycles it creates must not reach other test classes
            Http.ADMIN_PASSWORD_PROPERTY, "mentoring.test-store=cycles"})
class CyclesHttpTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String RESEARCHER = "asks.again@uni.example.org";
    static final String PASSWORD = "Researcher-pass-2026";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    private static String cycle(String code, LocalDate open, LocalDate close, LocalDate starts, LocalDate ends) {
        return """
                {"code": "%s", "name": "Cycle %s", "requestsOpen": "%s", "requestsClose": "%s", "startsOn": "%s",
                 "endsOn": "%s"}""".formatted(code, code, open, close, starts, ends);
    }

    private static String request(String id, String cycle) {
        return """
                {"externalId": "%s", "name": "Asks Again", "email": "%s", "country": "CA",
                 "timeZone": "UTC", "careerStage": "POSTDOC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "goals": ["publishing"],
                 "startDate": "%s", "durationMonths": 6,
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "11:00"}]%s}
                """.formatted(id, RESEARCHER, TODAY.plusDays(40), cycle == null ? "" : ", \"cycle\": \"" + cycle
                + "\"");
    }

    @Test
    void cyclesAreCreatedByAdminsListedToEveryoneAndAResearcherAsksAgainInALaterCycle() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.get("/api/v1/cycles").json().get("cycles").get(0).get("code").asText()).isEqualTo("default");

        Http.Answer past = admin.postJson("/api/v1/cycles", cycle("past", TODAY.minusDays(90), TODAY.minusDays(60),
                TODAY.minusDays(50), TODAY.plusDays(100)));
        assertThat(past.status()).as(past.body()).isEqualTo(201);
        assertThat(past.json().get("openForRequests").asBoolean()).isFalse();
        assertThat(admin.postJson("/api/v1/cycles", cycle("now", TODAY.minusDays(5), TODAY.plusDays(20),
                TODAY.plusDays(30), TODAY.plusDays(200))).status()).isEqualTo(201);

        // bad cycles: each wrong field named, nothing stored
        assertFields(admin.postJson("/api/v1/cycles", cycle("Now 2!", TODAY.plusDays(300), TODAY.plusDays(290),
                TODAY.plusDays(280), TODAY.plusDays(270))), "code", "requestsClose", "startsOn", "endsOn");
        assertFields(admin.postJson("/api/v1/cycles", cycle("overlap", TODAY.plusDays(20), TODAY.plusDays(25),
                TODAY.plusDays(30), TODAY.plusDays(200))), "requestsOpen", "requestsClose");
        assertFields(admin.postJson("/api/v1/cycles", cycle("now", TODAY.plusDays(300), TODAY.plusDays(310),
                TODAY.plusDays(320), TODAY.plusDays(400))), "code");
        assertProblem(admin.postJson("/api/v1/cycles", "{\"code\": \"x\", \"colour\": \"red\"}"), 422,
                "invalid-input");

        // a researcher: last cycle's request was imported by the coordinator, now they ask again themselves
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [{"externalId": "m-1", "name": "Dr. Mentor", "email": "mentor.one@uni.example.org",
                 "institution": "Mentor University", "country": "KE", "timeZone": "UTC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["publishing"],
                 "capacity": 2, "availableFrom": "%s",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "12:00"}]}],
                 "requests": [%s]}""".formatted(TODAY.minusDays(100), request("r-past", "past")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Http researcher = signedInResearcher(admin);

        assertThat(researcher.postJson("/api/v1/cycles", cycle("mine", TODAY.plusDays(500), TODAY.plusDays(510),
                TODAY.plusDays(520), TODAY.plusDays(600))).status()).isEqualTo(403);
        JsonNode listed = researcher.get("/api/v1/cycles").json();
        assertThat(listed.get("openForRequests").asText()).isEqualTo("now");
        List<String> codes = new ArrayList<>();
        listed.get("cycles").forEach(c -> codes.add(c.get("code").asText()));
        assertThat(codes).containsExactly("past", "now");

        Http.Answer intoClosed = researcher.postJson("/api/v1/requests", request("r-closed", "past"));
        assertProblem(intoClosed, 422, "invalid-input");
        assertThat(fields(intoClosed)).containsExactly("cycle");

        Http.Answer again = researcher.postJson("/api/v1/requests", request("r-now", null));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("cycle").asText()).isEqualTo("now");
        Http.Answer twice = researcher.postJson("/api/v1/requests", request("r-twice", null));
        assertProblem(twice, 409, "duplicate-email");
        List<String> mine = new ArrayList<>();
        researcher.get("/api/v1/requests").json().get("content").forEach(r -> mine.add(r.get("externalId").asText()
                + " in " + r.get("cycle").asText()));
        assertThat(mine).containsExactly("r-now in now", "r-past in past");

        // a run places one cycle: the default is the cycle open for requests
        assertFields(admin.postJson("/api/v1/matching-runs", "{\"cycle\": \"nope\"}"), "cycle");
        Http.Answer run = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        assertThat(run.json().get("cycle").asText()).isEqualTo("now");
        String id = run.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("COMPLETED", "CANCELLED", "FAILED")
                .contains(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()));
        JsonNode ended = admin.get("/api/v1/matching-runs/" + id).json();
        assertThat(ended.get("requestCount").asInt()).as("only the open request of the cycle now").isEqualTo(1);
        JsonNode proposals = admin.get("/api/v1/matching-runs/" + id + "/proposals").json().get("proposals");
        assertThat(proposals).hasSize(1);
        assertThat(proposals.get(0).get("requestExternalId").asText()).isEqualTo("r-now");

        JsonNode comparison = admin.get("/api/v1/analytics/cycles?cycle=now").json();
        assertThat(comparison.get("cycle").get("requests").asInt()).isEqualTo(1);
        assertThat(comparison.get("previous").get("cycle").asText()).isEqualTo("past");
        assertThat(comparison.get("previous").get("unmatched").asInt()).isEqualTo(1);
        assertThat(researcher.get("/api/v1/analytics/cycles").status()).isEqualTo(403);

        // on the page /my-request, a researcher whose request is in an earlier cycle asks again in the open one
        String pageAsker = "page.asker@uni.example.org";
        assertThat(admin.postJson("/api/v1/import", "{\"requests\": [%s]}".formatted(request("r-page-past", "past")
                .replace(RESEARCHER, pageAsker))).status()).isEqualTo(200);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/my-request")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(PageUsers.person(pageAsker, "RESEARCHER", null)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf())
                        .param("version", "0").param("name", "Page Asker")
                        .param("country", "CA").param("timeZone", "UTC").param("careerStage", "POSTDOC")
                        .param("domainPick", "planetary-health/climate-health/heat-health").param("languages", "en")
                        .param("startDate", TODAY.plusDays(40).toString()).param("durationMonths", "6")
                        .param("slotDay", "TUESDAY").param("slotStart", "09:00").param("slotEnd", "11:00"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/my-request?saved"));
        List<String> pages = new ArrayList<>();
        admin.get("/api/v1/requests?size=100").json().get("content").forEach(r -> {
            if (r.get("email").asText().equals(pageAsker)) {
                pages.add(r.get("cycle").asText() + " " + r.get("status").asText());
            }
        });
        assertThat(pages).containsExactlyInAnyOrder("past OPEN", "now OPEN");
    }

    private static void assertFields(Http.Answer answer, String... expected) {
        assertProblem(answer, 422, "invalid-input");
        assertThat(fields(answer)).containsExactlyInAnyOrder(expected);
    }

    private Http signedInResearcher(Http admin) {
        Http.Answer invited = admin.postJson("/api/v1/accounts/invitations",
                "{\"email\": \"%s\", \"name\": \"Asks Again\", \"role\": \"RESEARCHER\"}".formatted(RESEARCHER));
        assertThat(invited.status()).as(invited.body()).isIn(200, 201);
        String url = invited.json().get("setPasswordUrl").asText();
        String token = url.substring(url.indexOf("token=") + 6);
        Http anonymous = new Http(port);
        assertThat(anonymous.postJson("/api/v1/accounts/set-password",
                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, PASSWORD)).status()).isEqualTo(204);
        return anonymous.as(RESEARCHER, PASSWORD);
    }
}
