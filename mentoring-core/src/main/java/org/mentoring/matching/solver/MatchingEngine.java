package org.mentoring.matching.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.api.solver.SolverJob;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solves matching problems asynchronously through OptaPlanner's {@link SolverManager}: reports each new best score
 * as it comes, can be cancelled while keeping the best so far, and answers with proposals and their explanations
 * and the unmatched with their reasons. Knows nothing of storage or HTTP.
 *
 * <p>A run stops at proof: while every active constraint is separable, the construction phase's min-cost flow
 * finds the optimum, and the run ends there, {@link MatchingResult#provenOptimal proven optimal}. Only when a
 * constraint that is not separable is active does local search follow, until the time limit or 10 s without
 * improvement.
 */
public class MatchingEngine implements AutoCloseable {

    public static final String SOLVER_CONFIG = "org/mentoring/matching/solver/matchingSolverConfig.xml";

    private static final Logger LOG = LoggerFactory.getLogger(MatchingEngine.class);

    private final SolverConfig baseConfig;
    private final boolean searchAfterProof;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

    public MatchingEngine() {
        this(false);
    }

    /**
     * @param searchAfterProof keep searching locally after the flow's proven optimum, until the time limit or 10 s
     *     without improvement, as the engine did before it stopped at proof: for tests that need a run that takes
     *     time (to cancel it, to stop its application mid-run), never needed for a better answer
     */
    public MatchingEngine(boolean searchAfterProof) {
        this(SolverConfig.createFromXmlResource(SOLVER_CONFIG), searchAfterProof);
    }

    /** With a solver configuration of one's own, for example from the benchmark. */
    public MatchingEngine(SolverConfig baseConfig) {
        this(baseConfig, false);
    }

    public MatchingEngine(SolverConfig baseConfig, boolean searchAfterProof) {
        this.baseConfig = baseConfig;
        this.searchAfterProof = searchAfterProof;
    }

    /**
     * Whether a run of this problem ends as soon as the construction phase's min-cost flow has its answer: when
     * every active constraint is separable, that answer is the proven optimum
     * ({@link MatchingConstraintProvider#exactByFlow}), so local search could only spend time.
     */
    public boolean stopsAtProof(MatchingProblem problem) {
        return !searchAfterProof && MatchingConstraintProvider.exactByFlow(problem.weights());
    }

    /** Callbacks of one run; each is called on the solver's thread. */
    public interface Listener {
        /** A new best solution. */
        default void onBestSolution(ScoreUpdate update) {
        }

        /** The run ended, by its time limit or by {@link #cancel}; the result is the best found. */
        void onFinished(MatchingResult result);

        /** The run failed; nothing is solved. */
        void onFailed(Throwable error);

        /** The run was cancelled before its solver started; nothing is solved. */
        void onCancelledBeforeStart();
    }

    /**
     * The solver configuration for one problem: the base one with its time limit and seed, and without its local
     * search when the run {@link #stopsAtProof stops at proof}.
     */
    public SolverConfig solverConfig(MatchingProblem problem) {
        SolverConfig config = new SolverConfig(baseConfig);
        if (stopsAtProof(problem) && config.getPhaseConfigList() != null) {
            List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
            phases.removeIf(phase -> !(phase instanceof CustomPhaseConfig));
            config.setPhaseConfigList(phases);
        }
        TerminationConfig termination = config.getTerminationConfig() == null
                ? new TerminationConfig() : config.getTerminationConfig().copyConfig();
        termination.setSpentLimit(problem.timeLimit());
        config.setTerminationConfig(termination);
        config.setRandomSeed(problem.seed());
        return config;
    }

    /**
     * Starts solving; returns at once. The problem's pairs are checked on the solver's thread, so even a large run
     * starts without delay. Exactly one of the listener's end callbacks is called, whatever happens: a failure of any
     * kind (an {@link OutOfMemoryError} too, while checking the pairs, solving or explaining the result) reaches
     * {@link Listener#onFailed} at once, saying which step failed.
     */
    public void start(UUID runId, MatchingProblem problem, Listener listener) {
        Objects.requireNonNull(listener, "listener");
        SolverFactory<MatchingSolution> factory = SolverFactory.create(solverConfig(problem));
        SolverManager<MatchingSolution, UUID> manager = SolverManager.create(factory, new SolverManagerConfig());
        Job job = new Job(manager, factory, System.nanoTime());
        if (jobs.putIfAbsent(runId, job) != null) {
            manager.close();
            throw new IllegalStateException("run " + runId + " is already solving");
        }
        boolean exact = MatchingConstraintProvider.exactByFlow(problem.weights());
        Consumer<MatchingSolution> onBest = best -> {
            try {
                HardMediumSoftLongScore score = best.getScore();
                if (score != null && score.isSolutionInitialized()) {
                    listener.onBestSolution(new ScoreUpdate(job.elapsed(), score.toString(), score.isFeasible(),
                            countMatched(best, problem.pinned())));
                }
            } catch (Throwable e) {
                // a progress report lost, never the run: the final result still comes
                LOG.warn("Run {}: a new best score could not be reported", runId, e);
            }
        };
        Consumer<MatchingSolution> onFinal = best -> {
            if (!job.end()) {
                return;
            }
            try {
                job.step = "explaining the result";
                long resultStart = System.nanoTime();
                boolean cancelled = job.cancelled.get();
                MatchingResult result = result(best, job.factory, job.elapsed(), cancelled, exact && !cancelled,
                        problem.pinned());
                LOG.info("Run {}: solved in {} ms{}, result explained in {} ms", runId,
                        TimeUnit.NANOSECONDS.toMillis(resultStart - job.solveStart),
                        result.provenOptimal() ? " (proven optimal)" : "", millisSince(resultStart));
                listener.onFinished(result);
            } catch (Throwable e) {
                listener.onFailed(new RunFailure(job.step, e));
            } finally {
                finish(runId);
            }
        };
        SolverJob<MatchingSolution, UUID> solverJob = manager.solveAndListen(runId, id -> {
            job.begin();
            job.step = "checking the pairs";
            long buildStart = System.nanoTime();
            MatchingSolution built = MatchingProblemBuilder.build(problem);
            LOG.info("Run {}: pairs of {} open requests and {} mentors checked in {} ms", runId,
                    problem.openRequests().size(), problem.mentors().size(), millisSince(buildStart));
            job.step = "solving";
            job.solveStart = System.nanoTime();
            return built;
        }, onBest, onFinal,
                (id, error) -> {
                    if (!job.end()) {
                        return;
                    }
                    try {
                        if (error instanceof CancelledBeforeStart) {
                            listener.onCancelledBeforeStart();
                        } else {
                            listener.onFailed(new RunFailure(job.step, error));
                        }
                    } finally {
                        finish(runId);
                    }
                });
        // OptaPlanner hands only Exceptions to the handler above: an Error (out of memory, say) ends its solver job
        // without calling back, so this thread waits for the job's end and reports such an end itself.
        Thread watcher = new Thread(() -> {
            try {
                solverJob.getFinalBestSolution();
            } catch (ExecutionException e) {
                if (job.end()) {
                    try {
                        listener.onFailed(new RunFailure(job.step, e.getCause() == null ? e : e.getCause()));
                    } finally {
                        finish(runId);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // cancelled before it started: the problem finder's CancelledBeforeStart has reported it
            }
        }, "matching-solver-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Why a run failed: the step it was in and the error, in plain words. */
    public static final class RunFailure extends RuntimeException {
        RunFailure(String step, Throwable cause) {
            super(describe(step, cause), cause, false, false);
        }

        private static String describe(String step, Throwable cause) {
            String message = cause.getMessage() == null || cause.getMessage().isBlank()
                    ? cause.getClass().getSimpleName() : cause.getMessage();
            if (cause instanceof OutOfMemoryError) {
                return "out of memory while " + step + " (" + message + "); the application needs a larger heap"
                        + " (-Xmx) for a community this size";
            }
            return "failed while " + step + ": " + message;
        }
    }

    /** Stops a run early; it still finishes with the best solution so far. False if it is not solving here. */
    public boolean cancel(UUID runId) {
        Job job = jobs.get(runId);
        if (job == null) {
            return false;
        }
        if (job.cancelBeforeStart()) {
            // OptaPlanner drops a job cancelled before its thread picks it up without calling back at all; so the
            // job is left to start, and its problem finder ends it at once (see Job#begin)
            return true;
        }
        job.manager.terminateEarly(runId);
        return true;
    }

    /** Whether a run is solving in this engine. */
    public boolean isSolving(UUID runId) {
        return jobs.containsKey(runId);
    }

    private void finish(UUID runId) {
        Job job = jobs.remove(runId);
        if (job != null) {
            // The manager's own thread is the caller; closing it from there is safe, it only stops the pool.
            Thread closer = new Thread(job.manager::close, "matching-solver-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    @Override
    public void close() {
        for (UUID runId : List.copyOf(jobs.keySet())) {
            cancel(runId);
        }
    }

    /** Solves synchronously on the calling thread: for tests, the benchmark and small problems. */
    public MatchingResult solve(MatchingProblem problem) {
        SolverFactory<MatchingSolution> factory = SolverFactory.create(solverConfig(problem));
        long start = System.nanoTime();
        MatchingSolution best = factory.buildSolver().solve(MatchingProblemBuilder.build(problem));
        return result(best, factory, Duration.ofNanos(System.nanoTime() - start), false,
                MatchingConstraintProvider.exactByFlow(problem.weights()), problem.pinned());
    }

    /** The first line of a pinned pair's explanation. */
    public static final Wording PINNED = Wording.same("Pinned by a coordinator: kept from an earlier run.");

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    static int countMatched(MatchingSolution solution) {
        return countMatched(solution, Set.of());
    }

    /** The open requests with a mentor, the coordinator's pinned ones among them. */
    static int countMatched(MatchingSolution solution, Set<String> pinned) {
        int matched = 0;
        for (RequestAssignment a : solution.getAssignments()) {
            if ((!a.isPinned() || pinned.contains(a.getExternalId())) && a.getMentor() != null) {
                matched++;
            }
        }
        return matched;
    }

    /**
     * Turns a solved solution into proposals with explanations and the unmatched with reasons.
     *
     * @param provenOptimal the solution is the flow's answer under separable constraints, or one as good; the result
     *     says so only when that answer is also certified over the pairs the candidate pruning left out
     */
    public static MatchingResult result(MatchingSolution solution, SolverFactory<MatchingSolution> factory,
            Duration solvingTime, boolean cancelled, boolean provenOptimal) {
        return result(solution, factory, solvingTime, cancelled, provenOptimal, Set.of());
    }

    /**
     * As {@link #result(MatchingSolution, SolverFactory, Duration, boolean, boolean)}, with the coordinator's pins:
     * each pinned request, fixed like a settled pair, is one of the proposals (marked pinned, explained as any other
     * and saying the coordinator pinned it) and counts among the requests placed and matched.
     *
     * @param pinned the externalIds of the pinned requests ({@link MatchingProblem#pinned})
     */
    public static MatchingResult result(MatchingSolution solution, SolverFactory<MatchingSolution> factory,
            Duration solvingTime, boolean cancelled, boolean provenOptimal, Set<String> pinned) {
        SolutionManager<MatchingSolution, HardMediumSoftLongScore> solutionManager = SolutionManager.create(factory);
        ScoreExplanation<MatchingSolution, HardMediumSoftLongScore> explanation = solutionManager.explain(solution);
        Map<String, List<Wording>> justifications = new HashMap<>();
        for (Object justification : explanation.getJustificationList()) {
            if (justification instanceof PairJustification pair && pair.mentorExternalId() != null) {
                justifications.computeIfAbsent(pair.requestExternalId(), k -> new ArrayList<>()).add(pair.text());
            }
        }
        Map<MentorFact, Integer> load = new HashMap<>();
        for (RequestAssignment a : solution.getAssignments()) {
            if (a.getMentor() != null) {
                load.merge(a.getMentor(), 1, Integer::sum);
            }
        }
        List<MatchingResult.Proposal> proposals = new ArrayList<>();
        List<MatchingResult.Unmatched> unmatched = new ArrayList<>();
        PairEvaluator evaluator = new PairEvaluator();
        CandidatePool pool = solution.getCandidatePool();
        UnmatchedDiagnosis.Counts[] counts = null;
        if (pool != null && pool.index.requestCount() == solution.getAssignments().size()
                && pool.index.mentorCount() == solution.getMentors().size()) {
            // the reasons of every unmatched request through the index, without checking each mentor one by one
            long[] full = new long[(solution.getMentors().size() + 63) >>> 6];
            for (MentorFact mentor : solution.getMentors()) {
                if (load.getOrDefault(mentor, 0) >= mentor.getCapacity()) {
                    full[mentor.getIndex() >>> 6] |= 1L << mentor.getIndex();
                }
            }
            List<RequestAssignment> all = solution.getAssignments();
            counts = pool.index.diagnose(i -> !all.get(i).isPinned() && all.get(i).getMentor() == null, full);
        }
        int requestCount = 0;
        int settled = 0;
        for (RequestAssignment a : solution.getAssignments()) {
            boolean pinnedByCoordinator = a.isPinned() && pinned.contains(a.getExternalId());
            if (a.isPinned() && !pinnedByCoordinator) {
                settled++;
                continue;
            }
            requestCount++;
            MentorFact mentor = a.getMentor();
            if (mentor == null) {
                List<String> reasons = counts != null && counts[a.getIndex()] != null
                        && !solution.getMentors().isEmpty()
                        ? UnmatchedDiagnosis.reasons(a.getRequest(), counts[a.getIndex()])
                        : UnmatchedDiagnosis.reasons(a.getRequest(), solution.getMentors(), load, evaluator);
                unmatched.add(new MatchingResult.Unmatched(a.getExternalId(), reasons));
                continue;
            }
            PairFit fit = a.getFit();
            Set<Wording> lines = new LinkedHashSet<>();
            if (pinnedByCoordinator) {
                lines.add(PINNED);
            }
            for (HardRule rule : fit.broken()) {
                lines.add(Explanations.broken(rule, a.getRequest(), mentor.getMentor(), fit)
                        .after("Breaks a hard rule: "));
            }
            boolean overCapacity = load.get(mentor) > mentor.getCapacity();
            if (overCapacity) {
                lines.add(Explanations.overCapacity());
            }
            lines.add(Explanations.domains(a.getRequest(), mentor.getMentor()));
            lines.add(Explanations.time(a.getRequest(), mentor.getMentor(), fit.overlapMinutes()));
            lines.add(Explanations.languages(a.getRequest(), mentor.getMentor()));
            lines.addAll(justifications.getOrDefault(a.getExternalId(), List.of()));
            proposals.add(new MatchingResult.Proposal(a.getExternalId(), mentor.getExternalId(),
                    Explanation.of(lines), fit.affinity(), fit.overlapMinutes(), fit.allowed() && !overCapacity,
                    pinnedByCoordinator));
        }
        HardMediumSoftLongScore score = solution.getScore();
        // nothing left out: the flow's answer is the answer over every allowed pair
        boolean certified = provenOptimal && (pool == null || !pool.anyPruned() || pool.certified());
        return new MatchingResult(score == null ? null : score.toString(),
                score != null && score.isFeasible(), requestCount, solution.getMentors().size(),
                proposals.size(), settled, proposals, unmatched, solvingTime, cancelled, certified, certified);
    }

    private static final class Job {
        final SolverManager<MatchingSolution, UUID> manager;
        final SolverFactory<MatchingSolution> factory;
        final long startNanos;
        final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();
        /** What the job is doing, for the reason of a failure. */
        volatile String step = "starting";
        volatile long solveStart = System.nanoTime();
        private boolean started;

        Job(SolverManager<MatchingSolution, UUID> manager, SolverFactory<MatchingSolution> factory, long startNanos) {
            this.manager = manager;
            this.factory = factory;
            this.startNanos = startNanos;
        }

        /**
         * Called by the solver's thread before it builds the problem: marks the job started, or, when a cancel came
         * first, ends it with {@link CancelledBeforeStart}, which reaches the listener through the error handler.
         */
        synchronized void begin() {
            if (cancelled.get()) {
                throw new CancelledBeforeStart();
            }
            started = true;
        }

        /** Marks the job ended; true only the first time, so that the listener hears of one end only. */
        boolean end() {
            return ended.compareAndSet(false, true);
        }

        /** Marks the job cancelled; true when its solver has not started, so that nothing needs stopping. */
        synchronized boolean cancelBeforeStart() {
            cancelled.set(true);
            return !started;
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }


    /** Ends a job whose cancel came before its solver started. */
    private static final class CancelledBeforeStart extends RuntimeException {
        CancelledBeforeStart() {
            super("cancelled before the solver started", null, false, false);
        }
    }
}
