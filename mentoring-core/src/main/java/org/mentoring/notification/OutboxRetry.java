package org.mentoring.notification;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The outbox worker, one per instance: sends the due messages ({@link NotificationService#sendPending}) on its own
 * thread, never on a request's. It looks every {@code mentoring.mail.poll-interval} (5 s; one cheap query when
 * nothing is due) and at once when this instance writes a message, so that a verification or invitation link goes
 * out within moments. Does nothing when no mail server is configured.
 */
@Component
class OutboxRetry {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

    private final NotificationService notifications;
    private final Duration interval;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "outbox-worker");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRetry(NotificationService notifications,
            @Value("${mentoring.mail.poll-interval:5s}") String interval) {
        this.notifications = notifications;
        this.interval = DurationStyle.detectAndParse(interval);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!notifications.sendsMail() || interval.isZero() || interval.isNegative()) {
            return;
        }
        notifications.onWrite(this::wake);
        scheduler.scheduleWithFixedDelay(this::sendQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A message was written: send it now rather than at the next round (once, however many were written). */
    void wake() {
        if (woken.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    woken.set(false);
                    sendQuietly();
                });
            } catch (RejectedExecutionException e) {
                woken.set(false);
            }
        }
    }

    private void sendQuietly() {
        try {
            if (notifications.anyDue()) {
                notifications.sendPending();
            }
        } catch (RuntimeException e) {
            log.warn("Could not send the messages waiting in the outbox; trying again in {}", interval, e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
