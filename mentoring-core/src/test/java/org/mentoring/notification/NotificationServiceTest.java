package org.mentoring.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
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
}
