package org.mentoring.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mentoring.matching.solver.MatchingSolution;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingProblemBuilder;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * One run of the matching engine as the app runs it (the engine's solver configuration, time limit and seed), timed
 * in its parts: building the problem, solving, and turning the answer into explained proposals.
 */
final class EngineRun {

    /**
     * @param firstFeasibleMillis from the start of solving to the first feasible initialized solution, or -1
     * @param targetMillis from the start of solving to the first solution with the most matches possible and at
     *     least the target affinity, or -1 (only for affinity-only runs, whose soft score is the affinity)
     */
    record Measured(int[] mentorOf, long buildMillis, long firstFeasibleMillis, long targetMillis, long solveMillis,
            long resultMillis, long peakHeapBytes, long liveHeapBytes, String score, int reportedMatched) {
    }

    private EngineRun() {
    }

    static Measured run(Instance instance, List<MentorshipRequest> requests, List<Mentor> mentors,
            MatchingWeights weights, int maxMatched, long targetAffinity) {
        MatchingProblem problem = MatchingProblem.of(requests, mentors, weights, instance.timeLimit(),
                instance.seed());
        MatchingEngine engine = new MatchingEngine();
        HeapMeter.reset();
        long start = System.nanoTime();
        MatchingSolution solution = MatchingProblemBuilder.build(problem);
        long built = System.nanoTime();
        SolverFactory<MatchingSolution> factory = SolverFactory.create(engine.solverConfig(problem));
        Solver<MatchingSolution> solver = factory.buildSolver();
        AtomicLong firstFeasible = new AtomicLong(-1);
        AtomicLong target = new AtomicLong(-1);
        boolean affinityOnly = weights.equals(MatchingWeights.affinityOnly());
        long unmatchedAllowed = requests.size() - maxMatched;
        solver.addEventListener(event -> {
            HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
            if (!score.isSolutionInitialized() || !score.isFeasible()) {
                return;
            }
            firstFeasible.compareAndSet(-1, event.getTimeMillisSpent());
            if (affinityOnly && -score.mediumScore() <= unmatchedAllowed && score.softScore() >= targetAffinity) {
                target.compareAndSet(-1, event.getTimeMillisSpent());
            }
        });
        long solveStart = System.nanoTime();
        MatchingSolution best = solver.solve(solution);
        long solved = System.nanoTime();
        long live = HeapMeter.liveBytes();
        long resultStart = System.nanoTime();
        MatchingResult result = MatchingEngine.result(best, factory, Duration.ofNanos(solved - solveStart), false,
                engine.stopsAtProof(problem));
        long resulted = System.nanoTime();
        long peak = HeapMeter.peakBytes();

        Map<String, Integer> mentorIndex = new HashMap<>();
        for (int m = 0; m < mentors.size(); m++) {
            mentorIndex.put(mentors.get(m).externalId(), m);
        }
        Map<String, Integer> requestIndex = new HashMap<>();
        for (int r = 0; r < requests.size(); r++) {
            requestIndex.put(requests.get(r).externalId(), r);
        }
        int[] mentorOf = new int[requests.size()];
        java.util.Arrays.fill(mentorOf, -1);
        for (RequestAssignment a : best.getAssignments()) {
            if (a.getMentor() != null) {
                mentorOf[requestIndex.get(a.getExternalId())] = mentorIndex.get(a.getMentor().getExternalId());
            }
        }
        return new Measured(mentorOf, millis(built - start), firstFeasible.get(), target.get(),
                millis(solved - solveStart), millis(resulted - resultStart), peak, live, result.score(),
                result.matchedCount());
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
