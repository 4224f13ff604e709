package org.mentoring.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.mentoring.common.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Writes messages to the outbox and sends them with Spring Mail when {@code spring.mail.host} is set (Spring Boot
 * then provides a {@link JavaMailSender}); without it messages stay in the outbox, readable by their recipients.
 * A message that could not be sent stays unsent and is tried again by {@link #sendPending}, which the application
 * calls every {@code mentoring.mail.retry-interval} (5 minutes) while a mail server is configured. Whoever sends a
 * message first claims it for {@link #CLAIM}, so that two instances on one store never both send it.
 */
@Service
public class NotificationService {

    /** How long the instance that sends a message has it to itself. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final MongoTemplate mongo;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final Clock clock;

    @Autowired
    NotificationService(MongoTemplate mongo, ObjectProvider<JavaMailSender> mailSender,
            @Value("${mentoring.mail.from:mentoring@localhost}") String from) {
        this(mongo, mailSender, from, Clock.systemUTC());
    }

    NotificationService(MongoTemplate mongo, ObjectProvider<JavaMailSender> mailSender, String from, Clock clock) {
        this.mongo = mongo;
        this.mailSender = mailSender;
        this.from = from;
        this.clock = clock;
    }

    /** Whether messages are sent by mail at all (a mail server is configured). */
    public boolean sendsMail() {
        return mailSender.getIfAvailable() != null;
    }

    /** Writes a message to the outbox, then sends it if a mail server is configured. */
    public Notification send(String to, String subject, String body) {
        return sendOnce(UUID.randomUUID().toString(), to, subject, body);
    }

    /**
     * Like {@link #send}, but once only per {@code key}: a second call with the same key writes and sends nothing
     * and answers the message the first call wrote. Work that may be repeated after a crash (publishing a run)
     * tells people through this, so that finishing it never tells anyone twice.
     */
    public Notification sendOnce(String key, String to, String subject, String body) {
        return write(key, to, subject, body, null);
    }

    /**
     * Like {@link #send}, for a message that carries a one-time link (an email verification or a set-password link):
     * it is never listed by {@link #to}, since whoever reads it there has not proven the address, and once sent its
     * body in the outbox no longer holds the link.
     */
    public Notification sendOneTimeLink(String to, String subject, String body) {
        return write(UUID.randomUUID().toString(), to, subject, body, Boolean.TRUE);
    }

    private Notification write(String key, String to, String subject, String body, Boolean oneTimeLink) {
        NotificationDocument written;
        try {
            Instant now = now();
            written = mongo.insert(new NotificationDocument(key, EmailAddress.canonical(to), subject, body,
                    now, null, now.plus(CLAIM), oneTimeLink));
        } catch (DuplicateKeyException e) {
            return mongo.findById(key, NotificationDocument.class).toNotification();
        }
        return deliver(written).toNotification();
    }

    /**
     * Tries again every unsent message that nobody is sending now: each is first claimed for {@link #CLAIM} by one
     * conditional update, so that of two instances running this at once only one sends it. Answers how many were
     * sent.
     */
    public int sendPending() {
        if (!sendsMail()) {
            return 0;
        }
        int sent = 0;
        for (NotificationDocument pending : mongo.find(query(unclaimed(now())), NotificationDocument.class)) {
            Instant now = now();
            NotificationDocument claimed = mongo.findAndModify(
                    query(where("_id").is(pending.id()).andOperator(unclaimed(now))),
                    new Update().set("claimedUntil", now.plus(CLAIM)),
                    FindAndModifyOptions.options().returnNew(true), NotificationDocument.class);
            if (claimed != null && deliver(claimed).sentAt() != null) {
                sent++;
            }
        }
        if (sent > 0) {
            log.info("Sent {} message(s) that had waited in the outbox", sent);
        }
        return sent;
    }

    private static Criteria unclaimed(Instant now) {
        return where("sentAt").is(null).orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The messages to this account email, newest first: exact equality of canonical emails, so a look-alike or
     * non-canonical address reads nobody's messages.
     */
    public List<Notification> to(String email) {
        if (!EmailAddress.isCanonical(email)) {
            return List.of();
        }
        return mongo.find(query(where("to").is(email).and("oneTimeLink").ne(true))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt")), NotificationDocument.class)
                .stream().map(NotificationDocument::toNotification).toList();
    }

    private NotificationDocument deliver(NotificationDocument message) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return message;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(message.to());
        mail.setSubject(message.subject());
        mail.setText(message.body());
        try {
            sender.send(mail);
        } catch (MailException e) {
            log.warn("The message {} to {} could not be sent; it stays in the outbox", message.id(), message.to(), e);
            return message;
        }
        Instant sentAt = now();
        boolean secret = Boolean.TRUE.equals(message.oneTimeLink());
        Update sent = new Update().set("sentAt", sentAt);
        if (secret) {
            sent.set("body", NotificationDocument.LINK_REMOVED);
        }
        mongo.updateFirst(query(where("_id").is(message.id()).and("sentAt").is(null)), sent,
                NotificationDocument.class);
        return new NotificationDocument(message.id(), message.to(), message.subject(),
                secret ? NotificationDocument.LINK_REMOVED : message.body(), message.createdAt(), sentAt,
                message.claimedUntil(), message.oneTimeLink());
    }
}
