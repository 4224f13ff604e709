package org.mentoring.matching.circles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The search's soft-improving parts on a generated community: the exchange move, circles first, the pair re-solve. */
class CircleSearchTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    @Test
    void anExchangeKeepsEveryHardRuleAndThePlacedCount() {
        CircleProblem problem = community(400, 80, 5);
        CircleEngine engine = new CircleEngine();
        // from the baseline's construction: the best start (its circles already full from the joint flow) leaves
        // fewer exchanges and rebuilds to make
        CircleModel model = engine.construct(problem);
        CircleSolution solution = model.solution();
        HardMediumSoftLongScore start = CircleEngine.score(solution);
        assertThat(start.hardScore()).isZero();
        CircleMoveFactory factory = new CircleMoveFactory(model);
        Random random = new Random(3);
        int applied = 0;
        for (int i = 0; i < 300; i++) {
            Circle circle = solution.getCircles().get(random.nextInt(solution.getCircles().size()));
            List<Seat> members = members(model, circle);
            if (members.isEmpty()) {
                continue;
            }
            GroupMove move = factory.exchange(circle, members, model.candidates(circle.getSlot()), random);
            List<?> seats = new ArrayList<>(move.getPlanningEntities());
            List<?> places = new ArrayList<>(move.getPlanningValues());
            for (int k = 0; k < seats.size(); k++) {
                if (seats.get(k) instanceof Seat seat) {
                    seat.setPlace((Place) places.get(k));
                    applied++;
                }
            }
            HardMediumSoftLongScore score = CircleEngine.score(solution);
            assertThat(score.hardScore()).as("after %s", move).isZero();
            assertThat(score.mediumScore()).isEqualTo(start.mediumScore());
        }
        assertThat(applied).as("exchanges made").isGreaterThan(50);
        CircleResult result = CircleEngine.result(problem, solution, System.nanoTime());
        assertThat(CircleChecker.check(problem, result).broken()).isEmpty();
    }

    @Test
    void theJointFlowPlacesMoreThanTheBaselineAndLeavesNoOneOutWhoCouldTakeAFreePlace() {
        CircleProblem problem = community(400, 80, 9);
        CircleEngine engine = new CircleEngine();
        CircleModel model = engine.construct(problem);
        CircleSolution solution = model.solution();
        HardMediumSoftLongScore baseline = solution.getScore();
        assertThat(baseline.hardScore()).isZero();

        // Pairs and circles placed again by one flow, every open circle at its meeting.
        CircleEngine.assignJointFlow(problem, model);
        HardMediumSoftLongScore joint = CircleEngine.score(solution);
        assertThat(joint.hardScore()).isZero();
        assertThat(joint.mediumScore()).as("placed more than the baseline").isGreaterThan(baseline.mediumScore());
        CircleResult result = CircleEngine.result(problem, solution, System.nanoTime());
        assertThat(CircleChecker.check(problem, result).broken()).isEmpty();
        // No one left out could simply sit down: no mentor with a free pair place they are allowed, no open circle
        // below maxSize whose meeting they fit, in a language its members share.
        Map<Place, List<Seat>> placed = new HashMap<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.getPlace() != null) {
                placed.computeIfAbsent(seat.getPlace(), p -> new ArrayList<>()).add(seat);
            }
        }
        for (Seat seat : solution.getSeats()) {
            if (seat.getPlace() != null) {
                continue;
            }
            for (Place place : seat.getCandidates()) {
                List<Seat> there = placed.getOrDefault(place, List.of());
                if (place instanceof PairPlace pair && seat.isPairAllowed(pair.getMentorIndex())) {
                    assertThat(there.size()).as("%s left out of a free pair place", seat).isEqualTo(pair.getCapacity());
                } else if (place instanceof CircleSlot slot && !there.isEmpty()
                        && model.circle(slot).fits(seat) && there.size() < slot.getMaxSize()) {
                    List<Seat> with = new ArrayList<>(there);
                    with.add(seat);
                    assertThat(CircleConstraintProvider.sharesALanguage(slot, with))
                            .as("%s left out of a circle with room", seat).isFalse();
                }
            }
        }
    }

    @Test
    void aRebuiltCircleKeepsEveryHardRule() {
        CircleProblem problem = community(400, 80, 5);
        CircleEngine engine = new CircleEngine();
        // from the baseline's construction: the best start (its circles already full from the joint flow) leaves
        // fewer exchanges and rebuilds to make
        CircleModel model = engine.construct(problem);
        CircleSolution solution = model.solution();
        HardMediumSoftLongScore start = CircleEngine.score(solution);
        assertThat(start.hardScore()).isZero();
        CircleMoveFactory factory = new CircleMoveFactory(model);
        Random random = new Random(4);
        int changed = 0;
        for (int i = 0; i < 300; i++) {
            Circle circle = solution.getCircles().get(random.nextInt(solution.getCircles().size()));
            List<Seat> members = members(model, circle);
            if (members.isEmpty()) {
                continue;
            }
            GroupMove move = factory.rebuild(circle, members, model.candidates(circle.getSlot()), random);
            List<?> entities = new ArrayList<>(move.getPlanningEntities());
            List<?> values = new ArrayList<>(move.getPlanningValues());
            for (int k = 0; k < entities.size(); k++) {
                if (entities.get(k) instanceof Seat seat && seat.getPlace() != values.get(k)) {
                    seat.setPlace((Place) values.get(k));
                    changed++;
                } else if (entities.get(k) instanceof Circle c) {
                    c.setMeeting((Integer) values.get(k));
                }
            }
            HardMediumSoftLongScore score = CircleEngine.score(solution);
            assertThat(score.hardScore()).as("after %s", move).isZero();
        }
        assertThat(changed).as("seats moved by rebuilds").isGreaterThan(30);
        CircleResult result = CircleEngine.result(problem, solution, System.nanoTime());
        assertThat(CircleChecker.check(problem, result).broken()).isEmpty();
    }

    @Test
    void theSearchStartsNoWorseThanTheBaselineAndTheRepairedPairsNeverLoseAnything() {
        CircleProblem problem = community(400, 80, 9);
        CircleEngine engine = new CircleEngine();
        HardMediumSoftLongScore baseline = engine.construct(problem).solution().getScore();
        CircleModel model = engine.constructBest(problem);
        HardMediumSoftLongScore best = model.solution().getScore();
        assertThat(best.hardScore()).isZero();
        assertThat(best).isGreaterThanOrEqualTo(baseline);

        // Scramble the pairs: every pair seat takes its lowest-valued allowed mentor with room, or none.
        CircleSolution solution = model.solution();
        Map<PairPlace, Integer> load = new HashMap<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.isInPair()) {
                seat.setPlace(null);
            }
        }
        for (Seat seat : solution.getSeats()) {
            if (seat.getPlace() != null || !seat.getFormat().acceptsPair()) {
                continue;
            }
            PairPlace worst = null;
            for (Place place : seat.getCandidates()) {
                if (place instanceof PairPlace pair && seat.isPairAllowed(pair.getMentorIndex())
                        && load.getOrDefault(pair, 0) < pair.getCapacity()
                        && (worst == null || seat.valueWith(pair.getMentorIndex())
                                < seat.valueWith(worst.getMentorIndex()))) {
                    worst = pair;
                }
            }
            if (worst != null) {
                seat.setPlace(worst);
                load.merge(worst, 1, Integer::sum);
            }
        }
        solution.setScore(CircleEngine.score(solution));
        HardMediumSoftLongScore scrambled = solution.getScore();
        assertThat(scrambled).isLessThan(best);

        CircleSolution repaired = engine.repairPairs(problem, solution);
        assertThat(repaired.getScore()).isEqualTo(CircleEngine.score(repaired));
        assertThat(repaired.getScore()).isGreaterThan(scrambled);
        // The circles did not change, so the repaired pairs are those of the best start: the exact flow's.
        assertThat(repaired.getScore().mediumScore()).isGreaterThanOrEqualTo(best.mediumScore());
        assertThat(CircleChecker.check(problem, CircleEngine.result(problem, repaired, System.nanoTime())).broken())
                .isEmpty();
    }

    @Test
    void theFlowOnTheModelsPairsIsThePairEnginesOptimum() {
        CircleProblem problem = community(400, 80, 13);
        CircleModel model = CircleModel.build(problem);
        CircleEngine.assignExactPairs(problem, model, seat -> true);
        long pairs = 0;
        long value = 0;
        Map<PairPlace, Integer> load = new HashMap<>();
        List<MentorshipRequest> pairRequests = new ArrayList<>();
        for (Seat seat : model.solution().getSeats()) {
            if (seat.getFormat().acceptsPair()) {
                pairRequests.add(seat.getRequest().request());
            }
            if (seat.isInPair()) {
                pairs++;
                value += seat.getValue();
                load.merge((PairPlace) seat.getPlace(), 1, Integer::sum);
            }
        }
        for (Map.Entry<PairPlace, Integer> entry : load.entrySet()) {
            assertThat(entry.getValue()).isLessThanOrEqualTo(entry.getKey().getCapacity());
            value -= (long) entry.getKey().getLoadWeight() * entry.getValue() * entry.getValue();
        }
        org.mentoring.matching.solver.MatchingResult exact;
        try (org.mentoring.matching.solver.MatchingEngine engine = new org.mentoring.matching.solver.MatchingEngine()) {
            exact = engine.solve(org.mentoring.matching.solver.MatchingProblem.of(pairRequests,
                    problem.mentors().stream().map(CircleMentor::mentor).toList(), problem.weights(),
                    Duration.ofSeconds(20), 1));
        }
        HardMediumSoftLongScore exactScore = HardMediumSoftLongScore.parseScore(exact.score());
        assertThat(exact.provenOptimal()).isTrue();
        assertThat(pairs).isEqualTo(exact.matchedCount());
        assertThat(value).isEqualTo(exactScore.softScore());
    }

    @Test
    void theSeatsLookupsAgreeWithTheRulesTheyStandFor() {
        CircleProblem problem = community(300, 60, 17);
        CircleModel model = CircleModel.build(problem);
        List<Seat> seats = model.solution().getSeats();
        int minutes = problem.settings().meetingMinutes();
        for (Seat seat : seats) {
            for (int start = 0; start < org.mentoring.time.WeeklyOverlap.MINUTES_PER_WEEK; start += Meetings.STEP) {
                assertThat(seat.covers(start, minutes)).as("%s at %d", seat, start)
                        .isEqualTo(Meetings.covers(seat.getCircleWeek(), start, minutes));
            }
            for (Place place : model.solution().getSlots()) {
                assertThat(seat.isConflict(place)).isEqualTo(org.mentoring.matching.solver.PairEvaluator
                        .isConflict(seat.getRequest().request(), place.getMentor().mentor()));
            }
        }
        // Domains, countries and institutions by number against the same rules on the text.
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            Seat a = seats.get(random.nextInt(seats.size()));
            Seat b = seats.get(random.nextInt(seats.size()));
            boolean shares = a.getRequest().domains().stream().anyMatch(b.getRequest().domains()::contains);
            assertThat(CircleConstraintProvider.sharesDomain(a, b)).isEqualTo(shares);
            int crossings = (differ(a.getRequest().country(), b.getRequest().country()) ? 1 : 0)
                    + (differ(a.getRequest().institution(), b.getRequest().institution()) ? 1 : 0);
            assertThat(CircleConstraintProvider.crossings(a, b)).isEqualTo(crossings);
        }
        // A clone has the same places and meetings, in new seats and circles.
        CircleModel constructed = new CircleEngine().construct(problem);
        CircleSolution original = constructed.solution();
        CircleSolution clone = new CircleSolutionCloner().cloneSolution(original);
        assertThat(clone.getScore()).isEqualTo(original.getScore());
        for (int i = 0; i < original.getSeats().size(); i++) {
            assertThat(clone.getSeats().get(i)).isNotSameAs(original.getSeats().get(i));
            assertThat(clone.getSeats().get(i).getPlace()).isSameAs(original.getSeats().get(i).getPlace());
        }
        for (int i = 0; i < original.getCircles().size(); i++) {
            assertThat(clone.getCircles().get(i)).isNotSameAs(original.getCircles().get(i));
            assertThat(clone.getCircles().get(i).getMeeting()).isEqualTo(original.getCircles().get(i).getMeeting());
        }
        assertThat(CircleEngine.score(clone)).isEqualTo(original.getScore());
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.trim().toLowerCase(java.util.Locale.ROOT)
                .equals(b.trim().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void everyMoveOfTheSearchIsScoredAndUndoneRightUnderFullAssert() {
        // FULL_ASSERT scores every move from scratch after doing it and after undoing it, and fails on any
        // difference: the group moves (exchange of most gain and rebuild by gain among them), the change and swap
        // moves, the cloner; the search runs in stages with the joint flow between them.
        CircleProblem generated = community(120, 24, 21);
        CircleProblem problem = new CircleProblem(generated.requests(), generated.mentors(), generated.settings(),
                generated.weights(), generated.circleWeights(), Duration.ofSeconds(4), 21);
        CircleEngine engine = new CircleEngine(org.optaplanner.core.config.solver.EnvironmentMode.FULL_ASSERT);
        HardMediumSoftLongScore start = engine.constructBest(problem).solution().getScore();
        CircleResult result = engine.solve(problem);
        CircleChecker.Report report = CircleChecker.check(problem, result);
        assertThat(report.broken()).isEmpty();
        HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(result.score());
        assertThat(score).isGreaterThanOrEqualTo(start);
        assertThat(score.mediumScore()).isEqualTo(report.placed() - problem.requests().size());
    }

    /** A generated community: 30 % of requests open to circles, a quarter of the mentors lead one. */
    static CircleProblem community(int requestCount, int mentorCount, long seed) {
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
                MatchingWeights.defaults(), CircleWeights.defaults(), Duration.ofSeconds(5), seed);
    }

    /** The seats placed in a circle now. */
    private static List<Seat> members(CircleModel model, Circle circle) {
        List<Seat> members = new ArrayList<>();
        for (Seat seat : model.candidates(circle.getSlot())) {
            if (seat.getPlace() == circle.getSlot()) {
                members.add(seat);
            }
        }
        return members;
    }
}
