package org.mentoring.matching.run;

import static org.mentoring.matching.run.RunEndings.describe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.mentoring.common.ConflictException;
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
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.matching.solver.ScoreUpdate;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.pins.PinService;
import org.optaplanner.core.api.solver.SolverFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Starts matching runs: one run at a time, solved in the background by this instance, its status saved at each step
 * of the state machine ({@link RunStatus}), its score history as it improves, and its best solution when it ends,
 * completed or cancelled ({@link RunEndings}). Nothing here needs a transaction: every change of a run is one
 * conditional atomic update, and the one-run-at-a-time rule is a lock document ({@link MatchingRunLock}).
 *
 * <p>The rest of a run's life is elsewhere: reading runs and their proposals ({@link RunReader}), cancelling
 * ({@link RunCancellation}), the heartbeat of the runs this instance solves ({@link RunLeaseKeeper}), failing the
 * runs of instances that died ({@link RunRecovery}) and shutting down ({@link RunShutdown}).
 */
@Service
public class MatchingRunService {

    static final String SHUTDOWN_REASON = "the application shut down";
    static final String CANCELLED_REASON = "cancelled by an admin; the best result found until then is kept";
    static final String CANCELLED_BEFORE_SOLVING_REASON = "cancelled by an admin before solving began";
    static final String CANCELLED_WHILE_CIRCLES_REASON = "cancelled by an admin while the mentoring circles were being"
            + " formed, before the pairs were placed; no result was kept";
    static final String LOST_REASON = "the solver did not report the end of this run; start a new run";

    /** Random seeds stay below 2^53, so that they survive a round trip through JavaScript numbers. */
    private static final long MAX_RANDOM_SEED = 1L << 53;
    private static final Logger log = LoggerFactory.getLogger(MatchingRunService.class);
    /** How long after its time limit a run may take to report its end (a huge problem's construction overruns). */
    private static final Duration END_GRACE = Duration.ofMinutes(15);
    /** How long after a cancel a run may take to report its end: the solver stops at once, then saves its best. */
    private static final Duration CANCEL_GRACE = Duration.ofMinutes(2);

    private final MatchingRunRepository runs;
    private final RunReader reader;
    private final RunAdmission admission;
    private final RunInputStore inputStore;
    private final MatchingRunLock lock;
    private final MatchingInputs inputs;
    private final MatchingEngine engine;
    private final MatchingPersistenceMapper mapper;
    private final RunEndings endings;
    private final String solverVersion;
    private final RunInstance instance;
    private final Map<String, LocalRun> localRuns;
    private final ExecutorService preparer;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService stopper;
    private PublicationOrder publications;
    private RunCycle runCycle;
    private PinService pins;
    private final RunLeases leases;
    /** This instance, as a run's {@code owner} names it ({@link RunInstance#id}). */
    private final String instanceId;

