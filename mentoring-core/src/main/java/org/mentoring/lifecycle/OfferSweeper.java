package org.mentoring.lifecycle;

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
 * The deadline worker, one per instance: runs {@link OfferExpiry#sweep} on its own thread at start (so an offer whose
 * deadline passed while no instance ran expires at once) and then every {@code mentoring.offers.sweep-interval}
 * (1 minute; 0 turns it off). Several instances sweeping at once expire each offer once: every step is a conditional
 * update only one of them wins.
 */
@Component
class OfferSweeper {

    private static final Logger log = LoggerFactory.getLogger(OfferSweeper.class);

    private final OfferExpiry expiry;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "offer-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    OfferSweeper(OfferExpiry expiry, @Value("${mentoring.offers.sweep-interval:1m}") String interval) {
        this.expiry = expiry;
        this.interval = DurationStyle.detectAndParse(interval);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            expiry.sweep();
        } catch (RuntimeException e) {
            log.warn("Could not look for offers past their deadline; trying again in {}", interval, e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
