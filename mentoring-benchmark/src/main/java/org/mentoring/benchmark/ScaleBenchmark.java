package org.mentoring.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.demo.CommunityGenerator.Community;
import org.mentoring.matching.solver.MatchingSolution;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.matching.solver.CandidatePool;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingProblemBuilder;
import org.mentoring.matching.solver.MatchingResult;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * The engine alone at scale, as a run does it: build (the pair index, the best K candidates per request, their fits),
 * solve (the min-cost flow and its optimality certificate over the left-out pairs, inside OptaPlanner's construction
 * phase; the run stops at proof), and result (explanations and unmatched reasons). Sizes 2,000 x 400, 10,000 x 2,000
 * and 50,000 x 10,000 from the community generator (capacity 1-4, scarce places), default weights and affinity only;
 * for sizes up to 10,000 x 2,000 the affinity-only answer is compared with OR-Tools' exact optimum over every pair
 * (at 50,000 x 10,000 OR-Tools would need every one of the 500 M pairs checked and ~90 M arcs: not in 2 GiB).
 *
 * <p>Arguments: sizes as {@code requestsxmentors} separated by commas (default {@code 2000x400,10000x2000,50000x10000}),
 * then K (default {@link MatchingProblem#DEFAULT_CANDIDATES_PER_REQUEST}), then the first size's seed (default 20; each
 * further size takes the next; 4 is the community of {@code scripts/service-benchmark.sh}). Run it with {@code -Xmx2g}.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String sizes = args.length > 0 ? args[0] : "2000x400,10000x2000,50000x10000";
        int k = args.length > 1 ? Integer.parseInt(args[1]) : MatchingProblem.DEFAULT_CANDIDATES_PER_REQUEST;
        List<String> rows = new ArrayList<>();
        String header = "| size | weights | K | build s | solve s (of which certify) | result s | total s | CPU s (build / solve / result) | matched / places |"
                + " allowed pairs valued (+ candidates not valued) | kept + added | solves | certified | OR-Tools optimum (affinity) | OR-Tools s |"
                + " heap peak / live MiB |\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|";
        System.out.println(MatchingBenchmark.machine());
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20;
        for (String size : sizes.split(",")) {
            String[] parts = size.trim().split("x");
            int requests = Integer.parseInt(parts[0]);
            int mentors = Integer.parseInt(parts[1]);
            Community community = new CommunityGenerator(seed++).generate(requests, mentors);
            int places = community.mentors().stream().mapToInt(m -> m.capacity()).sum();
            String exact = "-";
            String exactSeconds = "-";
            long optimumAffinity = -1;
            if ((long) requests * mentors <= 20_000_000L) {
                long start = System.nanoTime();
                Candidates candidates = Candidates.of(community.requests(), community.mentors());
                int[] optimum = ExactMatching.solve(candidates);
                long millis = (System.nanoTime() - start) / 1_000_000;
                Outcome outcome = Outcome.of(optimum, community.requests(), community.mentors());
                optimumAffinity = outcome.affinity();
                exact = String.format(Locale.ROOT, "%,d matched, affinity %,d", outcome.matched(), outcome.affinity());
                exactSeconds = String.format(Locale.ROOT, "%.1f (pairs checked and solved)", millis / 1000.0);
                candidates = null;
                optimum = null;
            }
            for (boolean affinityOnly : optimumAffinity < 0 ? new boolean[] {false} : new boolean[] {false, true}) {
                MatchingWeights weights = affinityOnly ? MatchingWeights.affinityOnly() : MatchingWeights.defaults();
                System.out.printf(Locale.ROOT, "%n## %,d x %,d, %s, K %d   [load %s]%n", requests, mentors,
                        affinityOnly ? "affinity only" : "default weights", k, MatchingBenchmark.loadAverage());
                String row = run(community, requests, mentors, places, weights, affinityOnly, k, optimumAffinity,
                        affinityOnly ? exact : "-", affinityOnly ? exactSeconds : "-");
                System.out.println(header);
                System.out.println(row);
                rows.add(row);
            }
            community = null;
        }
        String table = header + "\n" + String.join("\n", rows) + "\n";
        System.out.println();
        System.out.println(MatchingBenchmark.machine());
        System.out.println(table);
        Path out = Path.of("target", "scale-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, MatchingBenchmark.machine() + "\n\n" + table);
    }

    private static String run(Community community, int requests, int mentors, int places, MatchingWeights weights,
            boolean affinityOnly, int k, long optimumAffinity, String exact, String exactSeconds) {
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(), weights,
                Duration.ofSeconds(300), 1L).withCandidatesPerRequest(k);
        MatchingEngine engine = new MatchingEngine();
        HeapMeter.reset();
        long cpu0 = cpu();
        long start = System.nanoTime();
        MatchingSolution solution = MatchingProblemBuilder.build(problem);
        long built = System.nanoTime();
        long cpu1 = cpu();
        SolverFactory<MatchingSolution> factory = SolverFactory.create(engine.solverConfig(problem));
        MatchingSolution best = factory.buildSolver().solve(solution);
        long solved = System.nanoTime();
        long cpu2 = cpu();
        MatchingResult result = MatchingEngine.result(best, factory, Duration.ofNanos(solved - built), false,
                engine.stopsAtProof(problem));
        long resulted = System.nanoTime();
        long cpu3 = cpu();
        long peak = HeapMeter.peakBytes();
        long live = HeapMeter.liveBytes();
        CandidatePool pool = best.getCandidatePool();
        String affinity = "";
        if (affinityOnly) {
            Map<String, Integer> mentorIndex = new HashMap<>();
            for (int m = 0; m < community.mentors().size(); m++) {
                mentorIndex.put(community.mentors().get(m).externalId(), m);
            }
            int[] mentorOf = new int[best.getAssignments().size()];
            Arrays.fill(mentorOf, -1);
            for (RequestAssignment a : best.getAssignments()) {
                if (a.getMentor() != null) {
                    mentorOf[a.getIndex()] = mentorIndex.get(a.getMentor().getExternalId());
                }
            }
            Outcome outcome = Outcome.of(mentorOf, community.requests(), community.mentors());
            affinity = String.format(Locale.ROOT, "; engine affinity %,d%s", outcome.affinity(),
                    optimumAffinity < 0 ? "" : outcome.affinity() == optimumAffinity ? " = optimum" : " != OPTIMUM");
        }
        return String.format(Locale.ROOT, "| %,d x %,d | %s | %d | %.1f | %.1f (%.1f) | %.1f | %.1f | %.1f / %.1f / %.1f | %,d / %,d | %,d (+ %,d unvalued) |"
                + " %,d + %,d | %d | %s | %s%s | %s | %,d / %,d |",
                requests, mentors, affinityOnly ? "affinity only" : "default", k, seconds(built - start),
                seconds(solved - built), pool.certifyMillis() / 1000.0, seconds(resulted - solved),
                seconds(resulted - start), seconds(cpu1 - cpu0), seconds(cpu2 - cpu1), seconds(cpu3 - cpu2),
                result.matchedCount(), places, pool.allowedPairs(), pool.unvaluedPairs(), pool.keptPairs(),
                pool.addedPairs(), pool.rounds(), result.certified() && result.provenOptimal() ? "yes" : "NO",
                exact, affinity, exactSeconds, peak >> 20, live >> 20);
    }

    /** CPU time of the whole process (every thread, the collector's included), in ns. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
