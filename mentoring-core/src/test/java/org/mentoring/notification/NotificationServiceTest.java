package org.mentoring.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentoring.common.ConflictException;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.mentoring.testing.MovableClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ContextConfiguration;

@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class NotificationServiceTest {

    @RegisterExtension
    static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant START = Instant.parse("2026-11-27T02:00:00Z");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    NotificationService withoutMailServer;

    @BeforeEach
    void emptyOutbox() {
        mongo.remove(new Query(), NotificationDocument.class);
    }

    @Test
    void aMessageIsOnlyWrittenByTheCallerAndSentWithinMomentsByTheWorkersThread() throws Exception {
        Set<String> sendingThreads = ConcurrentHashMap.newKeySet();
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... messages) {
                sendingThreads.add(Thread.currentThread().getName());
                super.send(messages);
            }
        };
        sender.setHost("localhost");
        sender.setPort(MAIL_SERVER.getSmtp().getPort());
        NotificationService service = new NotificationService(mongo, provider(sender), "mentoring@test.example.org");
        OutboxRetry worker = new OutboxRetry(service, "5s");
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> !service.anyDue());
            long writing = System.nanoTime();
            Notification written = service.send("R-1@Example.org", "A mentorship offer for you", "Sign in to answer.");

            assertThat(written.sentAt()).as("the caller only wrote it").isNull();
            await().atMost(Duration.ofSeconds(3)).until(() -> MAIL_SERVER.getReceivedMessages().length == 1);
            Duration took = Duration.ofNanos(System.nanoTime() - writing);
            assertThat(took).as("sent within moments, not at the next round").isLessThan(Duration.ofSeconds(3));
        } finally {
            worker.stop();
        }
        assertThat(sendingThreads).containsExactly("outbox-worker");
        MimeMessage received = MAIL_SERVER.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("r-1@example.org");
        assertThat(received.getSubject()).isEqualTo("A mentorship offer for you");
        assertThat(GreenMailUtil.getBody(received)).contains("Sign in to answer.");
        // the worker records the delivery just after the mail server took the message: wait for that write
        await().atMost(Duration.ofSeconds(3)).until(() -> service.to("r-1@example.org").stream()
                .allMatch(n -> n.sentAt() != null));
        assertThat(service.to("r-1@example.org")).singleElement()
                .satisfies(n -> assertThat(n.sentAt()).isNotNull());
        assertThat(service.deliveries(DeliveryState.SENT, 0, 10)).singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
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
        assertThat(withoutMailServer.deliveries(DeliveryState.PENDING, 0, 10)).extracting(Delivery::to)
                .containsExactly("m-1@example.org");
    }

    @Test
    void aMessageTheMailServerMissedIsSentOnceByALaterRetryEvenFromSeveralInstancesAtOnce() throws Exception {
        MovableClock clock = new MovableClock(START);
        NotificationService unreachable = new NotificationService(mongo, mailTo(deadPort()),
                "mentoring@test.example.org", clock);

        unreachable.send("r-2@example.org", "A mentorship offer for you", "Sign in.");
        assertThat(unreachable.sendPending()).isZero();

        NotificationService reachable = new NotificationService(mongo, mailTo(MAIL_SERVER.getSmtp().getPort()),
                "mentoring@test.example.org", clock);
        assertThat(reachable.sendPending()).as("it waits for its next attempt, a minute later").isZero();

        clock.move(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(sendAtOnce(reachable, 4)).isEqualTo(1);
        assertThat(MAIL_SERVER.getReceivedMessages()).hasSize(1);
        assertThat(reachable.to("r-2@example.org")).singleElement()
                .satisfies(message -> assertThat(message.sentAt()).isNotNull());
        assertThat(reachable.sendPending()).isZero();
        assertThat(MAIL_SERVER.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aMessageHeldByAnInstanceThatDiedIsSentOnceItsClaimExpires() throws Exception {
        MovableClock clock = new MovableClock(START);
        NotificationService reachable = new NotificationService(mongo, mailTo(MAIL_SERVER.getSmtp().getPort()),
                "mentoring@test.example.org", clock);
        Notification written = reachable.send("r-4@example.org", "Your mentorship starts", "Both accepted.");
        // what an instance killed while sending leaves: the message claimed, never sent
        mongo.updateFirst(Query.query(Criteria.where("_id").is(written.id())), new Update()
                .set("state", DeliveryState.SENDING).set("claimedUntil", START.plus(NotificationService.CLAIM))
                .set("attempts", 1), NotificationDocument.class);

        assertThat(reachable.sendPending()).as("its claim still holds").isZero();
        clock.move(NotificationService.CLAIM.plusSeconds(1));

        assertThat(sendAtOnce(reachable, 4)).isEqualTo(1);
        assertThat(MAIL_SERVER.getReceivedMessages()).hasSize(1);
        assertThat(reachable.deliveries(DeliveryState.SENT, 0, 10)).singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
    }

    @Test
    void aFailingMessageIsTriedWithBackOffUntilUndeliverableAndARetrySendsIt() throws Exception {
        MovableClock clock = new MovableClock(START);
        NotificationService unreachable = new NotificationService(mongo, mailTo(deadPort()),
                "mentoring@test.example.org", clock, 3, Duration.ofMinutes(1), Duration.ofMinutes(30));
        Notification written = unreachable.sendOneTimeLink("invitee@example.org", "You are invited",
                "http://x/set-password?token=secret-token");

        assertThat(unreachable.sendPending()).isZero();
        Delivery first = only(unreachable, DeliveryState.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastAttemptAt()).isEqualTo(START);
        assertThat(first.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(first.lastError()).startsWith("The mail server could not be reached");

        clock.move(Duration.ofSeconds(59));
        assertThat(unreachable.sendPending()).isZero();
        assertThat(only(unreachable, DeliveryState.PENDING).attempts()).as("not due before its time").isEqualTo(1);

        clock.move(Duration.ofSeconds(1));
        unreachable.sendPending();
        assertThat(only(unreachable, DeliveryState.PENDING).nextAttemptAt()).as("the wait doubles")
                .isEqualTo(START.plus(Duration.ofMinutes(3)));

        clock.move(Duration.ofMinutes(2));
        unreachable.sendPending();
        Delivery failed = only(unreachable, DeliveryState.UNDELIVERABLE);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.lastAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
        assertThat(failed.toString()).as("a one-time link is never shown").doesNotContain("secret-token");
        assertThat(unreachable.undeliverable()).isEqualTo(1);
        clock.move(Duration.ofDays(1));
        assertThat(unreachable.sendPending()).isZero();
        assertThat(only(unreachable, DeliveryState.UNDELIVERABLE).attempts()).as("no fourth attempt").isEqualTo(3);

        NotificationService reachable = new NotificationService(mongo, mailTo(MAIL_SERVER.getSmtp().getPort()),
                "mentoring@test.example.org", clock, 3, Duration.ofMinutes(1), Duration.ofMinutes(30));
        Delivery retried = reachable.retry(written.id());
        assertThat(retried.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(retried.attempts()).isZero();
        assertThat(reachable.sendPending()).isEqualTo(1);
        assertThat(GreenMailUtil.getBody(MAIL_SERVER.getReceivedMessages()[0])).contains("token=secret-token");
        assertThat(only(reachable, DeliveryState.SENT).lastError()).isNull();
        assertThat(reachable.undeliverable()).isZero();
        assertThatThrownBy(() -> reachable.retry(written.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("sent already");
        assertThat(reachable.sendPending()).isZero();
        assertThat(MAIL_SERVER.getReceivedMessages()).as("nobody is told twice").hasSize(1);
    }

    @Test
    void theBackOffDoublesFromAMinuteUpToAnHour() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 30).stream().map(withoutMailServer::backOff).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(withoutMailServer.maxAttempts()).isEqualTo(8);
    }

    @Test
    void aMailServerThatAcceptsAndNeverAnswersCostsOneTimeoutNotForever() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("localhost");
            sender.setPort(silent.getLocalPort());
            sender.getJavaMailProperties().put("mail.smtp.timeout", "1000");
            MailTimeouts.applyDefaults(sender);
            NotificationService service = new NotificationService(mongo, provider(sender),
                    "mentoring@test.example.org");
            service.send("r-5@example.org", "A mentorship offer for you", "Sign in.");

            long started = System.nanoTime();
            assertThat(service.sendPending()).isZero();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(only(service, DeliveryState.PENDING).lastError())
                    .startsWith("The mail server did not answer in time");
        }
    }

    @Test
    void javaMailTimeoutsDefaultToTenSecondsAndSpringMailPropertiesOverrideThem() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withUserConfiguration(MailTimeouts.class)
                .withPropertyValues("spring.mail.host=localhost", "spring.mail.properties.mail.smtp.timeout=2500")
                .run(context -> {
                    JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
                    assertThat(sender.getJavaMailProperties())
                            .containsEntry("mail.smtp.connectiontimeout", "10000")
                            .containsEntry("mail.smtp.writetimeout", "10000")
                            .containsEntry("mail.smtp.timeout", "2500")
                            .containsEntry("mail.smtps.timeout", "10000");
                    assertThat(sender.getSession().getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
                });
    }

    @Test
    void aOneTimeLinkIsMailedButNeitherListedNorKeptOnceSent() throws Exception {
        NotificationService service = new NotificationService(mongo, mailTo(MAIL_SERVER.getSmtp().getPort()),
                "mentoring@test.example.org");
        withoutMailServer.sendOneTimeLink("waiting@example.org", "Confirm", "http://x/verify-email?token=abc");
        mongo.updateFirst(Query.query(Criteria.where("to").is("waiting@example.org")),
                new Update().set("nextAttemptAt", Instant.now().plus(Duration.ofHours(1))), NotificationDocument.class);

        service.sendOneTimeLink("r-3@example.org", "Confirm your email address", "http://x/verify-email?token=secret");
        assertThat(service.sendPending()).isEqualTo(1);

        assertThat(GreenMailUtil.getBody(MAIL_SERVER.getReceivedMessages()[0])).contains("token=secret");
        assertThat(service.to("r-3@example.org")).as("whoever reads messages in the app has proven nothing").isEmpty();
        assertThat(mongo.findAll(NotificationDocument.class)).extracting(NotificationDocument::body)
                .containsExactlyInAnyOrder(NotificationDocument.LINK_REMOVED, "http://x/verify-email?token=abc");
    }

    @Test
    void aMessageWrittenByAnEarlierVersionIsStillSent() throws Exception {
        mongo.insert(new org.bson.Document("_id", "legacy").append("to", "old@example.org").append("subject", "Old")
                .append("body", "Written before the worker.").append("createdAt", START), "notifications");
        NotificationService service = new NotificationService(mongo, mailTo(MAIL_SERVER.getSmtp().getPort()),
                "mentoring@test.example.org");
        assertThat(service.deliveries(DeliveryState.PENDING, 0, 10)).extracting(Delivery::id).containsExactly("legacy");

        assertThat(service.sendPending()).isEqualTo(1);
        assertThat(MAIL_SERVER.getReceivedMessages()).hasSize(1);
    }

    private static int sendAtOnce(NotificationService service, int instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            int total = 0;
            List<java.util.concurrent.Callable<Integer>> calls = java.util.Collections.nCopies(instances,
                    service::sendPending);
            for (Future<Integer> each : pool.invokeAll(calls)) {
                total += each.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Delivery only(NotificationService service, DeliveryState state) {
        List<Delivery> found = service.deliveries(state, 0, 10).getContent();
        assertThat(found).as("messages " + state).hasSize(1);
        return found.get(0);
    }

    private static int deadPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ObjectProvider<JavaMailSender> mailTo(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        MailTimeouts.applyDefaults(sender);
        return provider(sender);
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSenderImpl sender) {
        return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
    }
}