    MatchingRunService(RunStore store, MatchingInputs inputs, MatchingEngine engine, RunInstance instance,
            RunEndings endings, RunReader reader) {
        this.runs = store.runs();
        this.inputStore = store.inputStore();
        this.lock = store.lock();
        this.leases = store.leases();
        this.mapper = store.mapper();
        this.inputs = inputs;
        this.engine = engine;
        this.instance = instance;
        this.localRuns = instance.localRuns();
        this.preparer = instance.preparer();
        this.scheduler = instance.scheduler();
        this.stopper = instance.stopper();
        this.instanceId = instance.id();
        this.endings = endings;
        this.reader = reader;
        this.solverVersion = solverVersion();
        this.admission = new RunAdmission(runs, lock);
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
        if (instance.stopping()) {
            throw new ConflictException("application-stopping",
                    "The application is shutting down; start the run once it is back");
        }
        String cycle = runCycle == null ? null : runCycle.resolve(settings == null ? null : settings.cycle());
        org.mentoring.matching.circles.CircleSettings circles = resolved.circles() == null ? null
                : resolved.circles().settings(runCycle == null ? java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                        : runCycle.startsOn(cycle));
        long publicationsSeen = publications == null ? 0 : publications.current();
        admission.refuseWhilePublishing(publications);
        String id = UUID.randomUUID().toString();
        admission.acquireLock(id);
        MatchingRunDocument queued;
        try {
            queued = runs.insert(MatchingRunDocument.queued(id, resolved.timeLimitSeconds(),
                    mapper.toDocument(resolved.weights()), resolved.seed(), solverVersion, Instant.now(), cycle,
                    circles == null ? null : new org.mentoring.matching.model.RunCircleSettings(circles.minSize(),
                            circles.maxSize(), circles.meetingMinutes(), circles.startDate())));
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
            preparer.execute(() -> prepareAndSolve(local, resolved, cycle, circles));
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

    /** The coordinator's pins; set by Spring (tests that build this service by hand may go without). */
    @Autowired(required = false)
    void setPins(PinService pins) {
        this.pins = pins;
    }

    /**
     * What the engine solves: the open requests, with the pinned ones fixed to their mentors like settled pairs
     * (they use their mentors' places and are not decided again), and the rest to place.
     */
    static MatchingProblem problem(InputSnapshot snapshot, RunSettings.Resolved settings) {
        List<MentorshipRequest> open = new ArrayList<>(snapshot.openRequests().size());
        Map<MentorshipRequest, String> fixed = new HashMap<>(snapshot.settled());
        for (MentorshipRequest request : snapshot.openRequests()) {
            String mentor = snapshot.pinned().get(request.externalId());
            if (mentor == null) {
                open.add(request);
            } else {
                fixed.put(request, mentor);
            }
        }
        return new MatchingProblem(open, snapshot.mentors(), fixed, settings.weights(),
                Duration.ofSeconds(settings.timeLimitSeconds()), settings.seed(),
                MatchingProblem.DEFAULT_CANDIDATES_PER_REQUEST, snapshot.pinned().keySet());
    }

    /** Saves and reads the circles of runs that form them; set by Spring (tests may go without). */
    @Autowired(required = false)
    void setCircleStore(org.mentoring.matching.persistence.RunCircleStore circleStore) {
        this.circleStep = new CircleRunStep(circleStore);
    }

    private CircleRunStep circleStep;
    private org.mentoring.places.MentorPlaces mentorPlaces;

    /** The ledger of places, whose held circles a run's mentors lead already; set by Spring (tests may go without). */
    @Autowired(required = false)
    void setMentorPlaces(org.mentoring.places.MentorPlaces mentorPlaces) {
        this.mentorPlaces = mentorPlaces;
    }

    /** The circles each mentor leads already through published runs: they lead that many fewer new ones. */
    private java.util.Map<String, Integer> circlesHeld(InputSnapshot snapshot) {
        if (mentorPlaces == null) {
            return java.util.Map.of();
        }
        return mentorPlaces.heldCircles(snapshot.mentors().stream().filter(m -> m.circles() > 0)
                .map(org.mentoring.people.Mentor::externalId).toList());
    }

    /**
     * @param circles the run's circle settings with the defaults filled in; null: no circles, exactly today's run
     */
    private void prepareAndSolve(LocalRun local, RunSettings.Resolved settings, String cycle,
            org.mentoring.matching.circles.CircleSettings circles) {
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
            if (pins != null && !snapshot.droppedPins().isEmpty()) {
                pins.drop(id, snapshot.droppedPins());
            }
            MatchingProblem problem = problem(snapshot, settings);
            if (runs.transition(id, RunStatus.SOLVING, new Update().set("startedAt", Instant.now())).isEmpty()) {
                endings.endLocally(local);
                return;
            }
            CircleRunStep.Plan circlePlan = null;
            if (circles != null) {
                // pairs and circles together; the pair engine below then places the pairs (CircleRunStep). A cancel
                // meanwhile ends the circles' search at once and the run without a result
                org.mentoring.matching.circles.CircleEngine circleEngine =
                        new org.mentoring.matching.circles.CircleEngine();
                if (!local.stopWith(circleEngine::cancel)) {
                    // the run reads SOLVING, forming its circles, from here on: a cancel now is a cancel of that phase
                    endings.cancelWithoutResult(local, RunStatus.SOLVING, CANCELLED_WHILE_CIRCLES_REASON);
                    return;
                }
                circleStep();
                circlePlan = CircleRunStep.plan(snapshot, circles, settings.weights(),
                        Duration.ofSeconds(settings.timeLimitSeconds()), settings.seed(), circlesHeld(snapshot),
                        circleEngine);
                if (local.cancelReason() != null) {
                    endings.cancelWithoutResult(local, RunStatus.SOLVING, CANCELLED_WHILE_CIRCLES_REASON);
                    return;
                }
                problem = circlePlan.pairs();
            }
            // without circles, a request that accepts only a circle is placed nowhere and told why
            List<String> circleOnly = circles == null ? CircleRunStep.circleOnly(snapshot) : List.of();
            if (!circleOnly.isEmpty()) {
                problem = CircleRunStep.withoutCircleOnly(problem);
            }
            MatchingProblem solved = problem;
            CircleRunStep.Plan plan = circlePlan;
            ScoreHistoryRecorder recorder = new ScoreHistoryRecorder(
                    point -> runs.recordProgress(id, mapper.toDocument(point)), scheduler,
                    () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
            UUID solverId = UUID.fromString(id);
            boolean started = local.startSolver(
                    () -> engine.start(solverId, solved, plan != null
                            ? circleStep().listener(id, plan, new RunListener(local, recorder))
                            : circleOnly.isEmpty() ? new RunListener(local, recorder)
                            : CircleRunStep.noCircles(circleOnly, new RunListener(local, recorder))),
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

    /**
     * The mentoring circles a run formed, in order; empty for a run without circles (or not finished yet).
     *
     * @throws NotFoundException if there is no such run
     */
    public List<RunCircle> circles(String id) {
        reader.find(id);
        return circleStep == null ? List.of() : circleStep.circles(id);
    }

    /** This instance's id, as the runs it solves name their {@code owner}. */
    public String instanceId() {
        return instanceId;
    }

    private CircleRunStep circleStep() {
        if (circleStep == null) {
            throw new IllegalStateException("this application keeps no circles; start the run without circles");
        }
        return circleStep;
    }
}
