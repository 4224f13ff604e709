package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mentoring.api.security.SignedInUser;
import org.mentoring.mentorship.IntroductionSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Once both accept, each side's page introduces the other (contact, shared weekly times in the reader's own time, the
 * coordinator's first steps) and nobody else's page does; the first steps are the coordinator's to change; a side
 * ends the mentorship, which anyone else may not, and is then asked for end feedback on the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=mentorship-ending"})
@AutoConfigureMockMvc
class MentorshipEndingFlowTest {

    private static final SignedInUser RESEARCHER = PageUsers.person("uno@uni.example.org", "RESEARCHER", null);
    private static final SignedInUser MENTOR = PageUsers.person("mentor.one@uni.example.org", "MENTOR", "m-1");
    private static final SignedInUser OTHER_RESEARCHER = PageUsers.person("dos@uni.example.org", "RESEARCHER", null);
    private static final SignedInUser OTHER_MENTOR = PageUsers.person("mentor.two@uni.example.org", "MENTOR", "m-2");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    @Test
    void bothSidesAreIntroducedOnTheirPagesAndEitherSideEndsTheMentorship() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", Samples.PAIR).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/v1/import", """
                {"mentors": [{"externalId": "m-2", "name": "Dr. Mentor Two", "email": "mentor.two@uni.example.org",
                  "institution": "Mentor University", "country": "KE", "timeZone": "Africa/Nairobi",
                  "languages": ["de"], "domains": ["planetary-health/climate-health/heat-health"],
                  "topics": ["publishing"], "capacity": 1, "availableFrom": "2026-01-01",
                  "weeklyAvailability": [{"day": "FRIDAY", "start": "14:00", "end": "17:00"}]}],
                 "requests": [{"externalId": "r-2", "name": "Researcher Dos", "email": "dos@uni.example.org",
                  "institution": "Other University", "country": "CA", "timeZone": "Europe/Paris",
                  "careerStage": "POSTDOC", "languages": ["fr"],
                  "domains": ["planetary-health/climate-health/heat-health"], "goals": ["publishing"],
                  "startDate": "2026-03-01", "durationMonths": 6, "minOverlapMinutes": 60,
                  "weeklyAvailability": [{"day": "MONDAY", "start": "12:00", "end": "14:00"}],
                  "preferredMentorIds": [], "excludedMentorIds": [], "priority": false}]}
                """).status()).isEqualTo(200);
        String runId = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}").json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                admin.get("/api/v1/matching-runs/" + runId).json().get("status").asText()));
        assertThat(admin.postJson("/api/v1/matching-runs/" + runId + "/publish", "").status()).isEqualTo(200);
        String id = admin.get("/api/v1/matching-runs/" + runId + "/proposals").json().get("proposals").get(0)
                .get("id").asText();
        mvc.perform(api(post("/api/v1/proposals/{id}/accept", id), RESEARCHER)).andExpect(status().isOk());
        mvc.perform(get("/my-request").with(user(RESEARCHER)))
                .andExpect(content().string(not(containsString("mentor.one@uni.example.org"))));
        mvc.perform(api(post("/api/v1/proposals/{id}/accept", id), MENTOR)).andExpect(status().isOk());

        // the first steps are the coordinator's: anyone signed in reads them, only an admin changes them
        mvc.perform(get("/api/v1/settings/introduction").with(user(RESEARCHER)))
                .andExpect(jsonPath("$.firstSteps").value(IntroductionSettings.DEFAULT_FIRST_STEPS));
        mvc.perform(api(put("/api/v1/settings/introduction"), RESEARCHER).content("{\"firstSteps\": \"Mine.\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(api(put("/api/v1/settings/introduction"), PageUsers.COORDINATOR)
                .content("{\"firstSteps\": \"" + "x".repeat(4001) + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("firstSteps"));
        assertThat(admin.send("PUT", "/api/v1/settings/introduction", null,
                "{\"firstSteps\": \"  Meet within two weeks.\\nShare your goals.  \"}").json().get("firstSteps")
                .asText()).isEqualTo("Meet within two weeks.\nShare your goals.");
        mvc.perform(get("/admin/settings").with(user(RESEARCHER))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/settings").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("Meet within two weeks.")));
        mvc.perform(post("/admin/settings").with(user(PageUsers.COORDINATOR)).with(csrf()).param("firstSteps", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"firstSteps-error\"")));
        assertThat(admin.get("/api/v1/audit-events?action=settings.introduction").json().get("content")).hasSize(1);

        // each side's page introduces the other, in the reader's own time; Paris is +01:00 on 1 March
        mvc.perform(get("/my-request").with(user(RESEARCHER)))
                .andExpect(content().string(containsString("mentor.one@uni.example.org")))
                .andExpect(content().string(containsString("Mentor University")))
                .andExpect(content().string(containsString("Nairobi (Eastern Africa Time, UTC+03:00)")))
                .andExpect(content().string(containsString(
                        "Tuesdays 12:00-14:00 (your time: Paris, Central European Time, UTC+01:00)")))
                .andExpect(content().string(containsString("Meet within two weeks.\nShare your goals.")))
                .andExpect(content().string(containsString("End this mentorship")));
        mvc.perform(get("/mentor").with(user(MENTOR)))
                .andExpect(content().string(containsString("uno@uni.example.org")))
                .andExpect(content().string(containsString("Tuesdays 14:00-16:00 (your time: Nairobi, Eastern Africa Time, UTC+03:00)")))
                .andExpect(content().string(containsString("/mentorships/" + id + "/end")));
        // nobody else's page shows either address
        mvc.perform(get("/my-request").with(user(OTHER_RESEARCHER)))
                .andExpect(content().string(not(containsString("mentor.one@uni.example.org"))))
                .andExpect(content().string(not(containsString("uno@uni.example.org"))));
        mvc.perform(get("/mentor").with(user(OTHER_MENTOR)))
                .andExpect(content().string(not(containsString("uno@uni.example.org"))))
                .andExpect(content().string(not(containsString("/mentorships/" + id))));

        // only the two sides or an admin end it; bad input names the field and changes nothing
        String early = "{\"reason\": \"ENDED_EARLY\", \"note\": \"I take up a post abroad.\"}";
        for (SignedInUser stranger : new SignedInUser[] {OTHER_RESEARCHER, OTHER_MENTOR}) {
            mvc.perform(api(post("/api/v1/mentorships/{id}/end", id), stranger).content(early))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString("uno@uni.example.org"))));
        }
        mvc.perform(api(post("/api/v1/mentorships/{id}/end", "no-such"), RESEARCHER).content(early))
                .andExpect(status().isForbidden());
        assertThat(admin.postJson("/api/v1/mentorships/no-such/end", early).status()).isEqualTo(404);
        Http.Answer badReason = admin.postJson("/api/v1/mentorships/" + id + "/end",
                "{\"reason\": \"FINISHED\", \"note\": \"" + "x".repeat(2001) + "\"}");
        Problems.assertProblem(badReason, 422, "invalid-input");
        assertThat(Problems.fields(badReason)).containsExactly("reason", "note");
        mvc.perform(api(post("/api/v1/mentorships/{id}/end", id), MENTOR)
                        .content("{\"reason\": \"COMPLETED\", \"why\": \"typo\"}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/mentorships/{id}/end", id).with(user(MENTOR)).with(csrf())
                        .param("reason", "COMPLETED"))
                .andExpect(redirectedUrl("/mentor"))
                .andExpect(flash().attributeExists("mentorshipError"));
        assertThat(admin.get("/api/v1/mentorships").json().get("content").get(0).get("status").asText())
                .isEqualTo("ACTIVE");

        mvc.perform(api(post("/api/v1/mentorships/{id}/end", id), RESEARCHER).content(early))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENDED_EARLY"))
                .andExpect(jsonPath("$.endedBy").value("uno@uni.example.org"))
                .andExpect(jsonPath("$.endNote").value("I take up a post abroad."));
        assertThat(admin.postJson("/api/v1/mentorships/" + id + "/end", "{\"reason\": \"COMPLETED\"}").status())
                .isEqualTo(409);
        mvc.perform(post("/mentorships/{id}/end", id).with(user(MENTOR)).with(csrf())
                        .param("reason", "COMPLETED").param("confirm", "yes"))
                .andExpect(flash().attribute("mentorshipError", containsString("has ended already")));
        // the place is free in the ledger: it agrees with the facts (no active mentorship, no open offer)
        assertThat(admin.get("/api/v1/admin/consistency").json().get("consistent").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/audit-events?action=mentorship.end").json().get("content")).hasSize(1);

        // the mentor's page now asks for end feedback, answered there once
        mvc.perform(get("/mentor").with(user(MENTOR)))
                .andExpect(content().string(containsString("Ended early on")))
                .andExpect(content().string(containsString("I take up a post abroad.")))
                .andExpect(content().string(containsString("Your end-of-mentorship feedback")))
                .andExpect(content().string(not(containsString("/mentorships/" + id + "/end"))))
                // an ended mentorship keeps the contact, not the times to meet or the programme's first steps
                .andExpect(content().string(containsString("uno@uni.example.org")))
                .andExpect(content().string(not(containsString("Weekly times you share"))))
                .andExpect(content().string(not(containsString("Meet within two weeks."))));
        mvc.perform(post("/mentorships/{id}/feedback", id).with(user(MENTOR)).with(csrf())
                        .param("stage", "END").param("rating", "4").param("comment", "Short but useful."))
                .andExpect(redirectedUrl("/mentor"))
                .andExpect(flash().attribute("mentorshipNotice", "Thank you: your feedback is recorded."));
        mvc.perform(get("/mentor").with(user(MENTOR)))
                .andExpect(content().string(not(containsString("Your end-of-mentorship feedback"))));
        mvc.perform(post("/mentorships/{id}/feedback", id).with(user(OTHER_MENTOR)).with(csrf())
                        .param("stage", "END").param("rating", "1"))
                .andExpect(status().isForbidden());
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, SignedInUser who) {
        return request.with(user(who)).contentType(MediaType.APPLICATION_JSON).content("{}");
    }
}
