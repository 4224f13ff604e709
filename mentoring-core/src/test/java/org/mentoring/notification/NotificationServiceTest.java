package org.mentoring.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.mentoring.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ContextConfiguration;

@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class NotificationServiceTest {

    @RegisterExtension
    static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    MongoTemplate mongo;
    @Autowired
    NotificationService withoutMailServer;

    @BeforeEach
    void emptyOutbox() {
        mongo.remove(new Query(), NotificationDocument.class);
    }

    @Test
    void aMessageIsWrittenToTheOutboxThenSentByMail() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(MAIL_SERVER.getSmtp().getPort());
        NotificationService service = new NotificationService(mongo,
                new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class),
                "mentoring@test.example.org");

        Notification sent = service.send("R-1@Example.org", "A mentorship offer for you", "Sign in to answer.");

        assertThat(sent.sentAt()).isNotNull();
        MimeMessage[] received = MAIL_SERVER.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("r-1@example.org");
        assertThat(received[0].getSubject()).isEqualTo("A mentorship offer for you");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Sign in to answer.");
        assertThat(service.to("r-1@example.org")).singleElement()
                .satisfies(n -> assertThat(n.sentAt()).isEqualTo(sent.sentAt()));
    }

    @Test
    void withoutAMailServerMessagesWaitInTheOutbox() {
        Notification waiting = withoutMailServer.send("m-1@example.org", "Your mentorship starts", "Both accepted.");

        assertThat(waiting.sentAt()).isNull();
        assertThat(MAIL_SERVER.getReceivedMessages()).isEmpty();
        assertThat(withoutMailServer.to("m-1@example.org")).extracting(Notification::subject)
                .containsExactly("Your mentorship starts");
        assertThat(withoutMailServer.to("someone-else@example.org")).isEmpty();
        assertThat(withoutMailServer.sendPending()).isZero();
    }

    @Test
    void aMessageTheMailServerMissedIsSentOnceByALaterRetryEvenFromSeveralInstancesAtOnce() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-27T02:00:00Z"));
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        NotificationService unreachable = new NotificationService(mongo, mailTo(deadPort), "mentoring@test.example.org",
                clock);

        Notification waiting = unreachable.send("r-2@example.org", "A mentorship offer for you", "Sign in.");

        assertThat(waiting.sentAt()).isNull();
        NotificationService reachable = new NotificationService(mongo, mailTo(MAIL_SERVER.getSmtp().getPort()),
                "mentoring@test.example.org", clock);
        assertThat(reachable.sendPending()).as("its first sender holds it for a while").isZero();

        clock.move(NotificationService.CLAIM.plusSeconds(1));
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sent = instances.invokeAll(List.of(reachable::sendPending, reachable::sendPending,
                    reachable::sendPending, reachable::sendPending));
            int total = 0;
            for (Future<Integer> each : sent) {
                total += each.get();
            }
            assertThat(total).isEqualTo(1);
        } finally {
            instances.shutdownNow();
        }
        assertThat(MAIL_SERVER.getReceivedMessages()).hasSize(1);
        assertThat(reachable.to("r-2@example.org")).singleElement()
                .satisfies(message -> assertThat(message.sentAt()).isNotNull());
        assertThat(reachable.sendPending()).isZero();
        assertThat(MAIL_SERVER.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aOneTimeLinkIsMailedButNeitherListedNorKeptOnceSent() throws Exception {
        NotificationService service = new NotificationService(mongo, mailTo(MAIL_SERVER.getSmtp().getPort()),
                "mentoring@test.example.org");
        withoutMailServer.sendOneTimeLink("waiting@example.org", "Confirm", "http://x/verify-email?token=abc");

        service.sendOneTimeLink("r-3@example.org", "Confirm your email address", "http://x/verify-email?token=secret");

        assertThat(GreenMailUtil.getBody(MAIL_SERVER.getReceivedMessages()[0])).contains("token=secret");
        assertThat(service.to("r-3@example.org")).as("whoever reads messages in the app has proven nothing").isEmpty();
        assertThat(mongo.findAll(NotificationDocument.class)).extracting(NotificationDocument::body)
                .containsExactlyInAnyOrder(NotificationDocument.LINK_REMOVED, "http://x/verify-email?token=abc");
    }

    private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> mailTo(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
    }
}
