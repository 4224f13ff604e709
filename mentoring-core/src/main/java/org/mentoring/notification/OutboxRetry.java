package org.mentoring.notification;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends, every {@code mentoring.mail.retry-interval}, the messages that waited in the outbox because the mail server
 * could not be reached; does nothing when no mail server is configured.
 */
@Component
class OutboxRetry {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

    private final NotificationService notifications;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "outbox-retry");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRetry(NotificationService notifications,
            @Value("${mentoring.mail.retry-interval:5m}") String interval) {
        this.notifications = notifications;
        this.interval = DurationStyle.detectAndParse(interval);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!notifications.sendsMail() || interval.isZero() || interval.isNegative()) {
            return;
        }
        scheduler.scheduleWithFixedDelay(this::retryQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void retryQuietly() {
        try {
            notifications.sendPending();
        } catch (RuntimeException e) {
            log.warn("Could not send the messages waiting in the outbox; trying again in {}", interval, e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
