package org.mentoring.matching.run;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.RunLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the leases of several instances on one MongoDB. A run is solved by the instance that started it, which holds
 * a lease on it ({@link RunLeases}): its id in the run's {@code owner} and a {@code heartbeatAt} refreshed every few
 * seconds here ({@link #beat}). Any instance reads status and proposals from the store; a cancel on another instance
 * sets {@code cancelRequested}, which the owner's heartbeat reads. Every third of the lease timeout, this instance
 * also fails the active runs whose heartbeat stopped ({@link RunRecovery#failSilentRuns}): their instance died.
 */
@Component
class RunLeaseKeeper {

    static final String ENDED_ELSEWHERE_REASON = "the run was ended by another instance";
    private static final Logger log = LoggerFactory.getLogger(MatchingRunService.class);

    private final MatchingRunRepository runs;
    private final RunLeases leases;
    private final RunRecovery recovery;
    private final RunInstance instance;
    private final Duration heartbeat;
    private final Duration leaseTimeout;

    /**
     * @param heartbeat how often the owner of a run refreshes its lease
     * @param leaseTimeout how old a heartbeat may be before its run counts as lost; checked every third of it
     */
    RunLeaseKeeper(MatchingRunRepository runs, RunLeases leases, RunRecovery recovery, RunInstance instance,
            @Value("${mentoring.runs.heartbeat-interval:3s}") Duration heartbeat,
            @Value("${mentoring.runs.lease-timeout:30s}") Duration leaseTimeout) {
        this.runs = runs;
        this.leases = leases;
        this.recovery = recovery;
        this.instance = instance;
        this.heartbeat = heartbeat;
        this.leaseTimeout = leaseTimeout;
    }

    /**
     * Starts this instance's heartbeat of the runs it solves and its periodic check for runs whose instance died.
     * Called once the application is ready.
     */
    void startLeaseKeeping() {
        try {
            instance.scheduler().scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                    TimeUnit.MILLISECONDS);
            long check = Math.max(1, leaseTimeout.toMillis() / 3);
            instance.scheduler().scheduleWithFixedDelay(this::failSilentRunsQuietly, check, check,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("Not keeping leases: the application is stopping");
        }
    }

    /**
     * Refreshes the lease of every run this instance prepares or solves, and passes on a cancel asked on another
     * instance. A run that another instance ended meanwhile (it found this one silent) is stopped here too.
     */
    void beat() {
        for (LocalRun local : List.copyOf(instance.localRuns().values())) {
            try {
                Optional<RunLeases.Lease> lease = leases.beat(local.id(), instance.id());
                if (lease.isPresent() && lease.get().cancelAsked()) {
                    local.requestCancel(MatchingRunService.CANCELLED_REASON);
                } else if (lease.isEmpty() && !local.isEnded()
                        && runs.findById(local.id()).map(run -> !run.status().isActive()).orElse(true)) {
                    local.requestCancel(ENDED_ELSEWHERE_REASON);
                }
            } catch (RuntimeException e) {
                log.warn("Matching run {}: the heartbeat could not be saved", local.id(), e);
            }
        }
    }

    private void failSilentRunsQuietly() {
        try {
            recovery.failSilentRuns();
        } catch (RuntimeException e) {
            log.warn("The check for runs of stopped instances failed; it runs again shortly", e);
        }
    }
}
