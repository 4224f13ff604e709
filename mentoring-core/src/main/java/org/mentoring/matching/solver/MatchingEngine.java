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
import java.util.function.Function;
import java.util.stream.IntStream;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
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
                long resultCpu = processCpuNanos();
                boolean cancelled = job.cancelled.get();
                // the time limit can end a run before its first phase (a 1 s limit on a loaded machine): its empty
                // answer is no optimum
                boolean flowRan = best.getCandidatePool() == null || best.getCandidatePool().hasFlowSolved();
                MatchingResult result = result(best, job.elapsed(), cancelled, exact && !cancelled && flowRan,
                        problem.pinned());
                LOG.info("Run {}: solved in {} ms (process CPU {} ms){}, result explained in {} ms (process CPU {} ms)",
                        runId, TimeUnit.NANOSECONDS.toMillis(resultStart - job.solveStart),
                        TimeUnit.NANOSECONDS.toMillis(resultCpu - job.solveCpu),
                        result.provenOptimal() ? " (proven optimal)" : "", millisSince(resultStart),
                        TimeUnit.NANOSECONDS.toMillis(processCpuNanos() - resultCpu));
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
            long buildCpu = processCpuNanos();
            MatchingSolution built = MatchingProblemBuilder.build(problem);
            LOG.info("Run {}: pairs of {} open requests and {} mentors checked in {} ms (process CPU {} ms)", runId,
                    problem.openRequests().size(), problem.mentors().size(), millisSince(buildStart),
                    TimeUnit.NANOSECONDS.toMillis(processCpuNanos() - buildCpu));
            job.step = "solving";
            job.solveStart = System.nanoTime();
            job.solveCpu = processCpuNanos();
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
        return result(best, Duration.ofNanos(System.nanoTime() - start), false,
                MatchingConstraintProvider.exactByFlow(problem.weights()), problem.pinned());
    }

    /** The first line of a pinned pair's explanation. */
    public static final Wording PINNED = Wording.same("Pinned by a coordinator: kept from an earlier run.");

    /**
     * The CPU time of the whole process so far (every thread, the collector's included), for the log: on a shared
     * machine it says more about a step than its wall time; 0 where the platform does not tell.
     */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

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
     * @param factory not needed any more (the explanations come from each pair's parts); kept for callers
     * @param provenOptimal the solution is the flow's answer under separable constraints, or one as good; the result
     *     says so only when that answer is also certified over the pairs the candidate pruning left out
     */
    public static MatchingResult result(MatchingSolution solution, SolverFactory<MatchingSolution> factory,
            Duration solvingTime, boolean cancelled, boolean provenOptimal) {
        return result(solution, solvingTime, cancelled, provenOptimal);
    }

    /**
     * Turns a solved solution into proposals with explanations and the unmatched with reasons. Each proposal's
     * lines come straight from its pair's parts (its {@link PairFit}, computed when the problem was built): the
     * broken rules if any, the domains, the time together, the languages, then one line per preference the pair
     * earns points for under the run's weights ({@link #preferenceLines}): the lines the constraints' justifications
     * gave when OptaPlanner explained the score of every assignment, in the same order, without that explanation.
     *
     * @param provenOptimal the solution is the flow's answer under separable constraints, or one as good; the result
     *     says so only when that answer is also certified over the pairs the candidate pruning left out
     */
    public static MatchingResult result(MatchingSolution solution, Duration solvingTime, boolean cancelled,
            boolean provenOptimal) {
        return result(solution, solvingTime, cancelled, provenOptimal, Set.of());
    }

    /**
     * As {@link #result(MatchingSolution, Duration, boolean, boolean)}, with the coordinator's pins: each pinned
     * request, fixed like a settled pair, is one of the proposals (marked pinned, explained as any other and saying
     * the coordinator pinned it) and counts among the requests placed and matched.
     *
     * @param pinned the externalIds of the pinned requests ({@link MatchingProblem#pinned})
     */
    public static MatchingResult result(MatchingSolution solution, Duration solvingTime, boolean cancelled,
            boolean provenOptimal, Set<String> pinned) {
        MatchingWeights weights = solution.getConfiguration() == null ? MatchingWeights.defaults()
                : solution.getConfiguration().weights();
        Naming names = Explanations.rememberedNaming();
        List<PairPreference> order = explanationOrder(solution.getAssignments(), weights);
        return result(solution, solvingTime, cancelled, provenOptimal, names,
                a -> preferenceLines(a, weights, names, order), pinned);
    }

    /**
     * The lines of the preferences a matched pair earns points for under these weights (a preference whose weight
     * is 0 counts for nothing and says nothing), each as its constraint justifies it, in {@code order}; but for the
     * domains' and the time's, which every proposal has before them anyway.
     */
    static List<Wording> preferenceLines(RequestAssignment matched, MatchingWeights weights, Naming names,
            List<PairPreference> order) {
        List<Wording> lines = new ArrayList<>(order.size());
        for (PairPreference preference : order) {
            if (preference == PairPreference.DOMAIN_AFFINITY || preference == PairPreference.EXTRA_OVERLAP) {
                continue;
            }
            if (preference.weight(weights) != 0 && preference.points(matched) > 0) {
                lines.add(preference.justify(matched, names));
            }
        }
        return lines;
    }

    /**
     * The order of the preference lines in every explanation of a run, as OptaPlanner's score explanation listed its
     * constraints' justifications when the explanations were made from it: a constraint comes when it first
     * rewards an assignment, in the order of the assignments (settled ones first), and the preferences one
     * assignment earns in the order they are declared. Only the preferences some pair earns are listed.
     */
    static List<PairPreference> explanationOrder(List<RequestAssignment> assignments, MatchingWeights weights) {
        Set<PairPreference> order = new LinkedHashSet<>();
        int active = 0;
        for (PairPreference preference : PairPreference.values()) {
            active += preference.weight(weights) != 0 ? 1 : 0;
        }
        for (RequestAssignment a : assignments) {
            if (order.size() == active) {
                break;
            }
            if (a.getMentor() == null) {
                continue;
            }
            for (PairPreference preference : PairPreference.values()) {
                if (preference.weight(weights) != 0 && preference.points(a) > 0) {
                    order.add(preference);
                }
            }
        }
        return List.copyOf(order);
    }

    /**
     * The result, with the preference lines of each matched assignment from {@code preferenceLines} (tests compare
     * {@link #preferenceLines} with OptaPlanner's score explanation through it).
     */
    static MatchingResult result(MatchingSolution solution, Duration solvingTime, boolean cancelled,
            boolean provenOptimal, Naming names, Function<RequestAssignment, List<Wording>> preferenceLines) {
        return result(solution, solvingTime, cancelled, provenOptimal, names, preferenceLines, Set.of());
    }

    private static MatchingResult result(MatchingSolution solution, Duration solvingTime, boolean cancelled,
            boolean provenOptimal, Naming names, Function<RequestAssignment, List<Wording>> preferenceLines,
            Set<String> pinned) {
        List<MentorFact> mentors = solution.getMentors();
        List<RequestAssignment> all = solution.getAssignments();
        int[] load = new int[mentors.size()];
        for (RequestAssignment a : all) {
            if (a.getMentor() != null) {
                load[a.getMentor().getIndex()]++;
            }
        }
        CandidatePool pool = solution.getCandidatePool();
        UnmatchedDiagnosis.Counts[] counts = null;
        if (pool != null && pool.index.requestCount() == all.size()
                && pool.index.mentorCount() == mentors.size()) {
            // the reasons of every unmatched request through the index, without checking each mentor one by one
            long[] full = new long[(mentors.size() + 63) >>> 6];
            for (MentorFact mentor : mentors) {
                if (load[mentor.getIndex()] >= mentor.getCapacity()) {
                    full[mentor.getIndex() >>> 6] |= 1L << mentor.getIndex();
                }
            }
            counts = pool.index.diagnose(i -> !all.get(i).isPinned() && all.get(i).getMentor() == null, full);
        }
        UnmatchedDiagnosis.Counts[] indexCounts = counts;
        Map<MentorFact, Integer> loadByMentor = null;
        if (indexCounts == null) {
            loadByMentor = new HashMap<>();
            for (MentorFact mentor : mentors) {
                loadByMentor.put(mentor, load[mentor.getIndex()]);
            }
        }
        Map<MentorFact, Integer> fallbackLoad = loadByMentor;
        ThreadLocal<PairEvaluator> evaluators = ThreadLocal.withInitial(PairEvaluator::new);
        // each request's proposal or reasons on its own, in parallel, then in the order of the assignments
        Object[] outcomes = new Object[all.size()];
        IntStream indexes = IntStream.range(0, all.size());
        (all.size() > 256 ? indexes.parallel() : indexes).forEach(i -> {
            RequestAssignment a = all.get(i);
            boolean pinnedByCoordinator = a.isPinned() && pinned.contains(a.getExternalId());
            if (a.isPinned() && !pinnedByCoordinator) {
                return;
            }
            MentorFact mentor = a.getMentor();
            if (mentor == null) {
                List<String> reasons = indexCounts != null && indexCounts[i] != null && !mentors.isEmpty()
                        ? UnmatchedDiagnosis.reasons(a.getRequest(), indexCounts[i], names)
                        : UnmatchedDiagnosis.reasons(a.getRequest(), mentors, fallbackLoad, evaluators.get(), names);
                outcomes[i] = new MatchingResult.Unmatched(a.getExternalId(), reasons);
                return;
            }
            PairFit fit = a.getFit();
            // the lines in order, each once (a list: a handful of lines, compared rather than hashed)
            Lines lines = new Lines();
            if (pinnedByCoordinator) {
                lines.add(PINNED);
            }
            for (HardRule rule : fit.broken()) {
                lines.add(Explanations.broken(rule, a.getRequest(), mentor.getMentor(), fit)
                        .after("Breaks a hard rule: "));
            }
            boolean overCapacity = load[mentor.getIndex()] > mentor.getCapacity();
            if (overCapacity) {
                lines.add(Explanations.overCapacity());
            }
            lines.add(Explanations.domains(a.getRequest(), mentor.getMentor(), names));
            lines.add(Explanations.time(a.getRequest(), mentor.getMentor(), fit.overlapMinutes()));
            lines.add(Explanations.languages(a.getRequest(), mentor.getMentor()));
            lines.addAll(preferenceLines.apply(a));
            outcomes[i] = new MatchingResult.Proposal(a.getExternalId(), mentor.getExternalId(),
                    Explanation.of(lines), fit.affinity(), fit.overlapMinutes(), fit.allowed() && !overCapacity,
                    pinnedByCoordinator);
        });
        List<MatchingResult.Proposal> proposals = new ArrayList<>();
        List<MatchingResult.Unmatched> unmatched = new ArrayList<>();
        int requestCount = 0;
        int settled = 0;
        for (int i = 0; i < outcomes.length; i++) {
            if (all.get(i).isPinned() && !pinned.contains(all.get(i).getExternalId())) {
                settled++;
                continue;
            }
            requestCount++;
            if (outcomes[i] instanceof MatchingResult.Proposal proposal) {
                proposals.add(proposal);
            } else {
                unmatched.add((MatchingResult.Unmatched) outcomes[i]);
            }
        }
        HardMediumSoftLongScore score = solution.getScore();
        // nothing left out: the flow's answer is the answer over every allowed pair
        boolean certified = provenOptimal && (pool == null || !pool.anyPruned() || pool.certified());
        return new MatchingResult(score == null ? null : score.toString(),
                score != null && score.isFeasible(), requestCount, mentors.size(),
                proposals.size(), settled, proposals, unmatched, solvingTime, cancelled, certified, certified);
    }

    /** A proposal's lines in order, without repeats: as a {@code LinkedHashSet} of them, for a handful of lines. */
    private static final class Lines extends java.util.AbstractCollection<Wording> {
        private final List<Wording> lines = new ArrayList<>(8);

        @Override
        public boolean add(Wording line) {
            if (lines.contains(line)) {
                return false;
            }
            return lines.add(line);
        }

        @Override
        public java.util.Iterator<Wording> iterator() {
            return lines.iterator();
        }

        @Override
        public int size() {
            return lines.size();
        }
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
        volatile long solveCpu;
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
