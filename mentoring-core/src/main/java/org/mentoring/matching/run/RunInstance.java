package org.mentoring.matching.run;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.springframework.stereotype.Component;

/**
 * This application instance as its runs see it: its id (a run's {@code owner}), when it booted, the runs it
 * prepares or solves, the threads that do that work, and whether it is shutting down. The one piece of state the
 * run services share; {@link RunShutdown} stops its threads.
 */
@Component
final class RunInstance {

    /** The process id and a random part, new at each start. */
    private final String id = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant bootedAt = Instant.now();
    private final Map<String, LocalRun> localRuns = new ConcurrentHashMap<>();
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(daemon("matching-run-prepare"));
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(daemon("matching-run-progress"));
    /**
     * Stopping a solver blocks until it has stopped (while a large problem is still being built, until solving
     * starts), so it happens here, never on a caller's thread.
     */
    private final ExecutorService stopper = Executors.newCachedThreadPool(daemon("matching-run-stop"));
    private volatile boolean stopping;

    String id() {
        return id;
    }

    Instant bootedAt() {
        return bootedAt;
    }

    /** The runs this instance prepares or solves, by id. */
    Map<String, LocalRun> localRuns() {
        return localRuns;
    }

    /** Reads a run's inputs and starts its solver. */
    ExecutorService preparer() {
        return preparer;
    }

    /** Saves score histories, watches for lost runs and keeps the leases. */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Stops solvers and closes the engine. */
    ExecutorService stopper() {
        return stopper;
    }

    /** Whether the application is shutting down: no run starts any more. */
    boolean stopping() {
        return stopping;
    }

    void refuseNewRuns() {
        stopping = true;
    }

    /** Stops the threads, whatever they are doing. */
    void stopThreads() {
        preparer.shutdownNow();
        scheduler.shutdownNow();
        stopper.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
