package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email ownership is proven: a self sign-up owns nothing until the link emailed to it is used; someone who signs up
 * with an imported person's address never gets their data; a coordinator's invitations (one or many) go out by
 * email, each moving from not sent to sent to accepted. Mail goes to a GreenMail server, read as a person would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=email-ownership", "spring.mail.host=localhost",
            "mentoring.mail.from=mentoring@test.example.org"})
class EmailOwnershipTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final String PASSWORD = "ownership-test-pass 2026";
    private static final String SQUATTER_PASSWORD = "squatter-chosen-pass 2026";

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aSignUpOwnsNothingUntilTheLinkEmailedToItIsUsed() throws Exception {
        String email = "self.signer@uni.example.org";
        Http anonymous = new Http(port);
        Http.Answer signedUp = signUp(email, PASSWORD);
        assertThat(signedUp.json().get("emailVerified").asBoolean()).isFalse();
        Http researcher = anonymous.as(email, PASSWORD);

        assertThat(researcher.get("/api/v1/me").json().get("emailVerified").asBoolean()).isFalse();
        Problems.assertProblem(researcher.postJson("/api/v1/requests", request("r-self", email)), 403,
                "email-not-verified");
        for (String owned : List.of("/api/v1/requests", "/api/v1/requests/r-self", "/api/v1/proposals/mine",
                "/api/v1/notifications/mine", "/api/v1/mentorships", "/api/v1/mentors/directory")) {
            Problems.assertProblem(researcher.get(owned), 403, "email-not-verified");
        }
        assertThat(new Http(port).asAdmin().get("/api/v1/requests/r-self").status()).isEqualTo(404);

        List<MimeMessage> inbox = inbox(email);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).getSubject()).isEqualTo("Confirm your email address for the mentoring programme");
        String token = link(inbox.get(0), "/verify-email");
        assertThat(anonymous.postJson("/api/v1/accounts/verify-email", "{\"token\": \"%s\"}".formatted(token))
                .status()).isEqualTo(204);
        Problems.assertProblem(anonymous.postJson("/api/v1/accounts/verify-email",
                "{\"token\": \"%s\"}".formatted(token)), 422, "invalid-input");

        assertThat(researcher.get("/api/v1/me").json().get("emailVerified").asBoolean()).isTrue();
        Http.Answer created = researcher.postJson("/api/v1/requests", request("r-self", email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(researcher.get("/api/v1/requests/r-self").status()).isEqualTo(200);
        assertThat(researcher.get("/api/v1/notifications/mine").json()).as("the link is not kept for the app to show")
                .isEmpty();
        Problems.assertProblem(researcher.postJson("/api/v1/me/verification-email", ""), 409,
                "email-already-verified");
    }

    @Test
    void aNewLinkCanBeAskedForButNotOverAndOver() throws Exception {
        String email = "slow.inbox@uni.example.org";
        signUp(email, PASSWORD);
        Http researcher = new Http(port).as(email, PASSWORD);
        String first = link(inbox(email).get(0), "/verify-email");

        Problems.assertProblem(researcher.postJson("/api/v1/me/verification-email", ""), 409,
                "verification-email-too-soon");
        assertThat(inbox(email)).as("no second message so soon").hasSize(1);
        assertThat(new Http(port).postJson("/api/v1/accounts/verify-email", "{\"token\": \"%s\"}".formatted(first))
                .status()).as("the first link still works").isEqualTo(204);
    }

    @Test
    void someoneWhoSignsUpWithAnImportedResearchersEmailNeverGetsTheirRequest() throws Exception {
        String victim = "victim.researcher@uni.example.org";
        signUp(victim, SQUATTER_PASSWORD);
        String squattersLink = link(inbox(victim).get(0), "/verify-email");
        Http squatter = new Http(port).as(victim, SQUATTER_PASSWORD);
        assertThat(squatter.get("/api/v1/requests/r-victim").status()).isEqualTo(403);

        Http admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", "{\"mentors\": [%s], \"requests\": [%s]}"
                .formatted(mentor("m-victim", "mentor.of.victim@uni.example.org"), request("r-victim", victim)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        assertThat(squatter.get("/api/v1/me").status()).as("the import took the account over").isEqualTo(401);
        assertThat(squatter.get("/api/v1/requests/r-victim").status()).isEqualTo(401);
        Problems.assertProblem(new Http(port).postJson("/api/v1/accounts/verify-email",
                "{\"token\": \"%s\"}".formatted(squattersLink)), 422, "invalid-input");

        JsonNode account = invited(admin, victim);
        assertThat(account.get("status").asText()).isEqualTo("NOT_SENT");
        assertThat(account.get("account").get("personExternalId").asText()).isEqualTo("r-victim");
        Http.Answer sent = admin.postJson("/api/v1/accounts/invitations/bulk",
                "{\"accountIds\": [\"%s\"]}".formatted(account.get("account").get("id").asText()));
        assertThat(sent.json().get("sent").asInt()).isEqualTo(1);
        String invitation = link(inbox(victim).get(1), "/set-password");
        assertThat(new Http(port).postJson("/api/v1/accounts/set-password",
                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(invitation, PASSWORD)).status()).isEqualTo(204);

        Http owner = new Http(port).as(victim, PASSWORD);
        assertThat(owner.get("/api/v1/me").json().get("emailVerified").asBoolean()).isTrue();
        assertThat(owner.get("/api/v1/requests/r-victim").status()).isEqualTo(200);
        assertThat(squatter.get("/api/v1/requests/r-victim").status()).isEqualTo(401);
        assertThat(invited(admin, victim).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(signUp("mentor.of.victim@uni.example.org", PASSWORD, 409).json().get("detail").asText())
                .as("an imported person cannot be signed up for").contains("coordinator");
    }

    @Test
    void anUnverifiedSignUpNeverSeesARequestOrTheOffersMadeWithItsEmail() {
        String email = "never.verifies@uni.example.org";
        signUp(email, SQUATTER_PASSWORD);
        Http squatter = new Http(port).as(email, SQUATTER_PASSWORD);
        Http admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", "{\"mentors\": [%s], \"requests\": []}"
                .formatted(mentor("m-offer", "mentor.offer@uni.example.org")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Http.Answer created = admin.postJson("/api/v1/requests", request("r-unproven", email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 5}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String run = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("COMPLETED", "CANCELLED", "FAILED")
                .contains(admin.get("/api/v1/matching-runs/" + run).json().get("status").asText()));
        assertThat(admin.postJson("/api/v1/matching-runs/" + run + "/publish", "").status()).isEqualTo(200);
        String offer = null;
        for (JsonNode proposal : admin.get("/api/v1/matching-runs/" + run + "/proposals").json().get("proposals")) {
            if (proposal.get("requestExternalId").asText().equals("r-unproven")) {
                offer = proposal.get("id").asText();
            }
        }
        assertThat(offer).as("the request got an offer").isNotNull();

        for (String path : List.of("/api/v1/requests/r-unproven", "/api/v1/requests", "/api/v1/proposals/mine",
                "/api/v1/proposals/" + offer, "/api/v1/notifications/mine", "/api/v1/mentorships/" + offer
                        + "/feedback")) {
            Http.Answer refused = squatter.get(path);
            Problems.assertProblem(refused, 403, "email-not-verified");
            assertThat(refused.body()).doesNotContain("Researcher University").doesNotContain("mentor.offer@");
        }
        String before = admin.get("/api/v1/proposals/" + offer).body();
        Problems.assertProblem(squatter.postJson("/api/v1/proposals/" + offer + "/accept", ""), 403,
                "email-not-verified");
        assertThat(admin.get("/api/v1/proposals/" + offer).body()).as("the offer is unanswered").isEqualTo(before);
    }

    @Test
    void aMentorsInvitationIsNotBlockedByASelfSignUpWithTheirEmail() throws Exception {
        String mentorEmail = "mentor.target@uni.example.org";
        signUp(mentorEmail, SQUATTER_PASSWORD);
        Http admin = new Http(port).asAdmin();

        Http.Answer invited = admin.postJson("/api/v1/accounts/invitations",
                "{\"email\": \"%s\", \"name\": \"Dr. Target\", \"role\": \"MENTOR\", "
                        .formatted(mentorEmail) + "\"personExternalId\": \"m-target\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("account").get("role").asText()).isEqualTo("MENTOR");
        assertThat(invited.json().get("account").get("passwordSet").asBoolean()).isFalse();
        assertThat(new Http(port).as(mentorEmail, SQUATTER_PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(admin.postJson("/api/v1/import", "{\"mentors\": [%s], \"requests\": []}"
                .formatted(mentor("m-target", mentorEmail))).status()).isEqualTo(200);

        List<MimeMessage> inbox = inbox(mentorEmail);
        assertThat(inbox).extracting(MimeMessage::getSubject).containsExactly(
                "Confirm your email address for the mentoring programme", "You are invited to the mentoring programme");
        assertThat(new Http(port).postJson("/api/v1/accounts/set-password", "{\"token\": \"%s\", \"password\": \"%s\"}"
                .formatted(link(inbox.get(1), "/set-password"), PASSWORD)).status()).isEqualTo(204);
        Http mentor = new Http(port).as(mentorEmail, PASSWORD);
        assertThat(mentor.get("/api/v1/me").json().get("role").asText()).isEqualTo("MENTOR");
        assertThat(mentor.get("/api/v1/mentors/m-target").status()).isEqualTo(200);
    }

    @Test
    void bulkInvitationsSendOneEmailEachAndTheirStatusesMoveOn() throws Exception {
        Http admin = new Http(port).asAdmin();
        String first = "bulk.first@uni.example.org";
        String second = "bulk.second@uni.example.org";
        String third = "bulk.third@uni.example.org";
        Http.Answer imported = admin.postJson("/api/v1/import", "{\"mentors\": [%s, %s], \"requests\": [%s]}"
                .formatted(mentor("m-bulk-1", first), mentor("m-bulk-2", second), request("r-bulk-3", third)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        for (String email : List.of(first, second, third)) {
            assertThat(invited(admin, email).get("status").asText()).isEqualTo("NOT_SENT");
            assertThat(inbox(email)).isEmpty();
        }
        assertThat(invited(admin, third).get("account").get("role").asText()).isEqualTo("RESEARCHER");
        String firstId = invited(admin, first).get("account").get("id").asText();
        String secondId = invited(admin, second).get("account").get("id").asText();

        Problems.assertProblem(admin.postJson("/api/v1/accounts/invitations/bulk",
                "{\"accountIds\": [\"no-such-account\", \"%s\"]}".formatted(firstId)), 422, "invalid-input");
        Problems.assertProblem(admin.postJson("/api/v1/accounts/invitations/bulk",
                "{\"accountIds\": [\"%s\"], \"status\": \"NOT_SENT\"}".formatted(firstId)), 422, "invalid-input");
        assertThat(inbox(first)).as("a refused selection sends nothing").isEmpty();

        Http.Answer sent = admin.postJson("/api/v1/accounts/invitations/bulk",
                "{\"accountIds\": [\"%s\", \"%s\"]}".formatted(firstId, secondId));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("sent").asInt()).isEqualTo(2);
        assertThat(inbox(first)).hasSize(1);
        assertThat(inbox(second)).hasSize(1);
        assertThat(inbox(third)).isEmpty();
        assertThat(invited(admin, first).get("status").asText()).isEqualTo("SENT");
        assertThat(invited(admin, third).get("status").asText()).isEqualTo("NOT_SENT");

        assertThat(new Http(port).postJson("/api/v1/accounts/set-password", "{\"token\": \"%s\", \"password\": \"%s\"}"
                .formatted(link(inbox(first).get(0), "/set-password"), PASSWORD)).status()).isEqualTo(204);
        assertThat(invited(admin, first).get("status").asText()).isEqualTo("ACCEPTED");
        Http.Answer again = admin.postJson("/api/v1/accounts/invitations/bulk",
                "{\"accountIds\": [\"%s\"]}".formatted(firstId));
        assertThat(again.json().get("sent").asInt()).isZero();
        assertThat(again.json().get("skipped").get(0).get("reason").asText()).contains("password");

        Http.Answer everyoneNotSent = admin.postJson("/api/v1/accounts/invitations/bulk", "{\"status\": \"NOT_SENT\"}");
        assertThat(everyoneNotSent.status()).as(everyoneNotSent.body()).isEqualTo(200);
        assertThat(inbox(third)).hasSize(1);
        assertThat(inbox(second)).as("already sent: not in NOT_SENT").hasSize(1);
        assertThat(invited(admin, third).get("status").asText()).isEqualTo("SENT");

        Http.Answer resent = admin.postJson("/api/v1/accounts/invitations/bulk",
                "{\"accountIds\": [\"%s\"]}".formatted(secondId));
        assertThat(resent.json().get("sent").asInt()).isEqualTo(1);
        List<MimeMessage> secondInbox = inbox(second);
        assertThat(secondInbox).hasSize(2);
        Problems.assertProblem(new Http(port).postJson("/api/v1/accounts/set-password",
                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(link(secondInbox.get(0), "/set-password"),
                        PASSWORD)), 422, "invalid-input");
        assertThat(new Http(port).postJson("/api/v1/accounts/set-password", "{\"token\": \"%s\", \"password\": \"%s\"}"
                .formatted(link(secondInbox.get(1), "/set-password"), PASSWORD)).status()).isEqualTo(204);
        assertThat(new Http(port).as(second, PASSWORD).get("/api/v1/mentors/m-bulk-2").status()).isEqualTo(200);
    }

    private Http.Answer signUp(String email, String password) {
        return signUp(email, password, 201);
    }

    private Http.Answer signUp(String email, String password, int expected) {
        Http.Answer answer = new Http(port).postJson("/api/v1/accounts/sign-up",
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Someone\"}".formatted(email, password));
        assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
        return answer;
    }

    /** The invitations list's entry for this email. */
    private static JsonNode invited(Http admin, String email) {
        for (JsonNode entry : admin.get("/api/v1/accounts/invitations?size=200").json().get("content")) {
            if (entry.get("account").get("email").asText().equals(email)) {
                return entry;
            }
        }
        throw new AssertionError(email + " is not among the invitations");
    }

    /** The messages this address received, once the outbox worker has sent every message written so far. */
    private List<MimeMessage> inbox(String email) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(Query.query(Criteria.where("state")
                .in("PENDING", "SENDING")), "notifications") == 0);
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(email)) {
                    messages.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return messages;
    }

    /** The token of the link to this page in a message, read as the person would read it. */
    private static String link(MimeMessage message, String page) throws Exception {
        String body = message.getContent().toString();
        Matcher matcher = Pattern.compile("https?://\\S+" + Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)")
                .matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private static String mentor(String id, String email) {
        return """
                {"externalId": "%s", "name": "Dr. Mentor %s", "email": "%s", "institution": "Mentor University",
                 "country": "KE", "timeZone": "UTC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["publishing"],
                 "capacity": 2, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "12:00"}]}
                """.formatted(id, id, email);
    }

    private static String request(String id, String email) {
        return """
                {"externalId": "%s", "name": "Researcher %s", "email": "%s", "institution": "Researcher University",
                 "country": "CA", "timeZone": "UTC", "careerStage": "POSTDOC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "goals": ["publishing"],
                 "startDate": "2027-03-01", "durationMonths": 6, "minOverlapMinutes": 60,
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "11:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": []}
                """.formatted(id, id, email);
    }
}
