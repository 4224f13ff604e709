package org.mentoring.matching.run;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mentoring.matching.solver.MatchingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends this instance's runs as the application shuts down: no new run starts, a run solving is cancelled and keeps
 * its best solution if it can be saved in time, then the engine closes; whatever is left unsaved is marked FAILED
 * at the next start ({@link RunRecovery}).
 */
@Component
class RunShutdown {

    private static final Logger log = LoggerFactory.getLogger(MatchingRunService.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);
    private static final Duration ENGINE_CLOSE_WAIT = Duration.ofSeconds(2);

    private final RunCancellation cancellation;
    private final MatchingEngine engine;
    private final RunInstance instance;

    RunShutdown(RunCancellation cancellation, MatchingEngine engine, RunInstance instance) {
        this.cancellation = cancellation;
        this.engine = engine;
        this.instance = instance;
    }

    /**
     * Cancels the runs of this instance, keeping their best solutions if they can be saved within
     * {@link #SHUTDOWN_WAIT}, then closes the engine. Never blocks longer than that, even if a solver does not stop.
     */
    @PreDestroy
    void shutDown() {
        instance.refuseNewRuns();
        Instant deadline = Instant.now().plus(SHUTDOWN_WAIT);
        for (LocalRun local : List.copyOf(instance.localRuns().values())) {
            try {
                cancellation.cancel(local.id(), MatchingRunService.SHUTDOWN_REASON, Duration.ZERO);
            } catch (RuntimeException e) {
                log.warn("Matching run {} could not be cancelled at shutdown", local.id(), e);
            }
        }
        for (LocalRun local : List.copyOf(instance.localRuns().values())) {
            if (!local.awaitEnd(Duration.between(Instant.now(), deadline))) {
                log.warn("Matching run {} did not save its result before shutdown; the next start marks it FAILED",
                        local.id());
            }
        }
        closeEngine(Duration.between(Instant.now(), deadline).plus(ENGINE_CLOSE_WAIT));
        instance.stopThreads();
    }

    private void closeEngine(Duration wait) {
        Future<?> closing = instance.stopper().submit(engine::close);
        try {
            closing.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("The matching engine did not close within {} s; leaving it", wait.toSeconds());
        } catch (ExecutionException e) {
            log.warn("The matching engine did not close cleanly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
