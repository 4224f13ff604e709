package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentoring.api.security.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Direct asks through HTTP and on the pages: only the researcher who owns a request (or an admin) asks for it, a pair
 * breaking hard rules is refused naming each in words, the coordinator's switch stops asks and hides the button, the
 * mentor accepts an ask as any offer and the mentorship starts, and the directory shows names, never codes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=direct-asks"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AutoConfigureMockMvc
class DirectAskFlowTest {

    private static final String PASSWORD = "direct-ask-test 2026";
    private static final String OWNER = "owner.researcher@uni.example.org";
    private static final String OTHER = "other.researcher@uni.example.org";
    private static final String THIRD = "third.researcher@uni.example.org";
    private static final String HELLO = "{\"mentorExternalId\": \"%s\", \"message\": \"I hope to learn from you.\"}";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    private Http admin;
    private Http owner;
    private Http other;

    @BeforeAll
    void community() {
        admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [%s, %s, %s], "requests": [%s, %s, %s]}
                """.formatted(mentor("m-1", "Dr. Grace Achieng", "en", 1), mentor("m-2", "Dr. Chen Wei", "zh", 2),
                mentor("m-3", "Dr. Arjun Rao", "en", 2), request("r-own", OWNER), request("r-other", OTHER),
                request("r-third", THIRD)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Http anonymous = new Http(port);
        for (String[] person : List.of(new String[] {OWNER, "RESEARCHER", "r-own"},
                new String[] {OTHER, "RESEARCHER", "r-other"}, new String[] {"m-3@uni.example.org", "MENTOR", "m-3"})) {
            Http.Answer invited = admin.postJson("/api/v1/accounts/invitations",
                    "{\"email\": \"%s\", \"name\": \"Person %s\", \"role\": \"%s\", \"personExternalId\": \"%s\"}"
                            .formatted(person[0], person[2], person[1], person[2]));
            assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            String url = invited.json().get("setPasswordUrl").asText();
            assertThat(anonymous.postJson("/api/v1/accounts/set-password", "{\"token\": \"%s\", \"password\": \"%s\"}"
                    .formatted(url.substring(url.indexOf("token=") + 6), PASSWORD)).status()).isEqualTo(204);
        }
        owner = anonymous.as(OWNER, PASSWORD);
        other = anonymous.as(OTHER, PASSWORD);
    }

    @Test
    void onlyTheOwnerAsksAndAPairBreakingRulesIsRefusedNamingEachInWords() {
        Problems.assertProblem(other.postJson("/api/v1/requests/r-own/direct-ask", HELLO.formatted("m-3")), 403,
                "forbidden");
        Problems.assertProblem(owner.postJson("/api/v1/requests/r-none/direct-ask", HELLO.formatted("m-3")), 403,
                "forbidden");
        Problems.assertProblem(admin.postJson("/api/v1/requests/r-none/direct-ask", HELLO.formatted("m-3")), 404,
                "not-found");

        Http.Answer refused = owner.postJson("/api/v1/requests/r-own/direct-ask", HELLO.formatted("m-2"));

        Problems.assertProblem(refused, 422, "invalid-input");
        assertThat(Problems.fields(refused)).containsExactly("mentorExternalId");
        assertThat(refused.json().get("detail").asText()).isEqualTo("You cannot ask Dr. Chen Wei directly: you share"
                + " no language with Dr. Chen Wei (you speak English; Dr. Chen Wei speaks Chinese)");
        Http.Answer noMessage = owner.postJson("/api/v1/requests/r-own/direct-ask",
                "{\"mentorExternalId\": \"m-3\", \"message\": \"\"}");
        Problems.assertProblem(noMessage, 422, "invalid-input");
        assertThat(Problems.fields(noMessage)).containsExactly("message");
        assertThat(owner.get("/api/v1/requests/r-own").json().get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void turnedOffAsksAreRefusedAndTheDirectoryHidesTheButton() throws Exception {
        Problems.assertProblem(owner.send("PUT", "/api/v1/settings/direct-asks", null, "{\"enabled\": false}"), 403,
                "forbidden");
        assertThat(admin.send("PUT", "/api/v1/settings/direct-asks", null, "{\"enabled\": false}").status())
                .isEqualTo(200);
        try {
            assertThat(owner.get("/api/v1/settings/direct-asks").json().get("enabled").asBoolean()).isFalse();
            Http.Answer off = owner.postJson("/api/v1/requests/r-own/direct-ask", HELLO.formatted("m-3"));
            Problems.assertProblem(off, 409, "direct-asks-off");
            assertThat(off.json().get("detail").asText()).contains("turned direct asks off");
            String page = mvc.perform(get("/mentors").with(user(researcher(OWNER)))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("have turned direct asks off").doesNotContain("Send my ask to");
        } finally {
            admin.send("PUT", "/api/v1/settings/direct-asks", null, "{\"enabled\": true}");
        }
        assertThat(owner.get("/api/v1/settings/direct-asks").json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void theMentorAcceptsAnAskAndTheMentorshipStarts() {
        Http.Answer asked = other.postJson("/api/v1/requests/r-other/direct-ask", HELLO.formatted("m-3"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String offerId = asked.json().get("id").asText();
        assertThat(asked.json().get("mentorName").asText()).isEqualTo("Dr. Arjun Rao");
        assertThat(other.get("/api/v1/requests/r-other").json().get("status").asText()).isEqualTo("PROPOSED");
        JsonNode pending = admin.get("/api/v1/admin/direct-asks").json().get("asks");
        assertThat(pending.findValuesAsText("id")).contains(offerId);
        Http.Answer again = other.postJson("/api/v1/requests/r-other/direct-ask", HELLO.formatted("m-1"));
        Problems.assertProblem(again, 409, "direct-ask-pending");
        assertThat(again.json().get("detail").asText()).contains("Dr. Arjun Rao was asked on");

        Http mentor = new Http(port).as("m-3@uni.example.org", PASSWORD);
        Http.Answer accepted = mentor.postJson("/api/v1/proposals/" + offerId + "/accept", "");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(other.get("/api/v1/requests/r-other").json().get("status").asText()).isEqualTo("MATCHED");
        JsonNode mentorships = admin.get("/api/v1/mentorships?mentorExternalId=m-3").json().get("content");
        assertThat(mentorships.findValuesAsText("requestExternalId")).containsExactly("r-other");
        assertThat(mentorships.findValuesAsText("status")).containsExactly("ACTIVE");
    }

    @Test
    void theDirectoryShowsNamesAndSharedTimesNeverCodesAndAsksWithConfirmation() throws Exception {
        String page = mvc.perform(get("/mentors").with(user(researcher(OWNER)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String text = page.replaceAll("(?s)<[^>]*>", " ");
        assertThat(text).as("zones in words, never by their IANA id").doesNotContain("Africa/Nairobi", " now)");

        assertThat(text).contains("Dr. Grace Achieng", "Dr. Arjun Rao", "Heat and health", "English", "Kenya",
                "Nairobi (Eastern Africa Time, UTC+03:00)", "Tue 09:00-11:00 your time (2 h a week)",
                "You share no language with Dr. Chen Wei (you speak English; Dr. Chen Wei speaks Chinese).");
        assertThat(text).doesNotContain("m-1", "m-2", "m-3", "planetary-health", "@uni.example.org", " en ");
        assertThat(page).contains("Your message to Dr. Grace Achieng", "Send my ask to Dr. Grace Achieng")
                .doesNotContain("Send my ask to Dr. Chen Wei");
        assertThat(page).doesNotContain("style=\"", "<script>");
        String filtered = mvc.perform(get("/mentors").param("q", "achieng").with(user(researcher(OWNER))))
                .andReturn().getResponse().getContentAsString();
        assertThat(filtered).contains("Dr. Grace Achieng").doesNotContain("Dr. Arjun Rao");
        String askable = mvc.perform(get("/mentors").param("fitsOnly", "true").param("page", "not-a-number")
                .with(user(researcher(OWNER)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(askable).contains("Dr. Arjun Rao").doesNotContain("Dr. Chen Wei");

        SignedInUser third = researcher(THIRD);
        mvc.perform(post("/mentors/{key}/ask", "m-1").param("message", "Hello").with(user(third)).with(csrf()))
                .andExpect(redirectedUrl("/mentors"))
                .andExpect(flash().attribute("askErrors", List.of("Tick the box to confirm that you want to ask"
                        + " Dr. Grace Achieng.")));
        mvc.perform(post("/mentors/{key}/ask", "m-1").param("message", "Hello").param("confirm", "yes")
                        .with(user(third)).with(csrf()))
                .andExpect(redirectedUrl("/mentors"))
                .andExpect(flash().attributeExists("askNotice"));
        String after = mvc.perform(get("/mentors").with(user(third))).andReturn().getResponse()
                .getContentAsString();
        assertThat(after).contains("You asked Dr. Grace Achieng on").doesNotContain("Send my ask to");
        // her only place is held by the ask now: the owner sees why she cannot be asked
        assertThat(mvc.perform(get("/mentors").with(user(researcher(OWNER)))).andReturn().getResponse()
                .getContentAsString()).contains("Dr. Grace Achieng has no free place (1 of 1 taken).");
        String adminPage = mvc.perform(get("/admin/direct-asks").with(user(PageUsers.COORDINATOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(adminPage).contains("Researcher Third", "Dr. Grace Achieng", "Turn direct asks off");
    }

    private static SignedInUser researcher(String email) {
        return PageUsers.person(email, "RESEARCHER", null);
    }

    private static String mentor(String id, String name, String language, int capacity) {
        return """
                {"externalId": "%s", "name": "%s", "email": "%s@uni.example.org", "institution": "Mentor University",
                 "country": "KE", "timeZone": "Africa/Nairobi", "languages": ["%s"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["publishing"],
                 "capacity": %d, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "12:00", "end": "15:00"}]}
                """.formatted(id, name, id, language, capacity);
    }

    private static String request(String id, String email) {
        String name = email.equals(THIRD) ? "Researcher Third" : "Person " + id;
        return """
                {"externalId": "%s", "name": "%s", "email": "%s", "institution": "University", "country": "CA",
                 "timeZone": "UTC", "careerStage": "POSTDOC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "goals": ["publishing"],
                 "startDate": "2026-03-01", "durationMonths": 6, "minOverlapMinutes": 60,
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "11:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": [], "priority": false}
                """.formatted(id, name, email);
    }
}
