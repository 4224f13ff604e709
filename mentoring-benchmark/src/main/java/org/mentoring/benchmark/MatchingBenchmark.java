package org.mentoring.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mentoring.demo.CommunityGenerator.Community;
import org.mentoring.matching.domain.MatchingWeights;

/**
 * Runs the matching benchmark and prints one Markdown table row per instance and method: the exact optimum, a
 * greedy baseline, and the engine with affinity-only and with default weights. Every number of quality is checked
 * from scratch by {@link Outcome}. Run by {@code ./mvnw -B -Pbenchmark -pl mentoring-benchmark -am verify}; see
 * docs/benchmarks.md.
 *
 * <p>Argument: instance names separated by commas (see {@link Instance#ALL}), or {@code all}.
 */
public final class MatchingBenchmark {

    private static final String HEADER = "| instance | method | build s | 1st feasible s | to target s | solve s "
            + "| result s | matched / max | affinity / optimum | worst aff | load/cap min / mean / max (sd) "
            + "| hard broken | heap peak / live MiB |";
    private static final String RULE = "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";

    private MatchingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Instance> instances = select(args.length == 0 ? "all" : args[0]);
        System.out.println(machine());
        List<String> rows = new ArrayList<>();
        for (Instance instance : instances) {
            rows.addAll(run(instance));
        }
        String table = HEADER + "\n" + RULE + "\n" + String.join("\n", rows) + "\n";
        System.out.println();
        System.out.println(machine());
        System.out.println(table);
        Path out = Path.of("target", "benchmark-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, machine() + "\n\n" + table);
    }

    private static List<Instance> select(String names) {
        if (names.isBlank() || names.equals("all")) {
            return Instance.ALL;
        }
        List<Instance> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            chosen.add(Instance.ALL.stream().filter(i -> i.name().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no instance " + name + "; known: "
                            + Instance.ALL.stream().map(Instance::name).toList())));
        }
        return chosen;
    }

    private static List<String> run(Instance instance) {
        System.out.println();
        System.out.println("## " + instance.describe() + "   [load " + loadAverage() + "]");
        Community community = instance.generate();
        long start = System.nanoTime();
        Candidates candidates = Candidates.of(community.requests(), community.mentors());
        long pairs = candidates.pairCount();
        int places = Arrays.stream(candidates.capacities()).sum();
        System.out.printf(Locale.ROOT, "allowed pairs %,d (%.1f%% of all, %.0f mentors per request), %,d places for"
                + " %,d requests; pairs checked in %.1f s%n", pairs,
                100.0 * pairs / ((long) instance.requests() * instance.mentors()),
                (double) pairs / instance.requests(), places, instance.requests(), seconds(System.nanoTime() - start));

        start = System.nanoTime();
        int[] exact = ExactMatching.solve(candidates);
        long exactMillis = (System.nanoTime() - start) / 1_000_000;
        Outcome optimum = Outcome.of(exact, community.requests(), community.mentors());
        long targetAffinity = (long) Math.ceil(instance.affinityTarget() * optimum.affinity());

        List<String> rows = new ArrayList<>();
        rows.add(row(instance, "exact (OR-Tools min-cost flow)", optimum, optimum, -1, -1, -1, exactMillis, -1, -1,
                -1));
        start = System.nanoTime();
        int[] greedy = GreedyMatching.solve(candidates);
        rows.add(row(instance, "greedy, input order", Outcome.of(greedy, community.requests(), community.mentors()),
                optimum, -1, -1, -1, (System.nanoTime() - start) / 1_000_000, -1, -1, -1));
        print(rows);

        // Let the collector take the pair graph before the engine's heap is measured.
        candidates = null;
        exact = null;
        greedy = null;
        for (boolean affinityOnly : new boolean[] {true, false}) {
            MatchingWeights weights = affinityOnly ? MatchingWeights.affinityOnly() : MatchingWeights.defaults();
            EngineRun.Measured measured = EngineRun.run(instance, community.requests(), community.mentors(), weights,
                    optimum.matched(), targetAffinity);
            Outcome outcome = Outcome.of(measured.mentorOf(), community.requests(), community.mentors());
            if (outcome.matched() != measured.reportedMatched()) {
                throw new IllegalStateException("the engine reports " + measured.reportedMatched()
                        + " matched, the solution has " + outcome.matched());
            }
            String row = row(instance, affinityOnly ? "engine, affinity only" : "engine, default weights", outcome,
                    optimum, measured.buildMillis(), measured.firstFeasibleMillis(), measured.targetMillis(),
                    measured.solveMillis(), measured.resultMillis(), measured.peakHeapBytes(),
                    measured.liveHeapBytes());
            rows.add(row);
            System.out.println(row + "   score " + measured.score() + ", load " + loadAverage());
        }
        return rows;
    }

    private static void print(List<String> rows) {
        rows.forEach(System.out::println);
    }

    private static String row(Instance instance, String method, Outcome outcome, Outcome optimum, long buildMillis,
            long firstFeasibleMillis, long targetMillis, long solveMillis, long resultMillis, long peakBytes,
            long liveBytes) {
        return String.format(Locale.ROOT,
                "| %s %,d x %,d | %s | %s | %s | %s | %s | %s | %,d / %,d (%.2f%%) | %,d / %,d (%.2f%%) | %d "
                        + "| %.2f / %.2f / %.2f (%.2f) | %d | %s |",
                instance.name(), instance.requests(), instance.mentors(), method, secondsOrDash(buildMillis),
                secondsOrDash(firstFeasibleMillis), secondsOrDash(targetMillis), secondsOrDash(solveMillis),
                secondsOrDash(resultMillis), outcome.matched(), optimum.matched(),
                percent(outcome.matched(), optimum.matched()), outcome.affinity(), optimum.affinity(),
                percent(outcome.affinity(), optimum.affinity()), outcome.worstAffinity(), outcome.minLoad(),
                outcome.meanLoad(), outcome.maxLoad(), outcome.loadStdDev(), outcome.brokenHardRules(),
                peakBytes < 0 ? "-" : mib(peakBytes) + " / " + mib(liveBytes));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 100 : 100.0 * part / whole;
    }

    private static String secondsOrDash(long millis) {
        return millis < 0 ? "-" : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    static String machine() {
        return String.format(Locale.ROOT, "%s; %d cores; max heap %d MiB; %s %s; load %s", LocalDateTime.now()
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT)).substring(0, 16),
                Runtime.getRuntime().availableProcessors(), mib(HeapMeter.maxBytes()),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }
}
