package org.mentoring.matching.circles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.matching.circles.People.START;
import static org.mentoring.matching.circles.People.slots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.WeeklySlot;
import org.mentoring.time.WeeklyOverlap;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.config.solver.EnvironmentMode;

class CircleEngineTest {

    private static final CircleSettings SMALL = new CircleSettings(2, 3, 60, START);

    @Test
    void withCirclesOffTheResultIsTodaysExactPairResult() {
        CommunityGenerator.Community community = new CommunityGenerator(11).generate(150, 40);
        MatchingResult exact;
        try (MatchingEngine engine = new MatchingEngine()) {
            exact = engine.solve(MatchingProblem.of(community.requests(), community.mentors(),
                    MatchingWeights.defaults(), Duration.ofSeconds(20), 3));
        }
        Set<List<String>> exactPairs = exact.proposals().stream()
                .map(p -> List.of(p.requestExternalId(), p.mentorExternalId())).collect(Collectors.toSet());

        // No request open to circles.
        Map<String, Integer> circles = community.mentors().stream()
                .collect(Collectors.toMap(Mentor::externalId, m -> 1));
        CircleResult noCircleRequests = new CircleEngine().solve(problem(
                CircleInputs.requests(community.requests(), Map.of()),
                CircleInputs.mentors(community.mentors(), circles), MatchingWeights.defaults(), 3));
        // Every request open to circles, but no mentor leads one.
        Map<String, RequestFormat> either = community.requests().stream()
                .collect(Collectors.toMap(MentorshipRequest::externalId, r -> RequestFormat.EITHER));
        CircleResult noCircleMentors = new CircleEngine().solve(problem(
                CircleInputs.requests(community.requests(), either),
                CircleInputs.mentors(community.mentors(), Map.of()), MatchingWeights.defaults(), 3));

        for (CircleResult result : List.of(noCircleRequests, noCircleMentors)) {
            assertThat(result.circles()).isEmpty();
            assertThat(result.score()).isEqualTo(exact.score());
            assertThat(result.provenOptimal()).isTrue();
            assertThat(result.placedCount()).isEqualTo(exact.matchedCount());
            assertThat(result.pairs().stream().map(p -> List.of(p.requestId(), p.mentorId()))
                    .collect(Collectors.toSet())).isEqualTo(exactPairs);
        }
    }

    @Test
    void aMentorLeadsAtMostTheirCircles() {
        List<CircleRequest> requests = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            requests.add(new CircleRequest(People.request("r" + i, "UTC", slots("TUE 14:00-16:00")),
                    RequestFormat.CIRCLE));
        }
        Mentor mentor = People.mentor("m", "UTC", Set.of("en"), 0, slots("TUE 14:00-16:00"));
        CircleResult one = new CircleEngine().solve(problem(requests, List.of(new CircleMentor(mentor, 1)),
                MatchingWeights.defaults(), 1));
        assertThat(one.circles()).hasSize(1);
        assertThat(one.placedCount()).isEqualTo(3);
        assertThat(one.unplaced()).hasSize(6);

