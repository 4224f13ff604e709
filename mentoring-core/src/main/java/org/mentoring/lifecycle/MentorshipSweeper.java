package org.mentoring.lifecycle;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mentoring.mentorship.MentorshipEndings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The mentorship sweeper, one per instance: at start and then every {@code mentoring.mentorships.sweep-interval}
 * (1 hour; 0 turns it off) it completes the mentorships whose agreed end date has come and asks for mid-point
 * feedback ({@link MentorshipEndings#sweep}), on its own thread. Every step is a conditional update, so instances
 * sweeping the same store at once do each thing once, and a start after a stop that missed the moment catches up.
 */
@Component
class MentorshipSweeper {

    private static final Logger log = LoggerFactory.getLogger(MentorshipSweeper.class);

    private final MentorshipEndings endings;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mentorship-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    MentorshipSweeper(MentorshipEndings endings,
            @Value("${mentoring.mentorships.sweep-interval:1h}") String interval) {
        this.endings = endings;
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
            endings.sweep();
        } catch (RuntimeException e) {
            log.warn("Could not sweep the mentorships; trying again in {}", interval, e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
