package org.mentoring.matching.run;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.mentoring.matching.model.ScorePoint;

/**
 * Writes a run's new best scores as they come, at most one write per interval: a score that comes sooner waits,
 * replaced by any better one, and is written when the interval is over even if no other comes. The last one is
 * always written ({@link #close}). The interval is {@value #MIN_INTERVAL_MILLIS} ms, growing to a hundredth of
 * the time solved so far, so that an hour-long run keeps a history of hundreds of points, not thousands.
 */
final class ScoreHistoryRecorder implements AutoCloseable {

    static final long MIN_INTERVAL_MILLIS = 250;

    private final Consumer<ScorePoint> writer;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clockMillis;
    private ScorePoint pending;
    private long lastWriteMillis = Long.MIN_VALUE;
    private ScheduledFuture<?> scheduledFlush;
    private boolean closed;

    /**
     * @param writer saves one point; called on the caller's or the scheduler's thread, one at a time
     * @param clockMillis a monotonic clock in milliseconds
     */
    ScoreHistoryRecorder(Consumer<ScorePoint> writer, ScheduledExecutorService scheduler, LongSupplier clockMillis) {
        this.writer = writer;
        this.scheduler = scheduler;
        this.clockMillis = clockMillis;
    }

    static long intervalMillis(long elapsedMillis) {
        return Math.max(MIN_INTERVAL_MILLIS, elapsedMillis / 100);
    }

    synchronized void offer(ScorePoint point) {
        if (closed) {
            return;
        }
        pending = point;
        long now = clockMillis.getAsLong();
        long interval = intervalMillis(point.elapsedMillis());
        if (lastWriteMillis == Long.MIN_VALUE || now - lastWriteMillis >= interval) {
            writePending(now);
        } else if (scheduledFlush == null) {
            scheduledFlush = scheduler.schedule(this::flushScheduled, lastWriteMillis + interval - now,
                    TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void flushScheduled() {
        scheduledFlush = null;
        if (!closed && pending != null) {
            writePending(clockMillis.getAsLong());
        }
    }

    private void writePending(long now) {
        ScorePoint point = pending;
        pending = null;
        lastWriteMillis = now;
        if (scheduledFlush != null) {
            scheduledFlush.cancel(false);
            scheduledFlush = null;
        }
        writer.accept(point);
    }

    /** Writes the point still waiting, if any, and ignores any that come later. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (pending != null) {
            writePending(clockMillis.getAsLong());
        }
        closed = true;
    }
}
