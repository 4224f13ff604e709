package org.mentoring.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.circles.CircleBound;
import org.mentoring.matching.circles.CircleChecker;
import org.mentoring.matching.circles.CircleEngine;
import org.mentoring.matching.circles.CircleInputs;
import org.mentoring.matching.circles.CircleModel;
import org.mentoring.matching.circles.CircleProblem;
import org.mentoring.matching.circles.CircleResult;
import org.mentoring.matching.circles.CircleSettings;
import org.mentoring.matching.circles.CircleWeights;
import org.mentoring.people.RequestFormat;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * The circles benchmark: a generated community where 30 % of requests are open to circles (15 % CIRCLE, 15 %
 * EITHER) and a quarter of the mentors lead one circle, everyone starting on the circles' start date. It compares
 * the greedy baseline (exact pairs, then circles packed by common windows: the engine's construction), the engine
 * (construction plus local search), the upper bound of {@link CircleBound} and the tighter LP bound of
 * {@link CircleLpBound} (placed count, then soft score among answers placing as many), every answer checked from scratch by
 * {@link CircleChecker}. Weights: affinity only (the bound's condition). Run by
 * {@code ./mvnw -B -Pbenchmark -pl mentoring-benchmark -am verify -Dbenchmark.main=org.mentoring.benchmark.CircleBenchmark
 * -Dbenchmark.instances=2000x400}.
 *
 * <p>Argument: {@code REQUESTSxMENTORS[:SECONDS[:nolp]]}, for example {@code 2000x400:30}; {@code nolp} leaves the
 * LP bound out.
 */
public final class CircleBenchmark {

    static final LocalDate START = LocalDate.of(2026, 3, 2);

    private CircleBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String spec = args.length == 0 || args[0].isBlank() || args[0].equals("all") ? "2000x400:30" : args[0];
        String[] sizeAndTime = spec.split(":");
        String[] size = sizeAndTime[0].split("x");
        int requests = Integer.parseInt(size[0]);
        int mentors = Integer.parseInt(size[1]);
        Duration limit = Duration.ofSeconds(sizeAndTime.length > 1 ? Long.parseLong(sizeAndTime[1]) : 30);
        CircleProblem problem = generate(requests, mentors, 7, limit);
        System.out.println(MatchingBenchmark.machine());

        long t0 = System.nanoTime();
        CircleModel constructed = new CircleEngine().construct(problem);
        double greedySeconds = (System.nanoTime() - t0) / 1e9;
        CircleResult greedy = new CircleEngine().result(constructed);
        long t1 = System.nanoTime();
        CircleResult engine = new CircleEngine().solve(problem);
        double engineSeconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        CircleBound.Bound bound = CircleBound.compute(problem);
        double boundSeconds = (System.nanoTime() - t2) / 1e9;

        CircleChecker.Report g = CircleChecker.check(problem, greedy);
        CircleChecker.Report e = CircleChecker.check(problem, engine);
        // REQUESTSxMENTORS:SECONDS:nolp leaves the LP bound out (minutes of CPU), for quick side-by-side runs.
        boolean withLp = !(sizeAndTime.length > 2 && sizeAndTime[2].equals("nolp"));
        CircleLpBound.Result lp = withLp ? CircleLpBound.compute(problem, List.of(g.placed(), e.placed())) : null;
        StringBuilder out = new StringBuilder();
        out.append(String.format("%,d requests x %,d mentors, %d open to circles (%d CIRCLE, %d EITHER), %d circle"
                + " slots, settings %s, time limit %ds%n%n", requests, mentors,
                problem.requests().stream().filter(r -> r.format().acceptsCircle()).count(),
                problem.requests().stream().filter(r -> r.format() == RequestFormat.CIRCLE).count(),
                problem.requests().stream().filter(r -> r.format() == RequestFormat.EITHER).count(),
                problem.mentors().stream().mapToInt(m -> m.circles()).sum(), problem.settings(), limit.toSeconds()));
        out.append("| method | s | hard broken | placed | pairs | circles (seats) | pair value | circle bonus "
                + "| soft | pair value gap to flow bound | placed gap to LP bound | soft gap to LP bound (answers "
                + "placing as many or more) |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        out.append(row("greedy (exact pairs, then circles by common windows)", greedySeconds, greedy, g, bound, lp));
        out.append(row("engine (construction + local search)", engineSeconds, engine, e, bound, lp));
        out.append(String.format("| upper bound (flow, circle seats as places) | %.1f | - | %d | - | - | %d | - | - "
                + "| - | - | - |%n", boundSeconds, bound.placed(), bound.pairValue()));
        if (lp != null) {
            out.append(String.format("| upper bound (LP over %,d columns, %,d variables, dual-repaired; bonus relaxed) "
                    + "| %.1f | - | %d | - | - | - | - | %s | - | - | - |%n", lp.columns(), lp.variables(), lp.seconds(),
                    lp.placed(), lp.relaxedSoftAtLeast().entrySet().stream().map(x -> String.format("%d (placing >= %d)",
                            x.getValue(), x.getKey())).distinct().reduce((a, b) -> a + ", " + b).orElse("-")));
            out.append(String.format("| upper bound (Lagrangian over explicit circles, from the LP's dual; the gaps' "
                    + "bound) | (incl.) | - | %d | - | - | - | - | %s | - | - | - |%n", lp.placed(),
                    lp.softAtLeast().entrySet().stream().map(x -> String.format("%d (placing >= %d)", x.getValue(),
                            x.getKey())).distinct().reduce((a, b) -> a + ", " + b).orElse("-")));
        }
        System.out.println();
        System.out.println(out);
        Path file = Path.of("target", "circle-benchmark-results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, MatchingBenchmark.machine() + "\n\n" + out);
    }

    private static String row(String method, double seconds, CircleResult result, CircleChecker.Report report,
            CircleBound.Bound bound, CircleLpBound.Result lp) {
        int seats = result.circles().stream().mapToInt(c -> c.members().size()).sum();
        double gap = bound.pairValue() == 0 ? 0 : 100.0 * (bound.pairValue() - report.pairValue()) / bound.pairValue();
        String placedGap = "-";
        String softGap = "-";
        if (lp != null) {
            placedGap = String.format("%.2f %%", 100.0 * (lp.placed() - report.placed()) / lp.placed());
            long softBound = lp.softAtLeast().get(report.placed());
            softGap = String.format("%.2f %%", softBound == 0 ? 0 : 100.0 * (softBound - report.soft()) / softBound);
        }
        return String.format("| %s | %.1f | %d | %d | %d | %d (%d) | %d | %d | %d | %.2f %% | %s | %s |%n",
                method, seconds, report.broken().size(), report.placed(), result.pairs().size(),
                result.circles().size(), seats, report.pairValue(), report.circleBonus(), report.soft(), gap,
                placedGap, softGap);
    }

    /** A generated community with formats and circles, everyone starting on {@link #START}. */
    static CircleProblem generate(int requestCount, int mentorCount, long seed, Duration limit) {
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requestCount, mentorCount);
        Random random = new Random(seed);
        List<MentorshipRequest> requests = new ArrayList<>();
        Map<String, RequestFormat> formats = new HashMap<>();
        for (MentorshipRequest r : community.requests()) {
            requests.add(new MentorshipRequest(r.externalId(), r.name(), r.email(), r.institution(), r.country(),
                    r.timeZone(), r.careerStage(), r.languages(), r.domains(), r.goals(), START, r.durationMonths(),
                    r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(), r.excludedMentorIds(),
                    r.priority()));
            double u = random.nextDouble();
            formats.put(r.externalId(), u < 0.15 ? RequestFormat.CIRCLE
                    : u < 0.30 ? RequestFormat.EITHER : RequestFormat.ONE_TO_ONE);
        }
        Map<String, Integer> circles = new HashMap<>();
        for (Mentor m : community.mentors()) {
            circles.put(m.externalId(), random.nextDouble() < 0.25 ? 1 : 0);
        }
        return new CircleProblem(CircleInputs.requests(requests, formats),
                CircleInputs.mentors(community.mentors(), circles), CircleSettings.defaults(START),
                MatchingWeights.affinityOnly(), CircleWeights.defaults(), limit, seed);
    }
}
