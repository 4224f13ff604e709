package org.mentoring.matching.solver;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;

/**
 * The exact flow and its certificate alone, timed: a benchmark, in the benchmark module but in the package it times
 * (for the package-private {@link Certification}); run its main with that module's class path. Builds the community of
 * {@code scripts/service-benchmark.sh} (seed 4) at the given size with the default weights, then per repeat builds the
 * problem afresh and times, the second solve from nothing and warm-started in turn (only warm-started with {@code
 * -Dflow.warm}, only from nothing with {@code -Dflow.cold}), {@link Certification#solve} in wall and process CPU time.
 * Arguments: requests (10000), mentors (2000), seed (4), repeats (5). With {@code -Dflow.only}, times the first solve
 * alone instead, on one built problem, in the thread's CPU time.
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
        if (System.getProperty("flow.only") != null) {
            // the first solve alone, on one built problem, in this thread's CPU time
            MatchingModel model = MatchingModel.of(MatchingProblemBuilder.build(problem));
            java.lang.management.ThreadMXBean thread = ManagementFactory.getThreadMXBean();
            long[] cpu = new long[repeats];
            for (int i = 0; i < repeats; i++) {
                long t0 = thread.getCurrentThreadCpuTime();
                MinCostMatching matching = new MinCostMatching(model);
                matching.solve();
                cpu[i] = (thread.getCurrentThreadCpuTime() - t0) / 1_000_000;
                System.out.printf(Locale.ROOT, "repeat %d: flow CPU %d ms, value %d, load %.2f%n", i, cpu[i],
                        matching.objectiveValue(), os.getSystemLoadAverage());
            }
            java.util.Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "repeat summary: flow CPU min %d ms, median %d ms%n", cpu[0],
                    cpu[repeats / 2]);
            return;
        }
        for (int i = 0; i < repeats; i++) {
            MatchingSolution solution = MatchingProblemBuilder.build(problem);
            System.gc();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            boolean warm = System.getProperty("flow.cold") == null
                    && (System.getProperty("flow.warm") != null || i % 2 == 1);
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
