package org.mentoring.matching.run;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.ScorePoint;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MatchingRunLock;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.PublicationOrder;
import org.mentoring.matching.persistence.RunInputStore;
import org.mentoring.matching.persistence.RunLeases;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.matching.solver.ScoreUpdate;
import org.mentoring.store.EmbeddedMongoServer;
import org.optaplanner.core.api.solver.SolverFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Starts matching runs and keeps their record: one run at a time, solved in the background, its status saved at
 * each step of the state machine ({@link RunStatus}), its score history as it improves, and its best solution when
 * it ends, completed or cancelled. Nothing here needs a transaction: every change of a run is one conditional
 * atomic update, and the one-run-at-a-time rule is a lock document ({@link MatchingRunLock}).
 *
 * <p>Several instances may share one MongoDB. A run is solved by the instance that started it, which holds a lease
 * on it ({@link RunLeases}): its id in the run's {@code owner} and a {@code heartbeatAt} it refreshes every few
 * seconds ({@link #beat}). Status and proposals are read from the store by any instance; a cancel on another
 * instance sets {@code cancelRequested}, which the owner's heartbeat reads. Every instance checks every few seconds
 * for active runs whose heartbeat is older than the lease timeout, marks them FAILED with the reason and frees the
 * lock ({@link #failSilentRuns}): their instance died.
 *
 * <p>At start ({@link #recoverInterruptedRuns}), an instance that runs the embedded store itself marks FAILED every
 * run queued or solving before it started (no other process could be solving it); on a shared MongoDB it fails only
 * runs whose heartbeat has stopped, and leaves runs of live instances alone. A run solving when the application
 * shuts down cleanly is cancelled and keeps its best solution if it can be saved in time.
 */
@Service
public class MatchingRunService {

    static final String STOPPED_REASON = "the application stopped while this run was solving; start a new run";
    static final String SHUTDOWN_REASON = "the application shut down";
    static final String CANCELLED_REASON = "cancelled by an admin; the best result found until then is kept";
    static final String CANCELLED_BEFORE_SOLVING_REASON = "cancelled by an admin before solving began";
    static final String ORPHAN_CANCELLED_REASON =
            "cancelled; no solver in this application was working on it, so no result was kept";
    static final String LOST_REASON = "the solver did not report the end of this run; start a new run";
    static final String ENDED_ELSEWHERE_REASON = "the run was ended by another instance";

    /** Random seeds stay below 2^53, so that they survive a round trip through JavaScript numbers. */
    private static final long MAX_RANDOM_SEED = 1L << 53;
    private static final Logger log = LoggerFactory.getLogger(MatchingRunService.class);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);
    private static final Duration ENGINE_CLOSE_WAIT = Duration.ofSeconds(2);
    /** How long after its time limit a run may take to report its end (a huge problem's construction overruns). */
    private static final Duration END_GRACE = Duration.ofMinutes(15);
    /** How long after a cancel a run may take to report its end: the solver stops at once, then saves its best. */
    private static final Duration CANCEL_GRACE = Duration.ofMinutes(2);

    private final MatchingRunRepository runs;
    private final RunReader reader;
    private final RunRecovery recovery;
    private final RunAdmission admission;
    private final RunResultStore results;
    private final RunInputStore inputStore;
    private final MatchingRunLock lock;
    private final MatchingInputs inputs;
    private final MatchingEngine engine;
    private final MatchingPersistenceMapper mapper;
    private final RunEndings endings;
    private final RunCancellation cancellation;
    private final String solverVersion;
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
    private PublicationOrder publications;
    private RunCycle runCycle;
    private final RunLeases leases;
    private final boolean ownStore;
    private final Duration heartbeat;
    private final Duration leaseTimeout;
    /** This instance, as a run's {@code owner} names it: the process id and a random part, new at each start. */
    private final String instanceId = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * @param embeddedStore the embedded store when this instance runs it, so that no other instance can be
     *     solving a run left in it
     * @param heartbeat how often the owner of a run refreshes its lease
     * @param leaseTimeout how old a heartbeat may be before its run counts as lost; checked every third of it
     */
    public MatchingRunService(MatchingRunRepository runs, RunResultStore results, RunInputStore inputStore,
            MatchingRunLock lock, MatchingInputs inputs, MatchingEngine engine, MatchingPersistenceMapper mapper,
            RunLeases leases, Optional<EmbeddedMongoServer> embeddedStore,
            @Value("${mentoring.runs.heartbeat-interval:3s}") Duration heartbeat,
            @Value("${mentoring.runs.lease-timeout:30s}") Duration leaseTimeout) {
        this.leases = leases;
        this.ownStore = embeddedStore.isPresent();
        this.heartbeat = heartbeat;
        this.leaseTimeout = leaseTimeout;
        this.runs = runs;
        this.results = results;
        this.inputStore = inputStore;
        this.lock = lock;
        this.inputs = inputs;
        this.engine = engine;
        this.mapper = mapper;
        this.solverVersion = solverVersion();
        this.endings = new RunEndings(runs, results, lock, localRuns);
        this.admission = new RunAdmission(runs, lock);
        this.reader = new RunReader(runs, results, inputStore, mapper);
        this.recovery = new RunRecovery(runs, lock, leases, ownStore, leaseTimeout, instanceId, bootedAt,
                localRuns::containsKey);
        this.cancellation = new RunCancellation(runs, reader, recovery, leases, endings, localRuns);
    }

    /** OptaPlanner's version and the solver configuration's file name. */
    static String solverVersion() {
        String config = MatchingEngine.SOLVER_CONFIG.substring(MatchingEngine.SOLVER_CONFIG.lastIndexOf('/') + 1);
        String version = SolverFactory.class.getPackage().getImplementationVersion();
        return "OptaPlanner " + (version == null ? "(unknown version)" : version) + " with " + config;
    }

    /**
     * Starts a run in the background and answers at once with it, QUEUED. The run then reads its inputs, solves
     * for its time limit and saves its best solution.
     *
     * @throws org.mentoring.common.InvalidInputException naming each wrong setting (a time limit outside 1 to 3600
     *     seconds, a weight outside 0 to 1000)
     * @throws ConflictException {@code run-already-active} while another run is queued or solving, naming it;
     *     {@code publication-unfinished} while a run's publication is unfinished, naming it
     */
    public MatchingRun start(RunSettings settings) {
        RunSettings.Resolved resolved = (settings == null ? new RunSettings(null, null, null) : settings)
                .resolve(ThreadLocalRandom.current().nextLong(MAX_RANDOM_SEED));
        if (stopping) {
            throw new ConflictException("application-stopping",
                    "The application is shutting down; start the run once it is back");
        }
        String cycle = runCycle == null ? null : runCycle.resolve(settings == null ? null : settings.cycle());
        long publicationsSeen = publications == null ? 0 : publications.current();
        admission.refuseWhilePublishing(publications);
        String id = UUID.randomUUID().toString();
        admission.acquireLock(id);
        MatchingRunDocument queued;
        try {
            queued = runs.insert(MatchingRunDocument.queued(id, resolved.timeLimitSeconds(),
                    mapper.toDocument(resolved.weights()), resolved.seed(), solverVersion, Instant.now(), cycle));
        } catch (RuntimeException e) {
            lock.release(id);
            throw e;
        }
        if (publications != null) {
            publications.noteSeen(id, publicationsSeen);
        }
        leases.claim(id, instanceId);
        LocalRun local = new LocalRun(id);
        localRuns.put(id, local);
        try {
            preparer.execute(() -> prepareAndSolve(local, resolved, cycle));
        } catch (RejectedExecutionException e) {
            endings.fail(local, SHUTDOWN_REASON);
        }
        log.info("Matching run {} queued: time limit {} s, seed {}", id, resolved.timeLimitSeconds(),
                resolved.seed());
        return reader.toRun(queued);
    }

    /** Which cycle a run places; set by Spring (without it, as in tests that build this service, every cycle). */
    @Autowired(required = false)
    void setRunCycle(RunCycle runCycle) {
        this.runCycle = runCycle;
    }

    /** The order of publications; set by Spring (tests that build this service by hand may go without). */
    @Autowired(required = false)
    void setPublicationOrder(PublicationOrder publications) {
        this.publications = publications;
    }

    private void prepareAndSolve(LocalRun local, RunSettings.Resolved settings, String cycle) {
        String id = local.id();
        try {
            long readStart = System.nanoTime();
            InputSnapshot snapshot = InputSnapshot.of(inputs, cycle);
            long saveStart = System.nanoTime();
            inputStore.save(id, snapshot);
            log.info("Matching run {}: inputs read in {} ms, kept with the run in {} ms", id,
                    TimeUnit.NANOSECONDS.toMillis(saveStart - readStart),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - saveStart));
            if (!runs.recordInputCounts(id, snapshot.openRequests().size(), snapshot.mentors().size(),
                    snapshot.settled().size())) {
                endings.endLocally(local);
                return;
            }
            if (local.cancelReason() != null) {
                endings.cancelWithoutResult(local, RunStatus.QUEUED);
                return;
            }
            MatchingProblem problem = new MatchingProblem(snapshot.openRequests(), snapshot.mentors(),
                    snapshot.settled(), settings.weights(), Duration.ofSeconds(settings.timeLimitSeconds()),
                    settings.seed());
            if (runs.transition(id, RunStatus.SOLVING, new Update().set("startedAt", Instant.now())).isEmpty()) {
                endings.endLocally(local);
                return;
            }
            ScoreHistoryRecorder recorder = new ScoreHistoryRecorder(
                    point -> runs.recordProgress(id, mapper.toDocument(point)), scheduler,
                    () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
            UUID solverId = UUID.fromString(id);
            boolean started = local.startSolver(
                    () -> engine.start(solverId, problem, new RunListener(local, recorder)),
                    () -> {
                        stopper.execute(() -> engine.cancel(solverId));
                        watch(local, CANCEL_GRACE);
                    });
            if (!started) {
                endings.cancelWithoutResult(local, RunStatus.SOLVING);
                return;
            }
            watch(local, Duration.ofSeconds(settings.timeLimitSeconds()).plus(END_GRACE));
            log.info("Matching run {} solving {} open requests with {} mentors ({} settled pairs kept)", id,
                    snapshot.openRequests().size(), snapshot.mentors().size(), snapshot.settled().size());
        } catch (RuntimeException | Error e) {
            // an Error too (out of memory while reading the inputs): the run must not stay QUEUED holding the lock
            log.error("Matching run {} could not start", id, e);
            endings.fail(local, "the run could not start: " + describe(e));
        }
    }

    /** Called on the solver's threads. */
    private final class RunListener implements MatchingEngine.Listener {

        private final LocalRun local;
        private final ScoreHistoryRecorder recorder;

        RunListener(LocalRun local, ScoreHistoryRecorder recorder) {
            this.local = local;
            this.recorder = recorder;
        }

        @Override
        public void onBestSolution(ScoreUpdate update) {
            try {
                recorder.offer(new ScorePoint(update.elapsed().toMillis(), update.score(), update.feasible(),
                        update.matchedCount()));
            } catch (RuntimeException e) {
                log.warn("Matching run {}: a new best score could not be saved", local.id(), e);
            }
        }

        @Override
        public void onFinished(MatchingResult result) {
            RunEndings.closeQuietly(recorder, local);
            endings.saveResult(local, result);
        }

        @Override
        public void onCancelledBeforeStart() {
            RunEndings.closeQuietly(recorder, local);
            endings.cancelWithoutResult(local, RunStatus.SOLVING);
        }

        @Override
        public void onFailed(Throwable error) {
            RunEndings.closeQuietly(recorder, local);
            log.error("Matching run {} failed", local.id(), error);
            endings.fail(local, "the solver failed: " + describe(error));
        }
    }

    /**
     * Fails a run that has not reported its end after {@code timeout}: a solver that never calls back must not
     * hold the one-run-at-a-time lock forever.
     */
    private void watch(LocalRun local, Duration timeout) {
        try {
            scheduler.schedule(() -> {
                if (!local.isEnded()) {
                    log.error("Matching run {} did not report its end in time", local.id());
                    stopper.execute(() -> engine.cancel(UUID.fromString(local.id())));
                    endings.fail(local, LOST_REASON);
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("Not watching run {}: the application is stopping", local.id());
        }
    }

    /** One run with its score history. */
    public MatchingRun get(String id) {
        return reader.get(id);
    }

    /** A page of runs, newest first unless {@code pageable} sorts otherwise, without their score histories. */
    public Page<MatchingRun> list(Pageable pageable) {
        return reader.list(pageable);
    }

    /** What a finished run proposes ({@link RunReader#proposals}). */
    public RunProposals proposals(String id) {
        return reader.proposals(id);
    }

    /** {@link #proposals} as CSV ({@link RunReader#writeProposalsCsv}). */
    public void writeProposalsCsv(String id, Appendable out) throws IOException {
        reader.writeProposalsCsv(id, out);
    }

    /** The inputs a run read when it started: the people exactly as they were then. */
    public InputSnapshot inputs(String id) {
        return reader.inputs(id);
    }

    /**
     * Stops a run early. A solving run stops within moments and keeps the best solution found until then, CANCELLED;
     * this waits a few seconds for that and answers with the run as it then is. A queued run is cancelled at once.
     *
     * @throws NotFoundException if there is no such run
     * @throws ConflictException {@code run-already-ended} if the run has ended
     */
    public MatchingRun cancel(String id) {
        return cancellation.cancel(id, CANCELLED_REASON, CANCEL_WAIT);
    }

    /** This instance's id, as the runs it solves name their {@code owner}. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Starts this instance's heartbeat of the runs it solves and its periodic check for runs whose instance died.
     * Called once the application is ready.
     */
    public void startLeaseKeeping() {
        try {
            scheduler.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                    TimeUnit.MILLISECONDS);
            long check = Math.max(1, leaseTimeout.toMillis() / 3);
            scheduler.scheduleWithFixedDelay(this::failSilentRunsQuietly, check, check, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("Not keeping leases: the application is stopping");
        }
    }

    /**
     * Refreshes the lease of every run this instance prepares or solves, and passes on a cancel asked on another
     * instance. A run that another instance ended meanwhile (it found this one silent) is stopped here too.
     */
    void beat() {
        for (LocalRun local : List.copyOf(localRuns.values())) {
            try {
                Optional<RunLeases.Lease> lease = leases.beat(local.id(), instanceId);
                if (lease.isPresent() && lease.get().cancelAsked()) {
                    local.requestCancel(CANCELLED_REASON);
                } else if (lease.isEmpty() && !local.isEnded()
                        && runs.findById(local.id()).map(run -> !run.status().isActive()).orElse(true)) {
                    local.requestCancel(ENDED_ELSEWHERE_REASON);
                }
            } catch (RuntimeException e) {
                log.warn("Matching run {}: the heartbeat could not be saved", local.id(), e);
            }
        }
    }

    /** Marks FAILED every active run of another instance whose heartbeat stopped ({@link RunRecovery}). */
    public int failSilentRuns() {
        return recovery.failSilentRuns();
    }

    /** Marks FAILED the runs whose instance stopped, at start-up ({@link RunRecovery}). */
    public int recoverInterruptedRuns() {
        return recovery.recoverInterruptedRuns();
    }

    private void failSilentRunsQuietly() {
        try {
            failSilentRuns();
        } catch (RuntimeException e) {
            log.warn("The check for runs of stopped instances failed; it runs again shortly", e);
        }
    }

    /**
     * Cancels the runs of this instance as the application shuts down, keeping their best solutions if they can be
     * saved within {@link #SHUTDOWN_WAIT}, then closes the engine; whatever is left unsaved is marked FAILED at the
     * next start. Never blocks longer than that, even if a solver does not stop.
     */
    @PreDestroy
    public void shutDown() {
        stopping = true;
        Instant deadline = Instant.now().plus(SHUTDOWN_WAIT);
        for (LocalRun local : List.copyOf(localRuns.values())) {
            try {
                cancellation.cancel(local.id(), SHUTDOWN_REASON, Duration.ZERO);
            } catch (RuntimeException e) {
                log.warn("Matching run {} could not be cancelled at shutdown", local.id(), e);
            }
        }
        for (LocalRun local : List.copyOf(localRuns.values())) {
            if (!local.awaitEnd(Duration.between(Instant.now(), deadline))) {
                log.warn("Matching run {} did not save its result before shutdown; the next start marks it FAILED",
                        local.id());
            }
        }
        closeEngine(Duration.between(Instant.now(), deadline).plus(ENGINE_CLOSE_WAIT));
        preparer.shutdownNow();
        scheduler.shutdownNow();
        stopper.shutdownNow();
    }

    private void closeEngine(Duration wait) {
        Future<?> closing = stopper.submit(engine::close);
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

    static String describe(Throwable error) {
        String message = error.getMessage();
        if (error instanceof OutOfMemoryError) {
            return "out of memory (" + (message == null ? "OutOfMemoryError" : message) + ")";
        }
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
