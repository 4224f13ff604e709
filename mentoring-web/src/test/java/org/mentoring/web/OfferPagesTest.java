package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mentoring.api.security.SignedInUser;
import org.mentoring.lifecycle.OfferDeadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The lifecycle on the pages: the coordinator publishes a run from its page, the researcher and the mentor each
 * see the offer on their own page, explained in their own words, and accept it there, the mentorship starts, someone
 * else cannot answer, and the run's analytics and equity report show on the admin's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=offer-pages"})
@AutoConfigureMockMvc
class OfferPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void bothSidesAcceptOnTheirPagesAfterTheCoordinatorPublishes() throws Exception {
        Http admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", Samples.PAIR);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String runId = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}").json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                admin.get("/api/v1/matching-runs/" + runId).json().get("status").asText()));
        SignedInUser coordinator = PageUsers.person(Http.ADMIN_EMAIL, "ADMIN", null);

        mvc.perform(post("/admin/runs/{id}/publish", runId).param("answerWithinDays", "0").with(user(coordinator))
                .with(csrf())).andExpect(redirectedUrl("/admin/runs/" + runId))
                .andExpect(flash().attribute("publishError", containsString("from 1 to 90 days")));
        assertThat(admin.get("/api/v1/matching-runs/" + runId).json().get("publishedAt").isNull()).isTrue();
        mvc.perform(post("/admin/runs/{id}/publish", runId).param("answerWithinDays", "5").with(user(coordinator))
                .with(csrf())).andExpect(redirectedUrl("/admin/runs/" + runId));
        Instant answerBy = Instant.parse(admin.get("/api/v1/proposals/" + admin.get("/api/v1/matching-runs/" + runId
                + "/proposals").json().get("proposals").get(0).get("id").asText()).json().get("answerBy").asText());
        assertThat(answerBy).isBetween(Instant.now().plus(Duration.ofDays(5)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(5)));
        mvc.perform(get("/admin").with(user(coordinator)))
                .andExpect(content().string(containsString("Offers waiting for an answer <small>(1)</small>")))
                .andExpect(content().string(containsString("Researcher Uno")))
                .andExpect(content().string(containsString("datetime=\"" + answerBy + "\"")));
        // Paris TUE 12:00-14:00 (+01:00 on 2026-03-01) and Nairobi TUE 14:00-16:00 (+03:00) are the same two hours
        mvc.perform(get("/admin/runs/{id}", runId).with(user(coordinator)))
                .andExpect(content().string(containsString("id=\"published-at\"")))
                .andExpect(content().string(containsString("Answer by <time class=\"local-time\" datetime=\""
                        + answerBy + "\"")))
                .andExpect(content().string(containsString("Heat and health matches exactly (the researcher&#39;s first"
                        + " choice)")))
                .andExpect(content().string(containsString("Tue 12:00-14:00 researcher&#39;s time (Tue 14:00-16:00"
                        + " mentor&#39;s time); researcher in Europe/Paris, mentor in Africa/Nairobi")))
                .andExpect(content().string(not(containsString("your first choice"))));
        JsonNode proposal = admin.get("/api/v1/matching-runs/" + runId + "/proposals").json().get("proposals").get(0);
        String offerId = proposal.get("id").asText();

        SignedInUser researcher = PageUsers.person("uno@uni.example.org", "RESEARCHER", null);
        SignedInUser mentor = PageUsers.person("mentor.one@uni.example.org", "MENTOR", "m-1");
        mvc.perform(get("/my-request").with(user(researcher)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dr. Mentor One")))
                .andExpect(content().string(containsString("Heat and health matches exactly (your first choice)")))
                .andExpect(content().string(containsString(
                        "Tue 12:00-14:00 your time (Tue 14:00-16:00 in Africa/Nairobi)")))
                .andExpect(content().string(containsString("/offers/" + offerId + "/accept")))
                .andExpect(content().string(containsString("Answer by " + OfferDeadlines.inWords(answerBy,
                        ZoneId.of("Europe/Paris")) + " (your time: Paris, Central European Time, UTC+01:00).")));
        mvc.perform(post("/offers/{id}/accept", offerId).with(user(PageUsers.person("someone@else.example.org", "RESEARCHER",
                null))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/offers/{id}/accept", offerId).with(user(researcher)).with(csrf()))
                .andExpect(redirectedUrl("/my-request"));
        mvc.perform(get("/mentor").with(user(mentor)))
                .andExpect(content().string(containsString("Researcher Uno")))
                .andExpect(content().string(containsString("Heat and health matches yours exactly (their first choice)")))
                .andExpect(content().string(containsString(
                        "Tue 14:00-16:00 your time (Tue 12:00-14:00 theirs, in Europe/Paris)")))
                .andExpect(content().string(containsString(
                        "Equity priority: the programme flagged their request to be placed first")))
                .andExpect(content().string(not(containsString("your first choice"))))
                .andExpect(content().string(not(containsString("your request"))))
                .andExpect(content().string(containsString("Answer by " + OfferDeadlines.inWords(answerBy,
                        ZoneId.of("Africa/Nairobi")) + " (your time: Nairobi, Eastern Africa Time, UTC+03:00).")));
        mvc.perform(post("/offers/{id}/accept", offerId).with(user(mentor)).with(csrf()))
                .andExpect(redirectedUrl("/mentor"));
        // once both accepted, the mentor's page says so and lists the mentee
        mvc.perform(get("/mentor").with(user(mentor)))
                .andExpect(content().string(containsString("Your mentorship with Researcher Uno is on.")))
                .andExpect(content().string(containsString("<td>Researcher Uno</td><td>Other University</td>"
                        + "<td>1 March 2026</td><td>1 September 2026</td><td>Current</td>")))
                // the mentor's id is never shown (as a word: an element id such as "end-confirm-1c0f..." is no id)
                .andExpect(content().string(not(org.hamcrest.Matchers.matchesPattern("(?s).*(?<![\\w-])m-1(?!\\w).*"))));

        JsonNode mentorships = admin.get("/api/v1/mentorships").json().get("content");
        assertThat(mentorships).hasSize(1);
        assertThat(mentorships.get(0).get("requestExternalId").asText()).isEqualTo("r-1");
        assertThat(mentorships.get(0).get("mentorExternalId").asText()).isEqualTo("m-1");
        assertThat(mentorships.get(0).get("status").asText()).isEqualTo("ACTIVE");

        mvc.perform(get("/admin/runs/{id}/analytics", runId).with(user(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Equity report")))
                .andExpect(content().string(containsString("id=\"equity-income\"")))
                // the one researcher, a matched postdoc, shows in the career-stage table at 100 %
                .andExpect(content().string(containsString("<td>Postdoc</td><td>1</td>")))
                .andExpect(content().string(containsString("100.0%")));
        mvc.perform(get("/admin/runs/{id}/analytics", runId).with(user(researcher)))
                .andExpect(status().isForbidden());
    }
}