        CircleResult two = new CircleEngine().solve(problem(requests, List.of(new CircleMentor(mentor, 2)),
                MatchingWeights.defaults(), 1));
        assertThat(two.circles()).hasSize(2);
        assertThat(two.placedCount()).isEqualTo(6);
        assertThat(two.circles().get(0).meeting()).matches("Tue 1[45]:[0-9]{2}-1[56]:[0-9]{2}");
        assertThat(CircleChecker.check(problem(requests, List.of(new CircleMentor(mentor, 2)),
                MatchingWeights.defaults(), 1), two).broken()).isEmpty();
    }

    @Test
    void onTinyInstancesTheEngineFindsTheBestCircles() {
        for (long seed = 1; seed <= 5; seed++) {
            CircleProblem problem = tiny(seed);
            Best best = bruteForce(problem);
            CircleEngine engine = new CircleEngine(seed == 1 ? EnvironmentMode.FULL_ASSERT
                    : EnvironmentMode.REPRODUCIBLE);
            CircleResult result = engine.solve(problem);
            CircleChecker.Report report = CircleChecker.check(problem, result);
            assertThat(report.broken()).as("seed %d", seed).isEmpty();
            assertThat(List.of((long) report.placed(), report.soft())).as("seed %d: %s", seed, result)
                    .isEqualTo(List.of((long) best.placed, best.soft));
            // The constraints score what the checker counts.
            HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(result.score());
            assertThat(score.mediumScore()).isEqualTo(report.placed() - problem.requests().size());
            assertThat(score.softScore()).isEqualTo(report.soft());
        }
    }

    @Test
    void theUpperBoundPlacesAtLeastAsManyAsTheBestAnswer() {
        for (long seed = 1; seed <= 4; seed++) {
            CircleProblem tiny = tiny(seed);
            CircleProblem problem = new CircleProblem(tiny.requests(), tiny.mentors(), tiny.settings(),
                    MatchingWeights.affinityOnly(), tiny.circleWeights(), tiny.timeLimit(), seed);
            assertThat(CircleBound.compute(problem).placed()).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(bruteForce(problem).placed);
        }
    }

    @Test
    void theLocalSearchOpensACircleTheConstructionCouldNot() {
        // The exact pairs give m's one place to r0, the only request open to a pair; r1 alone is too few for a
        // circle. The best answer puts r0 and r1 in m's circle instead: one more request placed.
        Mentor mentor = People.mentor("m", "UTC", Set.of("en"), 1, slots("TUE 14:00-16:00"));
        List<CircleRequest> requests = List.of(
                new CircleRequest(People.request("r0", "UTC", slots("TUE 14:00-16:00")), RequestFormat.EITHER),
                new CircleRequest(People.request("r1", "Africa/Nairobi", slots("TUE 16:00-19:00")),
                        RequestFormat.CIRCLE));
        CircleProblem problem = new CircleProblem(requests, List.of(new CircleMentor(mentor, 1)), SMALL,
                MatchingWeights.defaults(), CircleWeights.defaults(), Duration.ofSeconds(5), 1);
        CircleEngine engine = new CircleEngine(EnvironmentMode.FULL_ASSERT);
        assertThat(engine.construct(problem).solution().getScore().mediumScore()).isEqualTo(-1);

        CircleResult result = engine.solve(problem);
        assertThat(result.placedCount()).isEqualTo(2);
        assertThat(result.circles()).singleElement().satisfies(c -> {
            assertThat(c.members()).containsExactlyInAnyOrder("r0", "r1");
            assertThat(c.meeting()).matches("Tue 1[45]:[0-9]{2}-1[56]:[0-9]{2}");
        });
        assertThat(CircleChecker.check(problem, result).broken()).isEmpty();
        assertThat(bruteForce(problem).placed).isEqualTo(2);
    }

    private static CircleProblem problem(List<CircleRequest> requests, List<CircleMentor> mentors,
            MatchingWeights weights, long seed) {
        return new CircleProblem(requests, mentors, SMALL, weights, CircleWeights.defaults(), Duration.ofSeconds(1),
                seed);
    }

    /** 6 requests, 2 mentors who lead a circle each and take 0 or 1 mentee one-to-one. */
    private static CircleProblem tiny(long seed) {
        Random random = new Random(seed);
        String[] zones = {"UTC", "Africa/Nairobi", "America/Sao_Paulo"};
        String[] windows = {"TUE 12:00-15:00", "TUE 14:00-17:00", "WED 09:00-12:00", "TUE 15:00-18:00"};
        List<Set<String>> languages = List.of(Set.of("en"), Set.of("fr"), Set.of("en", "fr"), Set.of("en"));
        String[] domains = {"planetary-health/heat", "planetary-health/air", "planetary-health/water"};
        RequestFormat[] formats = RequestFormat.values();
        List<CircleMentor> mentors = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            List<WeeklySlot> week = slots(windows[random.nextInt(4)], windows[random.nextInt(4)]);
            Mentor mentor = new Mentor("m" + m, "Mentor", null, "Uni " + m, "KE", java.time.ZoneId.of(zones[m]),
                    Set.of("en", "fr"), List.of(domains[random.nextInt(3)]), Set.of(), random.nextInt(2),
                    START.minusDays(1), null, mergeable(week));
            mentors.add(new CircleMentor(mentor, 1));
        }
        List<CircleRequest> requests = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            MentorshipRequest request = People.request("r" + r, zones[random.nextInt(3)],
                    languages.get(random.nextInt(4)), List.of(domains[random.nextInt(3)]),
                    random.nextBoolean() ? "GH" : "BR", "Lab " + random.nextInt(3),
                    random.nextInt(6) == 0 ? Set.of("m0") : Set.of(),
                    mergeable(slots(windows[random.nextInt(4)])));
            requests.add(new CircleRequest(request, formats[random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(2)]));
        }
        return problem(requests, mentors, MatchingWeights.defaults(), seed);
    }

    private static List<WeeklySlot> mergeable(List<WeeklySlot> slots) {
        return slots.stream().distinct().toList();
    }

    private record Best(int placed, long soft) {
    }

    /** Every place for every request (none, each mentor one-to-one, each mentor's circle), each circle's meeting. */
    private static Best bruteForce(CircleProblem problem) {
        int n = problem.requests().size();
        int mentors = problem.mentors().size();
        int options = 1 + 2 * mentors;
        int[] choice = new int[n];
        Best best = new Best(-1, Long.MIN_VALUE);
        // a circle's meeting depends only on its mentor and members: found once for each such set
        Map<List<Object>, Integer> meetings = new HashMap<>();
        int total = (int) Math.pow(options, n);
        for (int code = 0; code < total; code++) {
            int c = code;
            int placed = 0;
            for (int i = 0; i < n; i++) {
                choice[i] = c % options;
                c /= options;
                placed += choice[i] == 0 ? 0 : 1;
            }
            if (placed < best.placed) {
                continue; // the checker counts exactly these as placed: this answer cannot be the best
            }
            List<CircleResult.Pair> pairs = new ArrayList<>();
            Map<Integer, List<String>> members = new HashMap<>();
            Set<String> unplaced = new HashSet<>();
            for (int i = 0; i < n; i++) {
                String id = problem.requests().get(i).id();
                if (choice[i] == 0) {
                    unplaced.add(id);
                } else if (choice[i] <= mentors) {
                    pairs.add(new CircleResult.Pair(id, problem.mentors().get(choice[i] - 1).id()));
                } else {
                    members.computeIfAbsent(choice[i] - 1 - mentors, m -> new ArrayList<>()).add(id);
                }
            }
            List<CircleResult.CircleOut> circles = new ArrayList<>();
            boolean meetable = true;
            for (Map.Entry<Integer, List<String>> entry : members.entrySet()) {
                int start = meetings.computeIfAbsent(List.of(entry.getKey(), Set.copyOf(entry.getValue())),
                        key -> meeting(problem, entry.getKey(), entry.getValue()));
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
            CircleResult candidate = new CircleResult("", true, n, n - unplaced.size(), pairs, circles,
                    List.copyOf(unplaced), Duration.ZERO, false);
            CircleChecker.Report report = CircleChecker.check(problem, candidate);
            if (report.broken().isEmpty() && (report.placed() > best.placed
                    || (report.placed() == best.placed && report.soft() > best.soft))) {
                best = new Best(report.placed(), report.soft());
            }
        }
        return best;
    }

    /** A quarter-hour start inside the mentor's and every member's week, or -1. */
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
