package org.mentoring.matching.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A run this application instance is preparing or solving: whether a cancel was asked for (and why), how to stop
 * the solver once it runs, and a latch that opens when the run's end is saved.
 */
final class LocalRun {

    private final String id;
    private final CountDownLatch ended = new CountDownLatch(1);
    private Runnable stopSolver;
    private String cancelReason;

    LocalRun(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /**
     * Asks the run to stop, keeping the first reason given. Stops the solver if it runs; otherwise the preparing
     * thread sees the request before it starts the solver. Only the first request does anything.
     */
    void requestCancel(String reason) {
        Runnable stop;
        synchronized (this) {
            if (cancelReason != null) {
                // asked already (a heartbeat repeats a cancel from another instance): the solver is stopping
                return;
            }
            cancelReason = reason;
            stop = stopSolver;
        }
        if (stop != null) {
            stop.run();
        }
    }

    /**
     * Starts the solver unless a cancel came first.
     *
     * @param start starts solving
     * @param stop asks the solver to stop early, keeping the best so far; must not block
     * @return false if a cancel came first and nothing was started
     */
    synchronized boolean startSolver(Runnable start, Runnable stop) {
        if (cancelReason != null) {
            return false;
        }
        start.run();
        stopSolver = stop;
        return true;
    }

    /**
     * Sets how to stop the work before the solver (the mentoring circles' search) unless a cancel came first;
     * {@link #startSolver} replaces it.
     *
     * @param stop asks that work to stop early; must not block
     * @return false if a cancel came first
     */
    synchronized boolean stopWith(Runnable stop) {
        if (cancelReason != null) {
            return false;
        }
        stopSolver = stop;
        return true;
    }

    /** Why it was asked to stop, or null if it was not. */
    synchronized String cancelReason() {
        return cancelReason;
    }

    void markEnded() {
        ended.countDown();
    }

    boolean isEnded() {
        return ended.getCount() == 0;
    }

    /** Waits at most {@code timeout} for the run's end to be saved; true if it was. */
    boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return isEnded();
        }
    }
}
