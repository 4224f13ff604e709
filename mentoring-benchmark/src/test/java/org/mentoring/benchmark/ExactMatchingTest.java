package org.mentoring.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.WeeklySlot;

/**
 * The benchmark's references on a community small enough to know by hand. Mentors: A heat-health (1 place, Monday),
 * B extreme-weather (1 place, Tuesday), C zoonoses (2 places, Wednesday). Requests: r1 heat-health (Monday or
 * Tuesday), r2 heat-health (Monday only), r3 extreme-weather (Tuesday or Wednesday), r4 zoonoses (Wednesday only).
 * The only way to match all four is r1-B (affinity 6), r2-A (9), r3-C (3), r4-C (9): 27. Greedy in input order
 * gives r1 its best, A, and so leaves r2 without a mentor.
 */
class ExactMatchingTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";
    private static final String EXTREME_WEATHER = "planetary-health/climate-health/extreme-weather";
    private static final String ZOONOSES = "planetary-health/one-health/zoonoses";

    private final List<Mentor> mentors = List.of(
            mentor("m-a", HEAT, 1, "MON 10:00-11:00"),
            mentor("m-b", EXTREME_WEATHER, 1, "TUE 10:00-11:00"),
            mentor("m-c", ZOONOSES, 2, "WED 10:00-11:00"));
    private final List<MentorshipRequest> requests = List.of(
            request("r1", HEAT, "MON 10:00-11:00", "TUE 10:00-11:00"),
            request("r2", HEAT, "MON 10:00-11:00"),
            request("r3", EXTREME_WEATHER, "TUE 10:00-11:00", "WED 10:00-11:00"),
            request("r4", ZOONOSES, "WED 10:00-11:00"));
    private final Candidates candidates = Candidates.of(requests, mentors);

    @Test
    void keepsOnlyThePairsThatPassTheHardRules() {
        assertThat(candidates.mentorsOf()).isDeepEqualTo(new int[][] {{0, 1}, {0}, {1, 2}, {2}});
        assertThat(candidates.affinityOf()).isDeepEqualTo(new int[][] {{9, 6}, {9}, {9, 3}, {9}});
    }

    @Test
    void exactMatchesEveryoneWithTheMostAffinity() {
        int[] exact = ExactMatching.solve(candidates);

        assertThat(exact).containsExactly(1, 0, 2, 2);
        Outcome outcome = Outcome.of(exact, requests, mentors);
        assertThat(outcome.matched()).isEqualTo(4);
        assertThat(outcome.affinity()).isEqualTo(27);
        assertThat(outcome.worstAffinity()).isEqualTo(3);
        assertThat(outcome.brokenHardRules()).isZero();
        assertThat(outcome.minLoad()).isEqualTo(1.0);
    }

    @Test
    void greedyInInputOrderLeavesTheSecondRequestOut() {
        int[] greedy = GreedyMatching.solve(candidates);

        assertThat(greedy).containsExactly(0, -1, 1, 2);
        assertThat(Outcome.of(greedy, requests, mentors).matched()).isEqualTo(3);
    }

    @Test
    void outcomeCountsBrokenRulesAndMenteesOverCapacity() {
        // r2 with B: no time together; r1, r2 and r4 all with A, whose one place is taken three times.
        Outcome withB = Outcome.of(new int[] {-1, 1, -1, -1}, requests, mentors);
        Outcome crowded = Outcome.of(new int[] {0, 0, -1, 0}, requests, mentors);

        assertThat(withB.brokenHardRules()).isEqualTo(1);
        assertThat(crowded.brokenHardRules()).isEqualTo(1 + 2);
        assertThat(crowded.maxLoad()).isEqualTo(3.0);
        assertThat(crowded.minLoad()).isEqualTo(0.0);
    }

    private static Mentor mentor(String id, String domain, int capacity, String slot) {
        return new Mentor(id, "Mentor " + id, id + "@example.org", "University of Nairobi", "KE", ZoneId.of("UTC"),
                Set.of("en"), List.of(domain), Set.of(), capacity, LocalDate.of(2026, 1, 1), null,
                List.of(WeeklySlot.parse(slot)));
    }

    private static MentorshipRequest request(String id, String domain, String... slots) {
        return new MentorshipRequest(id, "Researcher " + id, id + "@example.org", "University of Nairobi", "KE",
                ZoneId.of("UTC"), CareerStage.POSTDOC, Set.of("en"), List.of(domain), Set.of(),
                LocalDate.of(2026, 3, 2), 6, 60, List.of(slots).stream().map(WeeklySlot::parse).toList(), List.of(),
                Set.of(), false);
    }
}
