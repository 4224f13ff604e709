package org.mentoring.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.circles.CircleBound;
import org.mentoring.matching.circles.CircleChecker;
import org.mentoring.matching.circles.CircleMentor;
import org.mentoring.matching.circles.CircleProblem;
import org.mentoring.matching.circles.CircleRequest;
import org.mentoring.matching.circles.CircleResult;
import org.mentoring.matching.circles.CircleSettings;
import org.mentoring.matching.circles.CircleWeights;
import org.mentoring.matching.circles.Meetings;
import org.mentoring.people.RequestFormat;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.time.WeeklyOverlap;

/**
 * The LP bound against every answer of tiny communities, enumerated: it is never below the most requests any answer
 * places, nor below the best soft score of the answers that place at least P requests, for every P.
 */
class CircleLpBoundTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);

    @Test
    void theBoundIsNeverBelowTheBestAnswerOfTinyCommunities() {
        int tight = 0;
        for (long seed = 1; seed <= 12; seed++) {
            CircleProblem problem = tiny(seed, seed % 2 == 0 ? MatchingWeights.defaults()
                    : MatchingWeights.affinityOnly());
            long[] best = bruteForce(problem);
            int most = best.length - 1;
            while (most > 0 && best[most] == Long.MIN_VALUE) {
                most--;
            }
            List<Integer> counts = IntStream.rangeClosed(0, most).boxed().toList();
            CircleLpBound.Result bound = CircleLpBound.compute(problem, counts);
            assertThat(bound.placed()).as("seed %d: placed", seed).isGreaterThanOrEqualTo(most);
            for (int p = 0; p <= most; p++) {
                long atLeast = Long.MIN_VALUE;
                for (int q = p; q <= most; q++) {
                    atLeast = Math.max(atLeast, best[q]);
                }
                assertThat(bound.softAtLeast().get(p)).as("seed %d: soft of answers placing %d or more", seed, p)
                        .isGreaterThanOrEqualTo(atLeast);
                if (p == most && bound.softAtLeast().get(p) == atLeast) {
                    tight++;
                }
            }
            if (problem.weights().equals(MatchingWeights.affinityOnly())) {
                // Never looser than the flow bound on the placed count.
                assertThat(bound.placed()).isLessThanOrEqualTo(CircleBound.compute(problem).placed());
            }
        }
        // Not trivially high: on some of them it is the optimum itself.
        assertThat(tight).isPositive();
    }

    /**
     * The Lagrangian over explicit circles (each circle valued with its own bonus) against the LP that credits each
     * member with half its best partners of the column, on communities whose columns hold more candidates than a
     * circle's maxSize (where the two differ): never looser on any community or count, strictly tighter on some, and
     * still never below the best answer placing as many, every answer enumerated.
     */
    @Test
    void theBoundOverExplicitCirclesIsNeverLooserThanTheRelaxedBonusAndSometimesTighter() {
        int tighter = 0;
        for (long seed = 1; seed <= 12; seed++) {
            CircleProblem problem = crowded(seed, seed % 2 == 0 ? MatchingWeights.defaults()
                    : MatchingWeights.affinityOnly());
            long[] best = bruteForce(problem);
            List<Integer> counts = IntStream.rangeClosed(0, problem.requests().size()).boxed().toList();
            CircleLpBound.Result bound = CircleLpBound.compute(problem, counts);
            for (int p : counts) {
                long relaxed = bound.relaxedSoftAtLeast().get(p);
                long atLeast = Long.MIN_VALUE;
                for (int q = p; q < best.length; q++) {
                    atLeast = Math.max(atLeast, best[q]);
                }
                assertThat(bound.softAtLeast().get(p)).as("seed %d, placing %d or more", seed, p)
                        .isLessThanOrEqualTo(relaxed).isGreaterThanOrEqualTo(atLeast);
                if (atLeast != Long.MIN_VALUE && bound.softAtLeast().get(p) < relaxed) {
                    tighter++;
                }
            }
        }
        assertThat(tighter).isPositive();
    }

    /**
     * The Lagrangian whose pairs are one exact b-matching (only the rows of requests open to a circle dualized) against
     * the one that prices the pairs mentor by mentor (every request's row dualized), on the tiny and the crowded
     * communities, every answer enumerated: both are never below the best answer placing P or more, for every P.
     */
    @Test
    void theBoundWithThePairsAsOneExactMatchingIsNeverBelowTheBestAnswer() {
        for (long seed = 1; seed <= 16; seed++) {
            MatchingWeights weights = seed % 2 == 0 ? MatchingWeights.defaults() : MatchingWeights.affinityOnly();
            for (CircleProblem problem : List.of(tiny(seed, weights), crowded(seed, weights))) {
                long[] best = bruteForce(problem);
                List<Integer> counts = IntStream.rangeClosed(0, problem.requests().size()).boxed().toList();
                CircleLpBound.Result flow = CircleLpBound.compute(problem, counts, true);
                CircleLpBound.Result byMentor = CircleLpBound.compute(problem, counts, false);
                for (int p : counts) {
                    long atLeast = Long.MIN_VALUE;
                    for (int q = p; q < best.length; q++) {
                        atLeast = Math.max(atLeast, best[q]);
                    }
                    assertThat(flow.softAtLeast().get(p)).as("seed %d, placing %d or more", seed, p)
                            .isGreaterThanOrEqualTo(atLeast);
                    assertThat(byMentor.softAtLeast().get(p)).as("seed %d, placing %d or more", seed, p)
                            .isGreaterThanOrEqualTo(atLeast);
                }
            }
        }
    }

    /**
     * 8 requests open to circles who all fit one meeting hour of one mentor (1 circle of 2 or 3, 0 or 1 mentee
     * one-to-one), of random domains, countries and institutions: one column of 8 candidates for circles of 3 at most.
     */
    private static CircleProblem crowded(long seed, MatchingWeights weights) {
        Random random = new Random(seed);
        String[] windows = {"TUE 12:00-15:00", "TUE 11:00-14:00", "TUE 13:00-16:00"};
        String[] domains = {"planetary-health/heat", "planetary-health/air", "planetary-health/water"};
        Mentor mentor = new Mentor("m0", "Mentor", null, "Uni", "KE", ZoneId.of("UTC"), Set.of("en"),
                List.of(domains[0]), Set.of(), random.nextInt(2), START.minusDays(1), null,
                slots("TUE 12:00-15:00"));
        List<CircleRequest> requests = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            MentorshipRequest request = new MentorshipRequest("r" + r, "Researcher", null, "Lab " + random.nextInt(3),
                    new String[] {"GH", "BR", "IN"}[random.nextInt(3)], ZoneId.of("UTC"), CareerStage.POSTDOC,
                    Set.of("en"), List.of(domains[random.nextInt(3)]), Set.of(), START, 6, 60,
                    slots(windows[random.nextInt(3)]), List.of(), Set.of(), false);
            requests.add(new CircleRequest(request, random.nextBoolean() ? RequestFormat.CIRCLE : RequestFormat.EITHER));
        }
        return new CircleProblem(requests, List.of(new CircleMentor(mentor, 1)), new CircleSettings(2, 3, 60, START),
                weights, CircleWeights.defaults(), Duration.ofSeconds(1), seed);
    }

    /** 6 requests, 2 mentors who lead a circle each and take 0 or 1 mentee one-to-one; circles of 2 or 3. */
    private static CircleProblem tiny(long seed, MatchingWeights weights) {
        Random random = new Random(seed);
        String[] zones = {"UTC", "Africa/Nairobi", "America/Sao_Paulo"};
        String[] windows = {"TUE 12:00-15:00", "TUE 14:00-17:00", "WED 09:00-12:00", "TUE 15:00-18:00"};
        List<Set<String>> languages = List.of(Set.of("en"), Set.of("fr"), Set.of("en", "fr"), Set.of("en"));
        String[] domains = {"planetary-health/heat", "planetary-health/air", "planetary-health/water"};
        List<CircleMentor> mentors = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            List<WeeklySlot> week = slots(windows[random.nextInt(4)], windows[random.nextInt(4)]);
            Mentor mentor = new Mentor("m" + m, "Mentor", null, "Uni " + m, "KE", ZoneId.of(zones[m]),
                    Set.of("en", "fr"), List.of(domains[random.nextInt(3)]), Set.of(), random.nextInt(2),
                    START.minusDays(1), null, week);
            mentors.add(new CircleMentor(mentor, 1));
        }
        List<CircleRequest> requests = new ArrayList<>();
        RequestFormat[] formats = RequestFormat.values();
        for (int r = 0; r < 6; r++) {
            MentorshipRequest request = new MentorshipRequest("r" + r, "Researcher", null, "Lab " + random.nextInt(3),
                    random.nextBoolean() ? "GH" : "BR", ZoneId.of(zones[random.nextInt(3)]), CareerStage.POSTDOC,
                    languages.get(random.nextInt(4)), List.of(domains[random.nextInt(3)]), Set.of(), START, 6, 60,
                    slots(windows[random.nextInt(4)]), List.of(), random.nextInt(6) == 0 ? Set.of("m0") : Set.of(),
                    false);
            requests.add(new CircleRequest(request, formats[random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(2)]));
        }
        return new CircleProblem(requests, mentors, new CircleSettings(2, 3, 60, START), weights,
                CircleWeights.defaults(), Duration.ofSeconds(1), seed);
    }

    private static List<WeeklySlot> slots(String... texts) {
        return java.util.Arrays.stream(texts).map(WeeklySlot::parse).distinct().toList();
    }

    /** The best soft score of the answers that keep every hard rule, by placed count (MIN_VALUE: none). */
    private static long[] bruteForce(CircleProblem problem) {
        int n = problem.requests().size();
        int mentors = problem.mentors().size();
        int options = 1 + 2 * mentors;
        long[] best = new long[n + 1];
        java.util.Arrays.fill(best, Long.MIN_VALUE);
        int total = (int) Math.pow(options, n);
        for (int code = 0; code < total; code++) {
            int c = code;
            List<CircleResult.Pair> pairs = new ArrayList<>();
            Map<Integer, List<String>> members = new HashMap<>();
            List<String> unplaced = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int choice = c % options;
                c /= options;
                String id = problem.requests().get(i).id();
                if (choice == 0) {
                    unplaced.add(id);
                } else if (choice <= mentors) {
                    pairs.add(new CircleResult.Pair(id, problem.mentors().get(choice - 1).id()));
                } else {
                    members.computeIfAbsent(choice - 1 - mentors, m -> new ArrayList<>()).add(id);
                }
            }
            List<CircleResult.CircleOut> circles = new ArrayList<>();
            boolean meetable = true;
            for (Map.Entry<Integer, List<String>> entry : members.entrySet()) {
                int start = meeting(problem, entry.getKey(), entry.getValue());
                if (start < 0) {
                    meetable = false;
                    break;
                }
                circles.add(new CircleResult.CircleOut(problem.mentors().get(entry.getKey()).id(), 1,
                        entry.getValue(), start, problem.settings().meetingMinutes()));
            }
            if (!meetable) {
                continue;
            }
            CircleResult answer = new CircleResult("", true, n, n - unplaced.size(), pairs, circles, unplaced,
                    Duration.ZERO, false);
            CircleChecker.Report report = CircleChecker.check(problem, answer);
            if (report.broken().isEmpty()) {
                best[report.placed()] = Math.max(best[report.placed()], report.soft());
            }
        }
        return best;
    }

    /** A quarter-hour start inside the mentor's and every member's week (the one of most bonus is the same), or -1. */
    private static int meeting(CircleProblem problem, int mentor, List<String> members) {
        CircleSettings settings = problem.settings();
        List<int[]> weeks = new ArrayList<>();
        CircleMentor m = problem.mentors().get(mentor);
        weeks.add(WeeklyOverlap.toUtcWeek(m.weeklyAvailability(),
                WeeklyOverlap.offsetOn(m.timeZone(), settings.startDate())));
        for (CircleRequest request : problem.requests()) {
            if (members.contains(request.id())) {
                weeks.add(WeeklyOverlap.toUtcWeek(request.weeklyAvailability(),
                        WeeklyOverlap.offsetOn(request.timeZone(), settings.startDate())));
            }
        }
        for (int start = 0; start < WeeklyOverlap.MINUTES_PER_WEEK; start += Meetings.STEP) {
            int s = start;
            if (weeks.stream().allMatch(w -> Meetings.covers(w, s, settings.meetingMinutes()))) {
                return start;
            }
        }
        return -1;
    }
}
