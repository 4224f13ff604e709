package org.mentoring.matching.run;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.persistence.MatchingRunLock;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.matching.solver.MatchingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How a run this instance solves ends: its result saved (COMPLETED or CANCELLED), cancelled before solving, or
 * FAILED; whichever way, its lock freed and it forgotten locally.
 */
@Component
final class RunEndings {

    private static final Logger log = LoggerFactory.getLogger(MatchingRunService.class);

    private final MatchingRunRepository runs;
    private final RunResultStore results;
    private final MatchingRunLock lock;
    private final Map<String, LocalRun> localRuns;

    RunEndings(MatchingRunRepository runs, RunResultStore results, MatchingRunLock lock,
            RunInstance instance) {
        this.runs = runs;
        this.results = results;
        this.lock = lock;
        this.localRuns = instance.localRuns();
    }

    void saveResult(LocalRun local, MatchingResult result) {
        String id = local.id();
        long saveStart = System.nanoTime();
        try {
            results.save(id, result);
            RunStatus target = result.cancelled() ? RunStatus.CANCELLED : RunStatus.COMPLETED;
            Update update = new Update()
                    .set("score", result.score())
                    .set("feasible", result.feasible())
                    .set("requestCount", result.requestCount())
                    .set("mentorCount", result.mentorCount())
                    .set("settledCount", result.settledCount())
                    .set("matchedCount", result.matchedCount())
                    .set("provenOptimal", result.provenOptimal())
                    .set("certified", result.certified())
                    .set("endedAt", Instant.now());
            if (target == RunStatus.CANCELLED) {
                String reason = local.cancelReason();
                update.set("reason", reason == null ? MatchingRunService.CANCELLED_REASON : reason);
            }
            if (runs.transition(id, target, update).isPresent()) {
                log.info("Matching run {} {}: score {}, {} of {} requests matched; result saved in {} ms", id,
                        target, result.score(), result.matchedCount(), result.requestCount(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - saveStart));
            } else {
                log.warn("Matching run {} ended elsewhere meanwhile; its result is dropped", id);
                results.delete(id);
            }
        } catch (RuntimeException e) {
            log.error("Matching run {}: the result could not be saved", id, e);
            failQuietly(id, "the result could not be saved: " + describe(e));
        } finally {
            releaseQuietly(id);
            endLocally(local);
        }
    }

    void cancelWithoutResult(LocalRun local, RunStatus from) {
        cancelWithoutResult(local, from, MatchingRunService.CANCELLED_BEFORE_SOLVING_REASON);
    }

    /** The same, an admin's cancel said in these words (another reason, as a shutdown's, as it is). */
    void cancelWithoutResult(LocalRun local, RunStatus from, String adminWords) {
        String reason = MatchingRunService.CANCELLED_REASON.equals(local.cancelReason())
                ? adminWords : local.cancelReason();
        try {
            runs.transition(local.id(), RunStatus.CANCELLED,
                    new Update().set("reason", reason).set("endedAt", Instant.now()));
            log.info("Matching run {} cancelled while {}", local.id(), from);
        } finally {
            releaseQuietly(local.id());
            endLocally(local);
        }
    }

    void fail(LocalRun local, String reason) {
        try {
            failQuietly(local.id(), reason);
        } finally {
            releaseQuietly(local.id());
            endLocally(local);
        }
    }

    void failQuietly(String id, String reason) {
        try {
            runs.transition(id, RunStatus.FAILED, new Update().set("reason", reason).set("endedAt", Instant.now()));
        } catch (RuntimeException e) {
            log.error("Matching run {} could not be marked FAILED; the next start will", id, e);
        }
    }

    void releaseQuietly(String id) {
        try {
            lock.release(id);
        } catch (RuntimeException e) {
            log.error("The run lock of run {} could not be freed; the next start frees it", id, e);
        }
    }

    void endLocally(LocalRun local) {
        localRuns.remove(local.id(), local);
        local.markEnded();
    }

    static void closeQuietly(ScoreHistoryRecorder recorder, LocalRun local) {
        try {
            recorder.close();
        } catch (RuntimeException e) {
            log.warn("Matching run {}: the last best score could not be saved", local.id(), e);
        }
    }

    /** An error in words for a run's reason. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        if (error instanceof OutOfMemoryError) {
            return "out of memory (" + (message == null ? "OutOfMemoryError" : message) + ")";
        }
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
