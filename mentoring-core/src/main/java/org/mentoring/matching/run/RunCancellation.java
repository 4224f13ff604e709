package org.mentoring.matching.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.mentoring.common.ConflictException;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.RunLeases;
import org.mentoring.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Cancels a run wherever it is: a queued one at once, one this instance solves by asking its solver, one another
 * live instance solves through its lease, one whose instance is gone by marking it CANCELLED.
 */
@Component
public final class RunCancellation {

    private static final String CANCELLED_REASON = MatchingRunService.CANCELLED_REASON;
    private static final String CANCELLED_BEFORE_SOLVING_REASON = MatchingRunService.CANCELLED_BEFORE_SOLVING_REASON;
    static final String ORPHAN_CANCELLED_REASON =
            "cancelled; no solver in this application was working on it, so no result was kept";
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(MatchingRunService.class);

    private final MatchingRunRepository runs;
    private final RunReader reader;
    private final RunRecovery recovery;
    private final RunLeases leases;
    private final RunEndings endings;
    private final Map<String, LocalRun> localRuns;

    RunCancellation(MatchingRunRepository runs, RunReader reader, RunRecovery recovery, RunLeases leases,
            RunEndings endings, RunInstance instance) {
        this.runs = runs;
        this.reader = reader;
        this.recovery = recovery;
        this.leases = leases;
        this.endings = endings;
        this.localRuns = instance.localRuns();
    }

    /**
     * Stops a run early. A solving run stops within moments and keeps the best solution found until then, CANCELLED;
     * this waits a few seconds for that and answers with the run as it then is. A queued run is cancelled at once.
     *
     * @throws NotFoundException if there is no such run
     * @throws ConflictException {@code run-already-ended} if the run has ended
     */
    public MatchingRun cancel(String id) {
        return cancel(id, CANCELLED_REASON, CANCEL_WAIT);
    }

    MatchingRun cancel(String id, String reason, Duration wait) {
        for (int attempt = 0; attempt < 3; attempt++) {
            MatchingRunDocument run = reader.find(id);
            LocalRun local = localRuns.get(id);
            switch (run.status()) {
                case QUEUED -> {
                    if (local != null) {
                        local.requestCancel(reason);
                    }
                    if (runs.transition(id, RunStatus.CANCELLED, new Update()
                            .set("reason", reason.equals(CANCELLED_REASON) ? CANCELLED_BEFORE_SOLVING_REASON : reason)
                            .set("endedAt", Instant.now())).isPresent()) {
                        endings.releaseQuietly(id);
                        return reader.get(id);
                    }
                }
                case SOLVING -> {
                    if (local != null) {
                        local.requestCancel(reason);
                        local.awaitEnd(wait);
                        return reader.get(id);
                    }
                    if (recovery.ownedByLiveInstance(id) && leases.requestCancel(id)) {
                        log.info("Matching run {} is solved by another instance; asked it to cancel", id);
                        return awaitInactive(id, wait);
                    }
                    if (runs.transition(id, RunStatus.CANCELLED, new Update()
                            .set("reason", ORPHAN_CANCELLED_REASON).set("endedAt", Instant.now())).isPresent()) {
                        endings.releaseQuietly(id);
                        return reader.get(id);
                    }
                }
                case COMPLETED, CANCELLED, FAILED -> throw new ConflictException("run-already-ended",
                        "Run " + id + " is " + run.status() + " already; only a QUEUED or SOLVING run can be cancelled");
            }
        }
        return reader.get(id);
    }

    /** The run once it is no longer active, or as it is after {@code wait}. */
    private MatchingRun awaitInactive(String id, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        MatchingRun run = reader.get(id);
        while (run.status().isActive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            run = reader.get(id);
        }
        return run;
    }
}
