package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11, items 4 and 9: what a participant may set and when. Only a coordinator sets a request's priority and
 * anyone's email; a mentor sets their own capacity up to 20; a researcher cannot change or delete a request with an
 * offer waiting or an active mentorship; a second invitation of an account cannot quietly change its role or
 * profile; the offer pages answer an unknown offer like someone else's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=participant-limits"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantLimitsTest {

    static final String PASSWORD = "participant limits 2026";
    /** A researcher without a request yet. */
    static final String FREE = "free.researcher@uni.example.org";
    /** A researcher whose request r-busy gets an offer. */
    static final String BUSY = "busy.researcher@uni.example.org";
    static final String MENTOR = "mentor.one@uni.example.org";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    private Http admin;
    private String offerId;

    @BeforeAll
    void busyResearchersRequestHasAnOffer() {
        admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [%s], "requests": [%s]}""".formatted(mentor("m-1", MENTOR, 1),
                request("r-busy", BUSY, false)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        invite(FREE, "RESEARCHER", null);
        invite(BUSY, "RESEARCHER", "r-busy");
        invite(MENTOR, "MENTOR", "m-1");
        String runId = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}").json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                admin.get("/api/v1/matching-runs/" + runId).json().get("status").asText()));
        Http.Answer published = admin.postJson("/api/v1/matching-runs/" + runId + "/publish", "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        offerId = admin.get("/api/v1/matching-runs/" + runId + "/proposals").json().get("proposals").get(0)
                .get("id").asText();
        assertThat(admin.get("/api/v1/requests/r-busy").json().get("status").asText()).isEqualTo("PROPOSED");
    }

    @Test
    void aResearcherSetsNeitherPriorityNorAnotherEmailButMaySendBackWhatTheyRead() {
        Http researcher = new Http(port).as(FREE, PASSWORD);

        Http.Answer flagged = researcher.postJson("/api/v1/requests", request("r-free", FREE, true));
        Problems.assertProblem(flagged, 403, "forbidden");
        assertThat(Problems.fields(flagged)).containsExactly("priority");
        Http.Answer someoneElses = researcher.postJson("/api/v1/requests", request("r-free", BUSY, false));
        Problems.assertProblem(someoneElses, 403, "forbidden");
        assertThat(Problems.fields(someoneElses)).containsExactly("email");
        assertThat(admin.get("/api/v1/requests/r-free").status()).as("nothing created").isEqualTo(404);

        Http.Answer created = researcher.postJson("/api/v1/requests",
                request("r-free", FREE.toUpperCase(java.util.Locale.ROOT), false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // the coordinator flags it; the researcher's edits neither clear nor set the flag
        long version = admin.get("/api/v1/requests/r-free").json().get("version").asLong();
        assertThat(admin.send("PUT", "/api/v1/requests/r-free", "\"" + version + "\"",
                update(FREE, "true")).status()).isEqualTo(200);
        version++;
        Http.Answer unflag = researcher.send("PUT", "/api/v1/requests/r-free", "\"" + version + "\"",
                update(FREE, "false"));
        Problems.assertProblem(unflag, 403, "forbidden");
        assertThat(Problems.fields(unflag)).containsExactly("priority");
        Http.Answer moved = researcher.send("PUT", "/api/v1/requests/r-free", "\"" + version + "\"",
                update("new.address@uni.example.org", "true"));
        Problems.assertProblem(moved, 403, "forbidden");
        assertThat(Problems.fields(moved)).containsExactly("email");
        assertThat(admin.get("/api/v1/requests/r-free").json().get("version").asLong()).as("nothing written")
                .isEqualTo(version);

        Http.Answer sentBack = researcher.send("PUT", "/api/v1/requests/r-free", "\"" + version + "\"",
                update(FREE, "true"));
        assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        Http.Answer leftOut = researcher.send("PUT", "/api/v1/requests/r-free", "\"" + (version + 1) + "\"",
                update(FREE, null));
        assertThat(leftOut.status()).as(leftOut.body()).isEqualTo(200);
        assertThat(leftOut.json().get("priority").asBoolean()).as("the coordinator's flag stays").isTrue();
        assertThat(leftOut.json().get("email").asText()).isEqualTo(FREE);
    }

    @Test
    void aMentorSetsTheirCapacityUpToTwentyButNotTheirEmail() throws Exception {
        Http mentor = new Http(port).as(MENTOR, PASSWORD);

        // the profile page offers 0 to 20 and refuses more, saving nothing
        long version = admin.get("/api/v1/mentors/m-1").json().get("version").asLong();
        mvc.perform(get("/mentor").with(user(PageUsers.person(MENTOR, "MENTOR", "m-1"))))
                .andExpect(content().string(containsString("max=\"20\"")));
        mvc.perform(post("/mentor").with(user(PageUsers.person(MENTOR, "MENTOR", "m-1"))).with(csrf())
                        .param("version", Long.toString(version)).param("name", "Dr. Mentor One")
                        .param("institution", "Mentor University").param("country", "KE").param("timeZone", "UTC")
                        .param("languages", "en").param("domains", "planetary-health/climate-health/heat-health")
                        .param("topics", "publishing").param("capacity", "21").param("availableFrom", "2026-01-01")
                        .param("availableUntil", "").param("slotDay", "TUESDAY").param("slotStart", "09:00")
                        .param("slotEnd", "12:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("you can take up to 20 mentees at once")));
        assertThat(admin.get("/api/v1/mentors/m-1").json().get("capacity").asInt()).isEqualTo(1);

        Http.Answer moved = mentor.send("PUT", "/api/v1/mentors/m-1", "\"" + version + "\"",
                mentor("m-1", "somewhere.else@uni.example.org", 1));
        Problems.assertProblem(moved, 403, "forbidden");
        assertThat(Problems.fields(moved)).containsExactly("email");
        Http.Answer tooMany = mentor.send("PUT", "/api/v1/mentors/m-1", "\"" + version + "\"",
                mentor("m-1", MENTOR, 21));
        Problems.assertProblem(tooMany, 403, "forbidden");
        assertThat(Problems.fields(tooMany)).containsExactly("capacity");
        assertThat(admin.get("/api/v1/mentors/m-1").json().get("version").asLong()).as("nothing written")
                .isEqualTo(version);

        Http.Answer twenty = mentor.send("PUT", "/api/v1/mentors/m-1", "\"" + version + "\"",
                mentor("m-1", MENTOR.toUpperCase(java.util.Locale.ROOT), 20));
        assertThat(twenty.status()).as(twenty.body()).isEqualTo(200);
        // a coordinator gives more; the mentor keeps it or lowers it, but cannot raise it again
        assertThat(admin.send("PUT", "/api/v1/mentors/m-1", "\"" + (version + 1) + "\"",
                mentor("m-1", MENTOR, 30)).status()).isEqualTo(200);
        assertThat(mentor.send("PUT", "/api/v1/mentors/m-1", "\"" + (version + 2) + "\"",
                mentor("m-1", MENTOR, 30)).status()).isEqualTo(200);
        assertThat(mentor.send("PUT", "/api/v1/mentors/m-1", "\"" + (version + 3) + "\"",
                mentor("m-1", MENTOR, 25)).status()).isEqualTo(200);
        Http.Answer raised = mentor.send("PUT", "/api/v1/mentors/m-1", "\"" + (version + 4) + "\"",
                mentor("m-1", MENTOR, 26));
        Problems.assertProblem(raised, 403, "forbidden");
        assertThat(Problems.fields(raised)).containsExactly("capacity");
        JsonNode stored = admin.get("/api/v1/mentors/m-1").json();
        assertThat(stored.get("capacity").asInt()).isEqualTo(25);
        assertThat(stored.get("email").asText()).isEqualTo(MENTOR);
    }

    @Test
    void aResearcherCannotChangeOrDeleteARequestWithAnOfferOrAMentorship() throws Exception {
        Http researcher = new Http(port).as(BUSY, PASSWORD);
        JsonNode read = researcher.get("/api/v1/requests/r-busy").json();
        String version = "\"" + read.get("version").asLong() + "\"";

        Http.Answer changed = researcher.send("PUT", "/api/v1/requests/r-busy", version, update(BUSY, "false")
                .replace("\"durationMonths\": 6", "\"durationMonths\": 12"));
        Problems.assertProblem(changed, 409, "request-in-progress");
        assertThat(changed.json().get("detail").asText()).contains("decline the offer");
        Http.Answer deleted = researcher.send("DELETE", "/api/v1/requests/r-busy", null, "");
        Problems.assertProblem(deleted, 409, "request-in-progress");
        mvc.perform(post("/my-request").with(user(PageUsers.person(BUSY, "RESEARCHER", null))).with(csrf())
                        .param("version", read.get("version").asText()).param("name", "Busy Researcher")
                        .param("country", "CA").param("timeZone", "UTC").param("careerStage", "POSTDOC")
                        .param("domains", "planetary-health/climate-health/heat-health").param("languages", "en")
                        .param("startDate", "2026-03-01").param("durationMonths", "12")
                        .param("slotDay", "TUESDAY").param("slotStart", "09:00").param("slotEnd", "11:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("decline the offer")));

        for (String side : new String[] {"RESEARCHER", "MENTOR"}) {
            assertThat(admin.postJson("/api/v1/proposals/" + offerId + "/accept",
                    "{\"onBehalfOf\": \"" + side + "\"}").status()).isEqualTo(200);
        }
        Http.Answer deletedMatched = researcher.send("DELETE", "/api/v1/requests/r-busy", null, "");
        Problems.assertProblem(deletedMatched, 409, "request-in-progress");
        assertThat(deletedMatched.json().get("detail").asText()).contains("end the mentorship");

        JsonNode after = admin.get("/api/v1/requests/r-busy").json();
        assertThat(after.get("status").asText()).isEqualTo("MATCHED");
        assertThat(after.get("durationMonths").asInt()).isEqualTo(6);
    }

    @Test
    void invitingAnAccountAgainWithAnotherRoleOrProfileIsRefusedNamingTheDifference() {
        String email = "pending.person@uni.example.org";
        String asMentor = "{\"email\": \"%s\", \"name\": \"Pending Person\", \"role\": \"MENTOR\", "
                + "\"personExternalId\": \"%s\"}";
        assertThat(admin.postJson("/api/v1/accounts/invitations", asMentor.formatted(email, "m-7")).status())
                .isEqualTo(201);

        Http.Answer asResearcher = admin.postJson("/api/v1/accounts/invitations",
                "{\"email\": \"%s\", \"name\": \"Pending Person\", \"role\": \"RESEARCHER\"}".formatted(email));
        Problems.assertProblem(asResearcher, 409, "invitation-differs");
        assertThat(asResearcher.json().get("detail").asText()).contains("invited as MENTOR, not RESEARCHER");
        Http.Answer otherProfile = admin.postJson("/api/v1/accounts/invitations", asMentor.formatted(email, "m-8"));
        Problems.assertProblem(otherProfile, 409, "invitation-differs");
        assertThat(otherProfile.json().get("detail").asText()).contains("mentor profile m-7, not m-8");

        Http.Answer again = admin.postJson("/api/v1/accounts/invitations", asMentor.formatted(email, "m-7"));
        assertThat(again.status()).as("the same invitation renews the link").isEqualTo(201);
        JsonNode account = again.json().get("account");
        assertThat(account.get("role").asText()).isEqualTo("MENTOR");
        assertThat(account.get("personExternalId").asText()).isEqualTo("m-7");
    }

    @Test
    void theOfferPagesAnswerAnUnknownOfferLikeSomeoneElses() throws Exception {
        for (String action : new String[] {"accept", "decline"}) {
            mvc.perform(post("/offers/{id}/" + action, "no-such-offer")
                            .with(user(PageUsers.person(FREE, "RESEARCHER", null))).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/offers/{id}/" + action, "no-such-offer")
                            .with(user(PageUsers.person(MENTOR, "MENTOR", "m-1"))).with(csrf()))
                    .andExpect(status().isForbidden());
        }
    }

    private void invite(String email, String role, String person) {
        Http.Answer invited = admin.postJson("/api/v1/accounts/invitations",
                "{\"email\": \"%s\", \"name\": \"Some Person\", \"role\": \"%s\"%s}".formatted(email, role,
                        person == null ? "" : ", \"personExternalId\": \"" + person + "\""));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String url = invited.json().get("setPasswordUrl").asText();
        String token = url.substring(url.indexOf("token=") + 6);
        assertThat(new Http(port).postJson("/api/v1/accounts/set-password",
                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, PASSWORD)).status()).isEqualTo(204);
    }

    private static String mentor(String id, String email, int capacity) {
        return """
                {"externalId": "%s", "name": "Dr. Mentor One", "email": "%s", "institution": "Mentor University",
                 "country": "KE", "timeZone": "UTC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["publishing"],
                 "capacity": %d, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "12:00"}]}
                """.formatted(id, email, capacity);
    }

    private static String request(String id, String email, boolean priority) {
        return """
                {"externalId": "%s", %s}""".formatted(id, fields(email, Boolean.toString(priority)));
    }

    /** A request's body for PUT; priority null leaves it out. */
    private static String update(String email, String priority) {
        return "{" + fields(email, priority) + "}";
    }

    private static String fields(String email, String priority) {
        return """
                "name": "Busy Researcher", "email": "%s", "institution": "Other University", "country": "CA",
                 "timeZone": "UTC", "careerStage": "POSTDOC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "goals": ["publishing"],
                 "startDate": "2026-03-01", "durationMonths": 6, "minOverlapMinutes": 60,
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "11:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": []%s""".formatted(email,
                priority == null ? "" : ", \"priority\": " + priority);
    }
}
