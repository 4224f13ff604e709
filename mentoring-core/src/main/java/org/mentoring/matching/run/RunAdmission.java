package org.mentoring.matching.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mentoring.common.ConflictException;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MatchingRunLock;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.PublicationOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether a run may start: no publication unfinished, and the one run lock taken for it. */
final class RunAdmission {

    private static final Logger log = LoggerFactory.getLogger(RunAdmission.class);
    /** How long a lock may name a run that is not saved yet before it counts as left over. */
    private static final Duration UNSAVED_RUN_GRACE = Duration.ofMinutes(1);

    private final MatchingRunRepository runs;
    private final MatchingRunLock lock;

    RunAdmission(MatchingRunRepository runs, MatchingRunLock lock) {
        this.runs = runs;
        this.lock = lock;
    }

    /**
     * A run reads the offers as they are when it starts, so it may not start while a publication is still making
     * them: its proposals would not know those offers.
     *
     * @throws ConflictException {@code publication-unfinished} naming the run being published
     */
    void refuseWhilePublishing(PublicationOrder publications) {
        if (publications == null) {
            return;
        }
        publications.unfinished().ifPresent(run -> {
            throw new ConflictException("publication-unfinished", "Publishing run " + run.id() + " has not finished"
                    + (run.publishedAt() == null ? "" : " (it began at " + run.publishedAt() + ")") + "; publish it"
                    + " again to finish it (POST /api/v1/matching-runs/" + run.id() + "/publish or the button on"
                    + " its page), then start a new run");
        });
    }

    /**
     * Takes the run lock, or says which run holds it. Reads the lock first, so that the usual refusal costs no
     * failed write; the atomic upsert still decides when two starts race.
     */
    void acquireLock(String id) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<MatchingRunLock.Holder> holder = lock.holder();
            if (holder.isEmpty()) {
                if (lock.tryAcquire(id, Instant.now())) {
                    return;
                }
                continue;
            }
            String holderId = holder.get().runId();
            Optional<MatchingRunDocument> held = runs.findById(holderId);
            if (held.isPresent() && held.get().status().isActive()) {
                throw new ConflictException("run-already-active", "Another matching run is active: run " + holderId
                        + " is " + held.get().status() + "; wait for it to end or cancel it");
            }
            Instant acquiredAt = holder.get().acquiredAt();
            if (held.isEmpty() && acquiredAt != null && acquiredAt.isAfter(Instant.now().minus(UNSAVED_RUN_GRACE))) {
                throw new ConflictException("run-already-active", "Another matching run is active: run " + holderId
                        + " is starting; wait for it to end or cancel it");
            }
            log.warn("Freeing the run lock left by run {}, which is no longer active", holderId);
            lock.release(holderId);
        }
        throw new ConflictException("run-already-active", "Another matching run is starting; try again");
    }
}
