package org.mentoring.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingProblemBuilder;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.matching.solver.MatchingSolution;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Times the engine's two steps around the solver on a generated community, as the app runs them: checking the pairs
 * (the problem build) and explaining the result, each in wall and process CPU time, with a digest of what each gives
 * (to compare two versions of the code). Arguments: requests, mentors, seed, repeats.
 */
final class PairsTiming {

    private PairsTiming() {
    }

    public static void main(String[] args) {
        int requests = Integer.parseInt(args[0]);
        int mentors = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int repeats = Integer.parseInt(args[3]);
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requests, mentors);
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(300), seed);
        MatchingEngine engine = new MatchingEngine();
        for (int rep = 0; rep < repeats; rep++) {
            long wall = System.nanoTime();
            long cpu = cpu();
            MatchingSolution built = MatchingProblemBuilder.build(problem);
            long buildWall = System.nanoTime() - wall;
            long buildCpu = cpu() - cpu;
            long digestBuild = 17;
            for (RequestAssignment a : built.getAssignments()) {
                for (MentorFact m : a.getFeasibleMentors()) {
                    digestBuild = digestBuild * 31 + m.getIndex();
                }
                digestBuild = digestBuild * 31 + java.util.Arrays.hashCode(a.getFitMentorIndexes());
                for (var fit : a.getFits()) {
                    digestBuild = digestBuild * 31 + fit.hashCode();
                }
            }
            SolverFactory<MatchingSolution> factory = SolverFactory.create(engine.solverConfig(problem));
            MatchingSolution best = factory.buildSolver().solve(built);
            for (int extra = Integer.getInteger("resultRepeats", 0); extra > 0; extra--) {
                MatchingEngine.result(best, Duration.ofSeconds(1), false, true, java.util.Set.of());
            }
            wall = System.nanoTime();
            cpu = cpu();
            MatchingResult result = MatchingEngine.result(best, Duration.ofSeconds(1), false, true,
                    java.util.Set.of());
            long resultWall = System.nanoTime() - wall;
            long resultCpu = cpu() - cpu;
            long digestResult = 17;
            for (MatchingResult.Proposal p : result.proposals()) {
                digestResult = digestResult * 31 + p.hashCode();
            }
            for (MatchingResult.Unmatched u : result.unmatched()) {
                digestResult = digestResult * 31 + u.hashCode();
            }
            System.out.printf("build %d ms (CPU %d ms) digest %x; result %d ms (CPU %d ms) digest %x; %d proposals,"
                    + " %d unmatched%n", buildWall / 1_000_000, buildCpu / 1_000_000, digestBuild,
                    resultWall / 1_000_000, resultCpu / 1_000_000, digestResult, result.proposals().size(),
                    result.unmatched().size());
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
