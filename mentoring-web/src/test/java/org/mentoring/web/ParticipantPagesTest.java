package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mentoring.api.security.SignedInUser;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The researcher's and the mentor's pages as people read them: names where the store keeps codes, pickers that post
 * codes, preferred mentors kept in the order picked, errors in words with a summary, the reasons an unmatched
 * researcher was not placed, a warning before a change breaks a waiting offer, a deliberate decline with a reason,
 * and a mentor's pause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=participant-pages"})
@AutoConfigureMockMvc
class ParticipantPagesTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";

    /** Grace and Arjun (Arjun first in the directory's alphabetical order), and a researcher no one can mentor. */
    private static final String PEOPLE = """
            {"mentors": [
              {"externalId": "m-grace", "name": "Dr. Grace Ndlovu", "email": "grace@uni.example.org",
               "institution": "Wits", "country": "ZA", "timeZone": "Africa/Johannesburg", "languages": ["en"],
               "domains": ["%1$s"], "topics": ["grant-writing"], "capacity": 2, "availableFrom": "2026-01-01",
               "weeklyAvailability": [{"day": "MONDAY", "start": "09:00", "end": "12:00"}]},
              {"externalId": "m-arjun", "name": "Dr. Arjun Rao", "email": "arjun@uni.example.org",
               "institution": "IISc", "country": "IN", "timeZone": "Asia/Kolkata", "languages": ["en", "hi"],
               "domains": ["%1$s"], "topics": ["publishing"], "capacity": 2, "availableFrom": "2026-01-01",
               "weeklyAvailability": [{"day": "MONDAY", "start": "13:00", "end": "16:00"}]}],
             "requests": [
              {"externalId": "r-fr", "name": "Camille Durand", "email": "camille@uni.example.org",
               "country": "FR", "timeZone": "Europe/Paris", "careerStage": "STUDENT", "languages": ["fr"],
               "domains": ["%1$s"], "goals": ["publishing"], "startDate": "2026-03-01", "durationMonths": 6,
               "weeklyAvailability": [{"day": "MONDAY", "start": "09:00", "end": "12:00"}]}]}
            """.formatted(HEAT);

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    RequestService requests;

    @Autowired
    MentorService mentors;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aRequestMadeWithPickersReadsInNamesKeepsThePickOrderAndSaysWhatIsWrongInWords() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", PEOPLE).status()).isEqualTo(200);
        SignedInUser priya = PageUsers.person("priya@uni.example.org", "RESEARCHER", null);

        // the blank form offers names and posts codes
        String blank = page(get("/my-request").with(user(priya)));
        assertThat(blank).contains("<option value=\"IN\">India</option>")
                .contains("<option value=\"Asia/Kolkata\">Kolkata (Asia/Kolkata, UTC+5:30)</option>")
                .contains("value=\"grant-writing\"").contains("Grant writing")
                .contains("value=\"hi\"").contains("Hindi")
                .contains("aria-label=\"Prefer Dr. Grace Ndlovu\"").contains("aria-label=\"Exclude Dr. Arjun Rao\"");
        assertThat(blank.indexOf("Dr. Arjun Rao")).as("the directory is alphabetical")
                .isLessThan(blank.indexOf("Dr. Grace Ndlovu"));

        // missing career stage and country: a summary at the top in words, linking to each field
        String wrong = page(post("/my-request").with(user(priya)).with(csrf()).param("name", "Priya Nair")
                .param("careerStage", "").param("country", "").param("timeZone", "Asia/Kolkata")
                .param("languages", "en").param("domainPick", HEAT).param("startDate", "2026-03-01")
                .param("durationMonths", "6").param("slotDay", "MONDAY").param("slotStart", "09:00")
                .param("slotEnd", "11:00"));
        assertThat(wrong).contains("id=\"error-summary\"").contains("autofocus")
                .contains("<a href=\"#careerStage\">Choose a career stage</a>")
                .contains("<a href=\"#country\">Choose your country</a>")
                .doesNotContain("careerStage is required").doesNotContain("country is required");
        assertThat(own("priya@uni.example.org")).isNull();

        // Grace picked first, then Arjun: the page's ranking posts that order, the ticks come in directory order
        mvc.perform(form(priya).param("version", "0").param("preferredOrder", "m-grace", "m-arjun")
                        .param("preferredMentorIds", "m-arjun", "m-grace"))
                .andExpect(redirectedUrl("/my-request?saved"));
        MentorshipRequest stored = own("priya@uni.example.org");
        assertThat(stored.preferredMentorIds()).containsExactly("m-grace", "m-arjun");
        assertThat(stored.country()).isEqualTo("IN");
        assertThat(stored.timeZone().getId()).isEqualTo("Asia/Kolkata");
        assertThat(stored.languages()).containsExactlyInAnyOrder("en", "hi");
        assertThat(stored.goals()).containsExactlyInAnyOrder("grant-writing", "publishing");

        String saved = page(get("/my-request").with(user(priya)));
        String words = visibleText(saved);
        assertThat(words).contains("Waiting for a mentor", "Postdoctoral researcher", "India", "Hindi",
                "Grant writing", "Heat and health");
        assertThat(words.indexOf("Dr. Grace Ndlovu")).as("the ranking, in the order picked, comes first")
                .isLessThan(words.indexOf("Dr. Arjun Rao"));
        assertThat(words).doesNotContain(HEAT, "m-grace", "m-arjun", "POSTDOC", "grant-writing", "OPEN");

        // saved again without the page's script: the stored order is kept
        long version = requests.find(RequestFilter.ALL.ownedBy("priya@uni.example.org"), PageRequest.of(0, 1))
                .getContent().get(0).version();
        mvc.perform(form(priya).param("version", Long.toString(version))
                        .param("preferredMentorIds", "m-arjun", "m-grace"))
                .andExpect(redirectedUrl("/my-request?saved"));
        assertThat(own("priya@uni.example.org").preferredMentorIds()).containsExactly("m-grace", "m-arjun");
    }

    @Test
    void anUnmatchedResearcherIsToldWhyAndAnOfferIsDeclinedOnlyWhenConfirmedWithItsReason() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", PEOPLE).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/v1/import", Samples.PAIR).status()).isEqualTo(200);
        String runId = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}").json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                admin.get("/api/v1/matching-runs/" + runId).json().get("status").asText()));
        assertThat(admin.postJson("/api/v1/matching-runs/" + runId + "/publish", "{}").status()).isBetween(200, 299);

        // Camille speaks only French: kind words, the reason, and what would widen her chances
        String camille = visibleText(page(get("/my-request")
                .with(user(PageUsers.person("camille@uni.example.org", "RESEARCHER", null)))));
        assertThat(camille).contains("no mentor fit your request in the last matching round",
                "No mentor shares a language with you (you speak French).",
                "Add another language you can work in: you list only French.",
                "Add more weekly availability: you offer 3 h a week now");
        assertThat(camille).doesNotContain("the researcher", HEAT);

        // Uno's offer with Dr. Mentor One reads in names, and is declined only once confirmed
        SignedInUser uno = PageUsers.person("uno@uni.example.org", "RESEARCHER", null);
        String offerId = lifecycle.forRequests(java.util.List.of("r-1")).get(0).id();
        String offerPage = page(get("/my-request").with(user(uno)));
        assertThat(visibleText(offerPage)).contains("Dr. Mentor One", "Waiting for answers",
                "Heat and health matches exactly (your first choice)",
                "will not be proposed to each other again", "Yes, decline")
                .doesNotContain("m-1", "OFFERED", HEAT, "heat-health");

        // a change that would break the waiting offer (it gives 2 h a week) warns first and saves nothing
        requests.changeStatus("r-1", RequestStatus.PROPOSED, RequestStatus.OPEN);
        long version = requests.get("r-1").version();
        String warned = page(unoForm(uno, version).param("minOverlapMinutes", "180"));
        assertThat(visibleText(warned)).contains("This change would break the offer waiting for answers",
                "You and Dr. Mentor One would share 2 h a week, less than the 3 h you would now ask for.");
        assertThat(requests.get("r-1").request().minOverlapMinutes()).isEqualTo(60);
        mvc.perform(unoForm(uno, version).param("minOverlapMinutes", "180").param("confirmBreak", "yes"))
                .andExpect(redirectedUrl("/my-request?saved"));
        assertThat(requests.get("r-1").request().minOverlapMinutes()).isEqualTo(180);

        mvc.perform(post("/offers/{id}/decline", offerId).with(user(uno)).with(csrf()))
                .andExpect(redirectedUrl("/my-request"));
        assertThat(lifecycle.get(offerId).status()).as("not confirmed: nothing declined").isEqualTo(OfferStatus.OFFERED);
        mvc.perform(post("/offers/{id}/decline", offerId).with(user(uno)).with(csrf()).param("confirm", "yes")
                        .param("reason", "I found a mentor in my own department"))
                .andExpect(redirectedUrl("/my-request"));
        assertThat(lifecycle.get(offerId).status()).isEqualTo(OfferStatus.DECLINED);
        Document proposal = mongo.findOne(Query.query(Criteria.where("_id").is(offerId)), Document.class,
                "proposals");
        assertThat(proposal.getString("declineReason")).isEqualTo("I found a mentor in my own department");
        assertThat(mongo.findAll(Document.class, "audit_events").toString())
                .contains("I found a mentor in my own department");
    }

    @Test
    void aMentorPausesUntilADateAndSeesIt() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", PEOPLE).status()).isEqualTo(200);
        SignedInUser grace = PageUsers.person("grace@uni.example.org", "MENTOR", "m-grace");
        String profile = visibleText(page(get("/mentor").with(user(grace))));
        assertThat(profile).contains("Your mentees", "None yet", "South Africa", "Grant writing")
                .doesNotContain("m-grace", "grant-writing");

        String yesterday = page(post("/mentor/pause").with(user(grace)).with(csrf())
                .param("pausedUntil", LocalDate.now().minusDays(1).toString()));
        assertThat(yesterday).contains("Choose a date after today");
        assertThat(mentors.pausedUntil("m-grace")).isEmpty();

        LocalDate until = LocalDate.now().plusDays(30);
        mvc.perform(post("/mentor/pause").with(user(grace)).with(csrf()).param("pausedUntil", until.toString()))
                .andExpect(redirectedUrl("/mentor?paused"));
        assertThat(mentors.isPaused("m-grace", LocalDate.now())).isTrue();
        assertThat(visibleText(page(get("/mentor?paused").with(user(grace)))))
                .contains("You are paused: no new mentee will be proposed or ask you directly before "
                        + until.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                                java.util.Locale.ENGLISH)));
        mvc.perform(post("/mentor/pause").with(user(grace)).with(csrf()).param("resume", "yes"))
                .andExpect(redirectedUrl("/mentor?paused"));
        assertThat(mentors.isPaused("m-grace", LocalDate.now())).isFalse();
    }

    private MockHttpServletRequestBuilder form(SignedInUser who) {
        return post("/my-request").with(user(who)).with(csrf()).param("name", "Priya Nair").param("country", "IN")
                .param("timeZone", "Asia/Kolkata").param("careerStage", "POSTDOC")
                .param("languages", "en", "hi").param("domainPick", HEAT)
                .param("goals", "grant-writing", "publishing").param("startDate", "2026-03-01")
                .param("durationMonths", "6").param("minOverlapMinutes", "60")
                .param("slotDay", "MONDAY").param("slotStart", "09:00").param("slotEnd", "11:00");
    }

    /** Uno's request as imported, posted back from the page. */
    private static MockHttpServletRequestBuilder unoForm(SignedInUser uno, long version) {
        return post("/my-request").with(user(uno)).with(csrf())
                .param("version", Long.toString(version)).param("name", "Researcher Uno")
                .param("institution", "Other University").param("country", "CA")
                .param("timeZone", "Europe/Paris").param("careerStage", "POSTDOC").param("languages", "en")
                .param("domainPick", HEAT).param("goals", "publishing").param("startDate", "2026-03-01")
                .param("durationMonths", "6")
                .param("slotDay", "TUESDAY").param("slotStart", "12:00").param("slotEnd", "14:00");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MentorshipRequest own(String email) {
        return requests.find(RequestFilter.ALL.ownedBy(email), PageRequest.of(0, 1)).stream().findFirst()
                .map(stored -> stored.request()).orElse(null);
    }

    /** What a person reads: the text of the page's main part, without tags, attributes, head or scripts. */
    static String visibleText(String html) {
        String main = html.contains("<main") ? html.substring(html.indexOf("<main")) : html;
        return main.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
