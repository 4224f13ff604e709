package org.mentoring.matching.solver;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;

/**
 * The exact flow and its certificate alone, timed (not a test: run its main with the test class path). Builds the
 * community of {@code scripts/service-benchmark.sh} (seed 4) at the given size with the default weights, then per
 * repeat builds the problem afresh and times, the second solve from nothing and warm-started in turn, {@link Certification#solve} in wall and process CPU time.
 * Arguments: requests (10000), mentors (2000), seed (4), repeats (5).
 */
final class FlowTiming {

    private FlowTiming() {
    }

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int mentors = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 4;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requests, mentors);
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(300), 1L);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < repeats; i++) {
            MatchingSolution solution = MatchingProblemBuilder.build(problem);
            System.gc();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            boolean warm = i % 2 == 1;
            Certification.Solved solved = Certification.solve(solution, true, warm);
            long wall1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            System.out.printf(Locale.ROOT, "repeat %d (%s): solve+certify wall %d ms, CPU %d ms; matched %d, value %d;"
                    + " load %.2f%n", i, warm ? "warm" : "cold", (wall1 - wall0) / 1_000_000, (cpu1 - cpu0) / 1_000_000,
                    solved.matching().matchedCount(), solved.matching().objectiveValue(),
                    os.getSystemLoadAverage());
        }
    }
}
