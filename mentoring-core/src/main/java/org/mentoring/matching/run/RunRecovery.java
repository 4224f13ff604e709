package org.mentoring.matching.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MatchingRunLock;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.RunLeases;
import org.mentoring.store.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Ends the runs whose instance stopped: at start-up, every run left active by a stopped embedded store, and on a
 * shared store, every run whose heartbeat is older than the lease timeout; frees the run lock such a run held.
 *
 * <p>At start ({@link #recoverInterruptedRuns}), an instance that runs the embedded store itself marks FAILED every
 * run queued or solving before it started (no other process could be solving it); on a shared MongoDB it fails only
 * runs whose heartbeat has stopped, and leaves runs of live instances alone.
 */
@Component
public final class RunRecovery {

    static final String STOPPED_REASON = "the application stopped while this run was solving; start a new run";

    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

    private final MatchingRunRepository runs;
    private final MatchingRunLock lock;
    private final RunLeases leases;
    private final boolean ownStore;
    private final Duration leaseTimeout;
    private final String instanceId;
    private final Instant bootedAt;
    private final RunInstance instance;

    /**
     * @param embeddedStore the embedded store when this instance runs it, so that no other instance can be
     *     solving a run left in it
     * @param leaseTimeout how old a heartbeat may be before its run counts as lost
     */
    RunRecovery(MatchingRunRepository runs, MatchingRunLock lock, RunLeases leases, RunInstance instance,
            Optional<EmbeddedMongoServer> embeddedStore,
            @Value("${mentoring.runs.lease-timeout:30s}") Duration leaseTimeout) {
        this.runs = runs;
        this.lock = lock;
        this.leases = leases;
        this.ownStore = embeddedStore.isPresent();
        this.leaseTimeout = leaseTimeout;
        this.instanceId = instance.id();
        this.bootedAt = instance.bootedAt();
        this.instance = instance;
    }

    /** Whether another instance holds a fresh lease on the run. */
    boolean ownedByLiveInstance(String id) {
        return leases.findLive(id, leaseTimeout)
                .filter(lease -> lease.owner() != null && !lease.owner().equals(instanceId))
                .isPresent();
    }

    /**
     * Marks FAILED, with the reason, every active run of another instance whose heartbeat is older than the lease
     * timeout, and frees the lock it held.
     *
     * @return how many runs were marked FAILED
     */
    public int failSilentRuns() {
        int failed = 0;
        for (RunLeases.Lease lease : leases.silentFor(leaseTimeout)) {
            if (instance.localRuns().containsKey(lease.id())) {
                continue;
            }
            String reason = "the application stopped while this run was solving (instance "
                    + (lease.owner() == null ? "unknown" : lease.owner()) + ", no heartbeat since "
                    + lease.lastSignOfLife() + "); start a new run";
            if (runs.transition(lease.id(), RunStatus.FAILED,
                    new Update().set("reason", reason).set("endedAt", Instant.now())).isPresent()) {
                failed++;
                log.warn("Matching run {} was {} on an instance that stopped; marked FAILED", lease.id(),
                        lease.status());
            }
            lock.release(lease.id());
        }
        return failed;
    }

    /**
     * Marks FAILED the runs that were queued or solving when their instance stopped, and frees the lock such a run
     * held. With the embedded store that this instance runs, that is every run active before it started; on a
     * shared MongoDB, only runs whose heartbeat stopped ({@link #failSilentRuns}). Called once the application is
     * ready; runs started since, and runs of live instances, are left alone.
     *
     * @return how many runs were marked FAILED
     */
    public int recoverInterruptedRuns() {
        if (!ownStore) {
            int failed = failSilentRuns();
            freeLockOfEndedRun();
            return failed;
        }
        int recovered = 0;
        List<MatchingRunDocument> interrupted = runs.findActiveCreatedBefore(bootedAt);
        for (MatchingRunDocument run : interrupted) {
            if (runs.transition(run.id(), RunStatus.FAILED,
                    new Update().set("reason", STOPPED_REASON).set("endedAt", Instant.now())).isPresent()) {
                recovered++;
                log.warn("Matching run {} was {} when the application stopped; marked FAILED", run.id(),
                        run.status());
            }
            lock.release(run.id());
        }
        freeLockOfEndedRun();
        return recovered;
    }

    private void freeLockOfEndedRun() {
        lock.holder().filter(h -> h.acquiredAt() == null || h.acquiredAt().isBefore(bootedAt)).ifPresent(h -> {
            Optional<MatchingRunDocument> held = runs.findById(h.runId());
            if (held.isEmpty() || !held.get().status().isActive()) {
                lock.release(h.runId());
            }
        });
    }

}
