package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Publishing and inviting never wait on the mail server: they only write to the outbox, and the outbox worker sends,
 * with timeouts, retries with back-off, and finally a visible "could not be delivered" state the coordinator can
 * retry. The mail server is moved at run time between one that never answers, one that refuses connections and
 * GreenMail (the app's JavaMailSenderImpl connects anew for each message).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=outbox-delivery", "spring.mail.host=localhost",
            "mentoring.mail.from=mentoring@test.example.org", "mentoring.mail.max-attempts=3",
            "mentoring.mail.first-retry=1s", "mentoring.mail.max-retry-delay=2s", "mentoring.mail.poll-interval=500ms",
            "spring.mail.properties.mail.smtp.timeout=2000",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000"})
@AutoConfigureMockMvc
class OutboxDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final String PASSWORD = "outbox-test-pass 2026";

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    MockMvc mvc;

    @Test
    void publishingReturnsAtOnceWhileTheMailServerNeverAnswersAndTheWorkerSendsEverythingLater() throws Exception {
        Http admin = new Http(port).asAdmin();
        List<String> mentors = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            mentors.add(mentor("m-pub-" + i, "mentor.pub." + i + "@uni.example.org"));
            requests.add(request("r-pub-" + i, "researcher.pub." + i + "@uni.example.org"));
        }
        Http.Answer imported = admin.postJson("/api/v1/import", "{\"mentors\": [%s], \"requests\": [%s]}"
                .formatted(String.join(",", mentors), String.join(",", requests)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String run = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                admin.get("/api/v1/matching-runs/" + run).json().get("status").asText()));
        int proposals = admin.get("/api/v1/matching-runs/" + run + "/proposals").json().get("proposals").size();
        assertThat(proposals).isGreaterThanOrEqualTo(3);

        assertThat(mailSender.getJavaMailProperties()).as("the app's defaults, and this test's own")
                .containsEntry("mail.smtp.writetimeout", "10000").containsEntry("mail.smtp.timeout", "2000");
        try (ServerSocket silent = new ServerSocket(0)) {
            // accepts connections (the kernel does) and never says a word
            mailSender.setPort(silent.getLocalPort());
            long publishing = System.nanoTime();
            Http.Answer published = admin.postJson("/api/v1/matching-runs/" + run + "/publish", "");
            Duration took = Duration.ofNanos(System.nanoTime() - publishing);

            assertThat(published.status()).as(published.body()).isEqualTo(200);
            assertThat(took).as("publishing %d offers (%d messages) while the mail server is silent", proposals,
                    2 * proposals).isLessThan(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/admin/deliveries?state=PENDING")
                    .body().contains("did not answer in time"));
        } finally {
            mailSender.setPort(MAIL.getSmtp().getPort());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> offersReceived() == 2 * proposals);
        for (int i = 1; i <= 4; i++) {
            assertThat(inbox("mentor.pub." + i + "@uni.example.org").size()
                    + inbox("researcher.pub." + i + "@uni.example.org").size()).isLessThanOrEqualTo(2);
        }
        Thread.sleep(1500);
        assertThat(offersReceived()).as("nobody is told twice").isEqualTo(2 * proposals);
        assertThat(admin.get("/api/v1/admin/deliveries?state=UNDELIVERABLE").json().get("content")).isEmpty();
    }

    @Test
    void aMessageThatCouldNotBeDeliveredIsShownToTheCoordinatorAndARetrySendsIt() throws Exception {
        Http admin = new Http(port).asAdmin();
        String byApi = "retried.by.api@uni.example.org";
        String byPage = "retried.by.page@uni.example.org";
        int refusing;
        try (ServerSocket closed = new ServerSocket(0)) {
            refusing = closed.getLocalPort();
        }
        mailSender.setPort(refusing);
        try {
            for (String email : List.of(byApi, byPage)) {
                Http.Answer invited = admin.postJson("/api/v1/accounts/invitations",
                        "{\"email\": \"%s\", \"name\": \"Dr. Unreached\", \"role\": \"MENTOR\"}".formatted(email));
                assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> undeliverableTo(admin, byApi) != null
                    && undeliverableTo(admin, byPage) != null);
        } finally {
            mailSender.setPort(MAIL.getSmtp().getPort());
        }
        Http.Answer listed = admin.get("/api/v1/admin/deliveries?state=UNDELIVERABLE&size=200");
        assertThat(listed.body()).as("never the one-time link").doesNotContain("token").doesNotContain("set-password");
        JsonNode failed = undeliverableTo(admin, byApi);
        assertThat(failed.get("subject").asText()).isEqualTo("You are invited to the mentoring programme");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("lastError").asText()).startsWith("The mail server could not be reached");
        assertThat(failed.get("lastAttemptAt").isNull()).isFalse();
        assertThat(failed.get("oneTimeLink").asBoolean()).isTrue();
        assertThat(inbox(byApi)).isEmpty();

        mvc.perform(get("/admin").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("Needs your attention")))
                .andExpect(content().string(containsString("could not be delivered after every attempt")))
                .andExpect(content().string(containsString(byPage)))
                .andExpect(content().string(containsString("href=\"/admin/deliveries\"")));
        String pageId = undeliverableTo(admin, byPage).get("id").asText();
        mvc.perform(get("/admin/deliveries").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString(byPage)))
                .andExpect(content().string(containsString("The mail server could not be reached")))
                .andExpect(content().string(containsString("id=\"retry-" + pageId + "\"")));

        Http.Answer retried = admin.postJson("/api/v1/admin/deliveries/" + failed.get("id").asText() + "/retry", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("state").asText()).isEqualTo("PENDING");
        mvc.perform(post("/admin/deliveries/{id}/retry", pageId).with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(content().string(containsString("is queued again")));

        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(byApi).size() == 1 && inbox(byPage).size() == 1);
        assertThat(new Http(port).postJson("/api/v1/accounts/set-password", "{\"token\": \"%s\", \"password\": \"%s\"}"
                .formatted(link(inbox(byApi).get(0)), PASSWORD)).status()).as("the retried link works").isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> undeliverableTo(admin, byPage) == null);
        Problems.assertProblem(admin.postJson("/api/v1/admin/deliveries/" + pageId + "/retry", ""), 409,
                "delivery-already-sent");
        assertThat(admin.postJson("/api/v1/admin/deliveries/no-such-message/retry", "").status()).isEqualTo(404);
        mvc.perform(get("/admin").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("could not be delivered"))));
        assertThat(inbox(byPage)).as("sent once").hasSize(1);
    }

    private static JsonNode undeliverableTo(Http admin, String email) {
        for (JsonNode delivery : admin.get("/api/v1/admin/deliveries?state=UNDELIVERABLE&size=200").json()
                .get("content")) {
            if (delivery.get("to").asText().equals(email)) {
                return delivery;
            }
        }
        return null;
    }

    private static long offersReceived() {
        long count = 0;
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                if (message.getSubject().equals("A mentorship offer for you")) {
                    count++;
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return count;
    }

    private static List<MimeMessage> inbox(String email) {
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

    private static String link(MimeMessage message) throws Exception {
        String body = message.getContent().toString();
        Matcher matcher = Pattern.compile("https?://\\S+/set-password\\?token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private static String mentor(String id, String email) {
        return """
                {"externalId": "%s", "name": "Dr. Mentor %s", "email": "%s", "institution": "Mentor University",
                 "country": "KE", "timeZone": "UTC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["publishing"],
                 "capacity": 1, "availableFrom": "2026-01-01",
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
