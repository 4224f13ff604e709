package org.mentoring.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.mentoring.common.ConflictException;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * The outbox. Every caller (publication, answers, invitations, email verification) only writes its message here, one
 * document per message; the outbox worker ({@link OutboxRetry}, one per instance) sends them with Spring Mail when
 * {@code spring.mail.host} is set (Spring Boot then provides a {@link JavaMailSender}, with the timeouts of
 * {@link MailTimeouts}); without it messages stay in the outbox, readable by their recipients. The worker claims each
 * due message for {@link #CLAIM} with one conditional update, so that two instances on one store never both send it
 * and a message held by an instance that died is tried again once its claim expires. A failed attempt is tried again
 * after a back-off that doubles from {@code mentoring.mail.first-retry} (1 minute) up to
 * {@code mentoring.mail.max-retry-delay} (1 hour); after {@code mentoring.mail.max-attempts} (8) attempts the message
 * is {@link DeliveryState#UNDELIVERABLE} until a coordinator {@linkplain #retry retries} it.
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
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetryDelay;
    private volatile Runnable written = () -> { };

    @Autowired
    NotificationService(MongoTemplate mongo, ObjectProvider<JavaMailSender> mailSender,
            @Value("${mentoring.mail.from:mentoring@localhost}") String from,
            @Value("${mentoring.mail.max-attempts:8}") int maxAttempts,
            @Value("${mentoring.mail.first-retry:1m}") String firstRetry,
            @Value("${mentoring.mail.max-retry-delay:1h}") String maxRetryDelay) {
        this(mongo, mailSender, from, Clock.systemUTC(), maxAttempts, DurationStyle.detectAndParse(firstRetry),
                DurationStyle.detectAndParse(maxRetryDelay));
    }

    NotificationService(MongoTemplate mongo, ObjectProvider<JavaMailSender> mailSender, String from) {
        this(mongo, mailSender, from, Clock.systemUTC());
    }

    NotificationService(MongoTemplate mongo, ObjectProvider<JavaMailSender> mailSender, String from, Clock clock) {
        this(mongo, mailSender, from, clock, 8, Duration.ofMinutes(1), Duration.ofHours(1));
    }

    NotificationService(MongoTemplate mongo, ObjectProvider<JavaMailSender> mailSender, String from, Clock clock,
            int maxAttempts, Duration firstRetry, Duration maxRetryDelay) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mentoring.mail.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (firstRetry.isNegative() || maxRetryDelay.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("mentoring.mail.first-retry (" + firstRetry + ") must be positive and "
                    + "at most mentoring.mail.max-retry-delay (" + maxRetryDelay + ")");
        }
        this.mongo = mongo;
        this.mailSender = mailSender;
        this.from = from;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.maxRetryDelay = maxRetryDelay;
    }

    /** Whether messages are sent by mail at all (a mail server is configured). */
    public boolean sendsMail() {
        return mailSender.getIfAvailable() != null;
    }

    /** How many attempts a message gets before it is UNDELIVERABLE. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Called after each message written, so that the worker of this instance sends it at once. */
    void onWrite(Runnable written) {
        this.written = written;
    }

    /** Writes a message to the outbox; the outbox worker sends it (when a mail server is configured). */
    public Notification send(String to, String subject, String body) {
        return sendOnce(UUID.randomUUID().toString(), to, subject, body);
    }

    /**
     * Like {@link #send}, but once only per {@code key}: a second call with the same key writes nothing and answers
     * the message the first call wrote. Work that may be repeated after a crash (publishing a run) tells people
     * through this, so that finishing it never tells anyone twice.
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
                    now, null, null, oneTimeLink, DeliveryState.PENDING, 0, null, null, now));
        } catch (DuplicateKeyException e) {
            return mongo.findById(key, NotificationDocument.class).toNotification();
        }
        try {
            this.written.run();
        } catch (RuntimeException e) {
            log.debug("Could not wake the outbox worker; it sends the message at its next round", e);
        }
        return written.toNotification();
    }

    /**
     * Sends every due message (waiting for its first attempt or its next one, or held by an instance whose claim
     * expired), oldest first: each is first claimed for {@link #CLAIM} by one conditional update, so that of two
     * instances running this at once only one sends it. Answers how many were sent. The outbox worker calls this;
     * never a request.
     */
    public int sendPending() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        NotificationDocument claimed;
        while ((claimed = claimNext()) != null) {
            if (deliver(sender, claimed)) {
                sent++;
            }
        }
        if (sent > 0) {
            log.info("Sent {} message(s) from the outbox", sent);
        }
        return sent;
    }

    /** Whether a message is due now (a cheap query, for the worker to decide whether to start a round). */
    public boolean anyDue() {
        return sendsMail() && mongo.exists(query(due(now())), NotificationDocument.class);
    }

    private NotificationDocument claimNext() {
        Instant now = now();
        return mongo.findAndModify(query(due(now)).with(Sort.by("createdAt")),
                new Update().set("state", DeliveryState.SENDING).set("claimedUntil", now.plus(CLAIM))
                        .set("lastAttemptAt", now).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class);
    }

    /** Due: waiting and its time has come, held by an instance whose claim expired, or unsent by an earlier version. */
    private static Criteria due(Instant now) {
        return new Criteria().orOperator(
                where("state").is(DeliveryState.PENDING).and("nextAttemptAt").lte(now),
                where("state").is(DeliveryState.SENDING).and("claimedUntil").lt(now),
                where("state").is(null).and("sentAt").is(null).orOperator(where("claimedUntil").is(null),
                        where("claimedUntil").lt(now)));
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

    /** The outbox's messages in this state (all when null), newest attempt first, without their bodies. */
    public Page<Delivery> deliveries(DeliveryState state, int page, int size) {
        Query filter = state == null ? new Query() : query(inState(state));
        long total = mongo.count(filter, NotificationDocument.class);
        PageRequest request = PageRequest.of(page, size);
        Query paged = (state == null ? new Query() : query(inState(state)))
                .with(Sort.by(Sort.Order.desc("lastAttemptAt"), Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .with(request);
        paged.fields().exclude("body");
        List<Delivery> content = mongo.find(paged, NotificationDocument.class).stream()
                .map(NotificationDocument::toDelivery).toList();
        return new PageImpl<>(content, request, total);
    }

    /** How many messages could not be delivered. */
    public long undeliverable() {
        return mongo.count(query(inState(DeliveryState.UNDELIVERABLE)), NotificationDocument.class);
    }

    private static Criteria inState(DeliveryState state) {
        return switch (state) {
            case PENDING -> new Criteria().orOperator(where("state").is(DeliveryState.PENDING),
                    where("state").is(null).and("sentAt").is(null));
            case SENT -> new Criteria().orOperator(where("state").is(DeliveryState.SENT),
                    where("state").is(null).and("sentAt").ne(null));
            default -> where("state").is(state);
        };
    }

    /**
     * Tries an unsent message again at once, with a fresh allowance of attempts (a coordinator does this once the
     * mail server or the address is fixed). A message sent already, or being sent now, is refused (409): nobody is
     * told twice.
     */
    public Delivery retry(String id) {
        NotificationDocument message = mongo.findById(id, NotificationDocument.class);
        if (message == null) {
            throw new NotFoundException("delivery", id);
        }
        Instant now = now();
        NotificationDocument retried = mongo.findAndModify(query(where("_id").is(id).andOperator(new Criteria()
                        .orOperator(inState(DeliveryState.UNDELIVERABLE), inState(DeliveryState.PENDING)))),
                new Update().set("state", DeliveryState.PENDING).set("attempts", 0).set("nextAttemptAt", now)
                        .unset("claimedUntil"),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class);
        if (retried == null) {
            DeliveryState state = mongo.findById(id, NotificationDocument.class).effectiveState();
            throw state == DeliveryState.SENDING
                    ? new ConflictException("delivery-in-progress", "The message " + id + " to " + message.to()
                            + " is being sent right now; look again in a minute")
                    : new ConflictException("delivery-already-sent", "The message " + id + " to " + message.to()
                            + " was sent already; it is not sent twice");
        }
        try {
            written.run();
        } catch (RuntimeException e) {
            log.debug("Could not wake the outbox worker; it sends the message at its next round", e);
        }
        return retried.toDelivery();
    }

    /** Hands one claimed message to the mail server and records the outcome; answers whether it was sent. */
    private boolean deliver(JavaMailSender sender, NotificationDocument message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(message.to());
        mail.setSubject(message.subject());
        mail.setText(message.body());
        Query mine = query(where("_id").is(message.id()).and("state").is(DeliveryState.SENDING)
                .and("attempts").is(message.attemptCount()));
        try {
            sender.send(mail);
        } catch (RuntimeException e) {
            failed(message, mine, e);
            return false;
        }
        Update sent = new Update().set("state", DeliveryState.SENT).set("sentAt", now()).unset("claimedUntil")
                .unset("nextAttemptAt").unset("lastError");
        if (Boolean.TRUE.equals(message.oneTimeLink())) {
            sent.set("body", NotificationDocument.LINK_REMOVED);
        }
        mongo.updateFirst(mine, sent, NotificationDocument.class);
        return true;
    }

    private void failed(NotificationDocument message, Query mine, RuntimeException e) {
        int attempts = message.attemptCount();
        String error = MailErrors.inWords(e);
        Update update = new Update().set("lastError", error).unset("claimedUntil");
        if (attempts >= maxAttempts) {
            update.set("state", DeliveryState.UNDELIVERABLE).unset("nextAttemptAt");
            log.error("The message {} to {} could not be delivered after {} attempts: {}", message.id(), message.to(),
                    attempts, error);
        } else {
            Instant next = now().plus(backOff(attempts));
            update.set("state", DeliveryState.PENDING).set("nextAttemptAt", next);
            log.warn("The message {} to {} could not be sent (attempt {} of {}), trying again at {}: {}", message.id(),
                    message.to(), attempts, maxAttempts, next, error);
            log.debug("The mail library's account of the failure", e);
        }
        mongo.updateFirst(mine, update, NotificationDocument.class);
    }

    /** The wait after the n-th failed attempt: first-retry, doubled each time, at most max-retry-delay. */
    Duration backOff(int failedAttempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
