package org.mentoring.matching.run;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MatchingRunLock;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.RunInputStore;
import org.mentoring.matching.persistence.RunLeases;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.store.EmbeddedMongoServer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The run services of one application instance, as the tests use them together: starting, reading, cancelling,
 * recovering, the heartbeat and shutdown. Either Spring's beans or a second instance built by hand on the same store,
 * wired as Spring wires them.
 */
final class InstanceRuns {

    private final MatchingRunService launcher;
    private final RunReader reader;
    private final RunCancellation cancellation;
    private final RunRecovery recovery;
    private final RunLeaseKeeper leaseKeeper;
    private final RunShutdown shutdown;

    InstanceRuns(MatchingRunService launcher, RunReader reader, RunCancellation cancellation, RunRecovery recovery,
            RunLeaseKeeper leaseKeeper, RunShutdown shutdown) {
        this.launcher = launcher;
        this.reader = reader;
        this.cancellation = cancellation;
        this.recovery = recovery;
        this.leaseKeeper = leaseKeeper;
        this.shutdown = shutdown;
    }

    /** Another instance on the same store, with its own id, threads and local runs. */
    static InstanceRuns of(MatchingRunRepository runs, RunResultStore results, RunInputStore inputStore,
            MatchingRunLock lock, MatchingInputs inputs, MatchingEngine engine, MatchingPersistenceMapper mapper,
            RunLeases leases, Optional<EmbeddedMongoServer> embeddedStore, Duration heartbeat, Duration leaseTimeout) {
        RunInstance instance = new RunInstance();
        RunReader reader = new RunReader(runs, results, inputStore, mapper);
        RunEndings endings = new RunEndings(runs, results, lock, instance);
        RunRecovery recovery = new RunRecovery(runs, lock, leases, instance, embeddedStore, leaseTimeout);
        RunCancellation cancellation = new RunCancellation(runs, reader, recovery, leases, endings, instance);
        MatchingRunService launcher = new MatchingRunService(new RunStore(runs, inputStore, lock, leases, mapper),
                inputs, engine, instance, endings, reader);
        return new InstanceRuns(launcher, reader, cancellation, recovery,
                new RunLeaseKeeper(runs, leases, recovery, instance, heartbeat, leaseTimeout),
                new RunShutdown(cancellation, engine, instance));
    }

    MatchingRun start(RunSettings settings) {
        return launcher.start(settings);
    }

    String instanceId() {
        return launcher.instanceId();
    }

    MatchingRun get(String id) {
        return reader.get(id);
    }

    Page<MatchingRun> list(Pageable pageable) {
        return reader.list(pageable);
    }

    RunProposals proposals(String id) {
        return reader.proposals(id);
    }

    void writeProposalsCsv(String id, Appendable out) throws IOException {
        reader.writeProposalsCsv(id, out);
    }

    InputSnapshot inputs(String id) {
        return reader.inputs(id);
    }

    MatchingRun cancel(String id) {
        return cancellation.cancel(id);
    }

    int recoverInterruptedRuns() {
        return recovery.recoverInterruptedRuns();
    }

    int failSilentRuns() {
        return recovery.failSilentRuns();
    }

    void beat() {
        leaseKeeper.beat();
    }

    void shutDown() {
        shutdown.shutDown();
    }
}
