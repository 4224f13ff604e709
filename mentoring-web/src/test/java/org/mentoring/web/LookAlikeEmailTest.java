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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentoring.accounts.Role;
import org.mentoring.accounts.AccountDocument;
import org.mentoring.accounts.AccountRepository;
import org.mentoring.notification.NotificationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11, item 1: an email that only looks like a researcher's (dotless ı, long ſ, Kelvin sign, a full-width
 * letter, a zero-width space, a bidi control) can neither be signed up nor imported, and an account with such an
 * email, had one reached the store around the checks, owns none of the real researcher's request, offers,
 * notifications or feedback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=look-alike-email"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookAlikeEmailTest {

    /** The real researcher (request r-1) and the real mentor (m-1). */
    static final String KASIA = "kasia.sikora@uni.example.org";
    static final String MENTOR = "mentor.kis@uni.example.org";
    static final String PASSWORD = "look-alike test pass 2026";
    static final String KASIA_PASSWORD = "sunlit harbour 2026 ok";
    /** The password of the look-alike account inserted around the checks (not the one sign-ups try). */
    static final String INSERTED_PASSWORD = "inserted look-alike 2026";
    /** An address Java's equalsIgnoreCase takes for Kasia's: the i of "kasia" is a dotless ı (U+0131). */
    static final String DOTLESS = "kas\u0131a.sikora@uni.example.org";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    NotificationService notifications;

    private String offerId;

    @BeforeAll
    void kasiaHasAnOfferFromAPublishedRun() {
        Http admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [%s], "requests": [%s]}""".formatted(mentor("m-1", MENTOR), request("r-1", KASIA)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String runId = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}").json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                admin.get("/api/v1/matching-runs/" + runId).json().get("status").asText()));
        Http.Answer published = admin.postJson("/api/v1/matching-runs/" + runId + "/publish", "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        offerId = admin.get("/api/v1/matching-runs/" + runId + "/proposals").json().get("proposals").get(0)
                .get("id").asText();
        Http.Answer invited = admin.postJson("/api/v1/accounts/invitations",
                "{\"email\": \"%s\", \"name\": \"Kasia Sikora\", \"role\": \"RESEARCHER\", \"personExternalId\": \"r-1\"}"
                        .formatted(KASIA));
        String url = invited.json().get("setPasswordUrl").asText();
        assertThat(new Http(port).postJson("/api/v1/accounts/set-password", "{\"token\": \"%s\", \"password\": \"%s\"}"
                .formatted(url.substring(url.indexOf("token=") + 6), KASIA_PASSWORD)).status()).isEqualTo(204);
    }

    @Test
    void signingInWithALookAlikeOfHerEmailNeverReachesHerAccount() {
        Http.Answer upperCase = new Http(port).as(KASIA.toUpperCase(java.util.Locale.ROOT), KASIA_PASSWORD)
                .get("/api/v1/me");
        assertThat(upperCase.status()).as("letter case does not matter").isEqualTo(200);
        assertThat(upperCase.json().get("email").asText()).isEqualTo(KASIA);
        for (String lookAlike : List.of("ka\u017Fia.sikora@uni.example.org", "\u212Aasia.sikora@uni.example.org",
                "k\uFF41sia.sikora@uni.example.org")) {
            assertThat(new Http(port).as(lookAlike, KASIA_PASSWORD).get("/api/v1/me").status()).as(lookAlike)
                    .isEqualTo(401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "kas\u0131a.sikora@uni.example.org", // dotless ı
        "ka\u017Fia.sikora@uni.example.org", // long ſ
        "\u212Aasia.sikora@uni.example.org", // Kelvin sign K
        "k\uFF41sia.sikora@uni.example.org", // full-width a
        "kasia\u200B.sikora@uni.example.org", // zero-width space
        "kasia.sikora\u202E@uni.example.org" // right-to-left override
    })
    void signingUpWithALookAlikeOfAResearchersEmailIsRefusedAndCreatesNothing(String lookAlike) {
        Http admin = new Http(port).asAdmin();
        String accountsBefore = admin.get("/api/v1/accounts?size=200").body();

        Http.Answer answer = new Http(port).postJson("/api/v1/accounts/sign-up",
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Kasia S\"}".formatted(lookAlike, PASSWORD));

        Problems.assertProblem(answer, 422, "invalid-input");
        assertThat(Problems.fields(answer)).containsExactly("email");
        assertThat(admin.get("/api/v1/accounts?size=200").body()).isEqualTo(accountsBefore);
        assertThat(new Http(port).as(lookAlike, PASSWORD).get("/api/v1/me").status())
                .as("never signed in: refused, or held back by the sign-in delay that look-alikes of her address share")
                .isIn(401, 429);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "kas\u0131a.sikora@uni.example.org", // dotless ı
        "ka\u017Fia.sikora@uni.example.org", // long ſ
        "\u212Aasia.sikora@uni.example.org", // Kelvin sign K
        "k\uFF41sia.sikora@uni.example.org", // full-width a
        "kasia\u200B.sikora@uni.example.org", // zero-width space
        "kasia.sikora\u202E@uni.example.org" // right-to-left override
    })
    void importingAPersonWithALookAlikeEmailIsARejectedRecord(String lookAlike) {
        Http admin = new Http(port).asAdmin();
        String before = admin.peopleSnapshot();
        String mentorLookAlike = lookAlike.replace("kasia", "mentor").replace("kas\u0131a", "ment\u0131r")
                .replace("ka\u017Fia", "mentor.\u017F").replace("\u212Aasia", "\u212Aentor").replace("k\uFF41sia",
                        "m\uFF45ntor");

        Http.Answer answer = admin.postJson("/api/v1/import", """
                {"mentors": [%s], "requests": [%s]}""".formatted(mentor("m-2", mentorLookAlike),
                request("r-2", lookAlike)));

        Problems.assertProblem(answer, 422, "import-rejected");
        JsonNode report = answer.json().get("report");
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.get("rejections").findValuesAsText("externalId")).containsExactlyInAnyOrder("m-2", "r-2");
        assertThat(report.get("rejections").findValuesAsText("field")).allMatch(field -> field.endsWith("email"));
        assertThat(admin.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void anAccountWithALookAlikeEmailOwnsNoneOfTheResearchersData() throws Exception {
        insertAccount(DOTLESS);
        Http admin = new Http(port).asAdmin();
        Http lookAlike = new Http(port).as(DOTLESS, INSERTED_PASSWORD);
        assertThat(lookAlike.get("/api/v1/me").status()).as("the account exists and signs in").isEqualTo(200);
        JsonNode request = admin.get("/api/v1/requests/r-1").json();

        // her request: not readable, not listed, not changeable, not deletable
        Problems.assertProblem(lookAlike.get("/api/v1/requests/r-1"), 403, "forbidden");
        assertThat(lookAlike.get("/api/v1/requests").json().get("content")).isEmpty();
        String rewrite = request("r-1", KASIA).replace("Kasia Sikora", "Taken Over")
                .replaceFirst("\\{", "{\"version\": " + request.get("version").asLong() + ", ");
        Problems.assertProblem(lookAlike.send("PUT", "/api/v1/requests/r-1", null, rewrite), 403, "forbidden");
        Problems.assertProblem(lookAlike.send("PUT", "/api/v1/requests/r-1", null, rewrite.replace(KASIA, DOTLESS)),
                403, "forbidden");
        Problems.assertProblem(lookAlike.send("DELETE", "/api/v1/requests/r-1", null, ""), 403, "forbidden");

        // her offer: not listed, not readable, cannot be answered, on the API or on the pages
        assertThat(lookAlike.get("/api/v1/proposals/mine").json()).isEmpty();
        Problems.assertProblem(lookAlike.get("/api/v1/proposals/" + offerId), 403, "forbidden");
        Problems.assertProblem(lookAlike.postJson("/api/v1/proposals/" + offerId + "/decline", ""), 403,
                "forbidden");
        mvc.perform(post("/offers/{id}/decline", offerId).with(user(PageUsers.person(DOTLESS, "RESEARCHER", null)))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/my-request").with(user(PageUsers.person(DOTLESS, "RESEARCHER", null))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Kasia Sikora"))))
                .andExpect(content().string(not(containsString("/offers/" + offerId))));

        // her messages
        assertThat(notifications.to(KASIA)).as("the publication told Kasia").isNotEmpty();
        assertThat(lookAlike.get("/api/v1/notifications/mine").json()).isEmpty();

        // her mentorship and its feedback
        for (String side : List.of("RESEARCHER", "MENTOR")) {
            Http.Answer accepted = admin.postJson("/api/v1/proposals/" + offerId + "/accept",
                    "{\"onBehalfOf\": \"" + side + "\"}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        }
        String mentorshipId = admin.get("/api/v1/mentorships").json().get("content").get(0).get("id").asText();
        assertThat(lookAlike.get("/api/v1/mentorships").json().get("content")).isEmpty();
        Problems.assertProblem(lookAlike.get("/api/v1/mentorships/" + mentorshipId + "/feedback"), 403, "forbidden");
        Problems.assertProblem(lookAlike.postJson("/api/v1/mentorships/" + mentorshipId + "/feedback",
                "{\"stage\": \"MID\", \"rating\": 1, \"comment\": \"not my words\"}"), 403, "forbidden");

        JsonNode after = admin.get("/api/v1/requests/r-1").json();
        assertThat(after.get("name").asText()).isEqualTo("Kasia Sikora");
        assertThat(admin.get("/api/v1/proposals/" + offerId).json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(admin.get("/api/v1/mentorships/" + mentorshipId + "/feedback").json()).isEmpty();
    }

    @Test
    void aSignedInNameThatOnlyFoldsIntoTheResearchersEmailOwnsNothingOnHerPages() throws Exception {
        // a long ſ folds to s under NFKC: a session under this name must stay itself, never become Kasia
        String longS = "ka\u017Fia.sikora@uni.example.org";
        mvc.perform(get("/my-request").with(user(PageUsers.person(longS, "RESEARCHER", null))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Kasia Sikora"))));
        mvc.perform(get("/api/v1/requests/r-1").with(user(PageUsers.person(longS, "RESEARCHER", null))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/mine").with(user(PageUsers.person(longS, "RESEARCHER", null))))
                .andExpect(content().json("[]"));
    }

    private void insertAccount(String email) {
        AccountDocument document = new AccountDocument();
        document.setEmail(email);
        document.setName("Kasia Look-alike");
        document.setRole(Role.RESEARCHER);
        document.setEnabled(true);
        document.setPasswordHash(passwordEncoder.encode(INSERTED_PASSWORD));
        accounts.insert(document);
    }

    private static String mentor(String id, String email) {
        return """
                {"externalId": "%s", "name": "Dr. Mentor Kis", "email": "%s", "institution": "Mentor University",
                 "country": "KE", "timeZone": "UTC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["publishing"],
                 "capacity": 1, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "12:00"}]}
                """.formatted(id, email);
    }

    private static String request(String id, String email) {
        return """
                {"externalId": "%s", "name": "Kasia Sikora", "email": "%s", "institution": "Other University",
                 "country": "PL", "timeZone": "UTC", "careerStage": "POSTDOC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "goals": ["publishing"],
                 "startDate": "2026-03-01", "durationMonths": 6, "minOverlapMinutes": 60,
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "11:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": [], "priority": false}
                """.formatted(id, email);
    }
}
