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
        CircleModel model = engine.constructBest(problem);
        CircleSolution solution = model.solution();
        HardMediumSoftLongScore start = CircleEngine.score(solution);
        assertThat(start.hardScore()).isZero();
        CircleMoveFactory factory = new CircleMoveFactory(model);
        Random random = new Random(3);
        int applied = 0;
        for (int i = 0; i < 150; i++) {
            Circle circle = solution.getCircles().get(random.nextInt(solution.getCircles().size()));
            List<Seat> members = new ArrayList<>();
            for (Seat seat : model.candidates(circle.getSlot())) {
                if (seat.getPlace() == circle.getSlot()) {
                    members.add(seat);
                }
            }
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
}
