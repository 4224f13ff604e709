package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.MatchingConstraintConfiguration;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.People;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.constraint.streams.common.AbstractConstraintStreamScoreDirectorFactory;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/**
 * One test per constraint, each with the exact penalty or reward. Soft constraints are configurable: the verifier
 * counts their match weight (the points), before the per-run weight; {@link #weightsMultiplyThePoints} checks the
 * weights on a whole solution.
 */
class MatchingConstraintProviderTest {

    private final ConstraintVerifier<MatchingConstraintProvider, MatchingSolution> verifier = ConstraintVerifier
            .build(new MatchingConstraintProvider(), MatchingSolution.class, RequestAssignment.class);

    private int nextIndex;

    @Test
    void mentorCapacity() {
        MentorFact two = mentor(0, 2);
        verifier.verifyThat(MatchingConstraintProvider::mentorCapacity)
                .given(two, assigned(two), assigned(two), assigned(two))
                .penalizesBy(1);
        verifier.verifyThat(MatchingConstraintProvider::mentorCapacity)
                .given(two, assigned(two), assigned(two), unmatched())
                .penalizesBy(0);

        // 4 mentees for 1 place (3 over) and 3 for 2 (1 over).
        MentorFact one = mentor(1, 1);
        verifier.verifyThat(MatchingConstraintProvider::mentorCapacity)
                .given(one, two, assigned(one), assigned(one), assigned(one), assigned(one),
                        assigned(two), assigned(two), assigned(two))
                .penalizesBy(4);

        // An accepted (pinned) mentorship takes a place too.
        verifier.verifyThat(MatchingConstraintProvider::mentorCapacity)
                .given(one, pinned(one, fit()), assigned(one))
                .penalizesBy(1);
        verifier.verifyThat(MatchingConstraintProvider::mentorCapacity)
                .given(two, pinned(two, fit()), assigned(two))
                .penalizesBy(0);

        MentorFact none = mentor(2, 0);
        verifier.verifyThat(MatchingConstraintProvider::mentorCapacity)
                .given(none, assigned(none))
                .penalizesBy(1);
    }

    /**
     * Every constraint the provider defines is declared separable or not, and nothing else is declared: a constraint
     * added without a declaration fails here, since the engine stops at the flow's answer only while every active
     * constraint is separable.
     */
    @Test
    void everyConstraintIsDeclaredSeparableOrNot() {
        SolverConfig config = SolverConfig.createFromXmlResource(MatchingEngine.SOLVER_CONFIG);
        DefaultSolverFactory<MatchingSolution> factory = (DefaultSolverFactory<MatchingSolution>) SolverFactory
                .<MatchingSolution>create(config);
        Constraint[] defined = ((AbstractConstraintStreamScoreDirectorFactory<?, ?>) factory.getScoreDirectorFactory())
                .getConstraints();

        assertThat(Arrays.stream(defined).map(Constraint::getConstraintName).toList())
                .containsExactlyInAnyOrderElementsOf(MatchingConstraintProvider.SEPARABILITY.keySet());
        assertThat(MatchingConstraintProvider.exactByFlow(MatchingWeights.defaults()))
                .as("today every constraint is separable").isTrue();
        assertThat(MatchingConstraintProvider.exactByFlow(new MatchingWeights(0, 0, 0, 0, 0, 0, 0))).isTrue();
    }

    /**
     * The value the flow gives a pair ({@link PairPreference#value}) is what the constraints score for it: one
     * definition, here checked on pairs of every kind with the default and other weights.
     */
    @Test
    void theFlowsPairValueIsWhatTheConstraintsScore() {
        MentorFact mentor = mentor(0, 5);
        MentorshipRequest flagged = People.request("r-flagged").priority(true).minOverlapMinutes(30).build();
        MentorshipRequest plain = People.request("r-plain").build();
        for (MatchingWeights weights : List.of(MatchingWeights.defaults(), new MatchingWeights(3, 0, 7, 5, 0, 11, 0),
                new MatchingWeights(0, 1, 0, 0, 1000, 0, 0))) {
            for (MentorshipRequest request : List.of(flagged, plain)) {
                for (PairFit fit : List.of(fit(), fit(200, 9, 2, 0, true, true), fit(95, 4, 1, 4, false, true))) {
                    RequestAssignment pair = assigned(request, mentor, fit);
                    MatchingSolution solution = new MatchingSolution(List.of(mentor), List.of(pair),
                            new MatchingConstraintConfiguration(weights));
                    long value = PairPreference.value(request, fit, weights) - weights.loadBalance();
                    verifier.verifyThat().givenSolution(solution).scores(HardMediumSoftLongScore.ofSoft(value));
                }
            }
        }
    }

    @Test
    void unmatchedRequest() {
        MentorFact mentor = mentor(0, 3);
        verifier.verifyThat(MatchingConstraintProvider::unmatchedRequest)
                .given(mentor, unmatched(), assigned(mentor), unmatched(), pinned(mentor, fit()))
                .penalizesBy(2);
        verifier.verifyThat(MatchingConstraintProvider::unmatchedRequest)
                .given(mentor, assigned(mentor), assigned(mentor, breaking(HardRule.LANGUAGE)))
                .penalizesBy(0);
    }

    @Test
    void researchDomainAffinity() {
        MentorFact mentor = mentor(0, 3);
        verifier.verifyThat(MatchingConstraintProvider::researchDomainAffinity)
                .given(mentor, assigned(mentor, fit(60, 9, 0, -1, false, false)))
                .rewardsWith(9);
        verifier.verifyThat(MatchingConstraintProvider::researchDomainAffinity)
                .given(mentor, assigned(mentor, fit(60, 9, 0, -1, false, false)),
                        assigned(mentor, fit(60, 4, 0, -1, false, false)),
                        assigned(mentor, fit(60, 0, 2, 0, true, true)), unmatched())
                .rewardsWith(13);
        verifier.verifyThat(MatchingConstraintProvider::researchDomainAffinity)
                .given(mentor, assigned(mentor, fit(60, 0, 2, 0, true, true)))
                .rewardsWith(0);
    }

    @Test
    void goalsMetByTopics() {
        MentorFact mentor = mentor(0, 3);
        verifier.verifyThat(MatchingConstraintProvider::goalsMetByTopics)
                .given(mentor, assigned(mentor, fit(60, 9, 2, 0, true, true)),
                        assigned(mentor, fit(60, 0, 1, -1, false, false)))
                .rewardsWith(3);
        verifier.verifyThat(MatchingConstraintProvider::goalsMetByTopics)
                .given(mentor, assigned(mentor, fit(60, 9, 0, 0, true, true)), unmatched())
                .rewardsWith(0);
    }

    @Test
    void preferredMentor() {
        MentorFact mentor = mentor(0, 3);
        // Rank 0 (first choice) 3 points, rank 1 2 points, any later rank 1 point, not preferred nothing.
        Map<Integer, Integer> pointsByRank = Map.of(0, 3, 1, 2, 2, 1, 5, 1, -1, 0);
        pointsByRank.forEach((rank, points) -> verifier.verifyThat(MatchingConstraintProvider::preferredMentor)
                .given(mentor, assigned(mentor, fit(60, 9, 2, rank, true, true)))
                .rewardsWith(points));
        verifier.verifyThat(MatchingConstraintProvider::preferredMentor)
                .given(mentor, assigned(mentor, fit(60, 0, 0, 0, false, false)),
                        assigned(mentor, fit(60, 0, 0, 1, false, false)),
                        assigned(mentor, fit(60, 0, 0, 7, false, false)), unmatched())
                .rewardsWith(6);
    }

    @Test
    void moreTimeTogether() {
        MentorFact mentor = mentor(0, 3);
        // Minimum 60: one point per whole 30 minutes beyond it, at most 4 (2 hours).
        Map<Integer, Integer> pointsByOverlap = Map.of(60, 0, 89, 0, 90, 1, 119, 1, 120, 2, 175, 3, 180, 4,
                181, 4, 600, 4);
        pointsByOverlap.forEach((overlap, points) -> verifier.verifyThat(MatchingConstraintProvider::moreTimeTogether)
                .given(mentor, assigned(mentor, fit(overlap, 9, 2, 0, true, true)))
                .rewardsWith(points));

        // Minimum 30 with 45 together is 15 minutes more: no whole half-hour.
        MentorshipRequest shortMeetings = People.request("r-short").minOverlapMinutes(30).build();
        verifier.verifyThat(MatchingConstraintProvider::moreTimeTogether)
                .given(mentor, assigned(shortMeetings, mentor, fit(45, 0, 0, -1, false, false)))
                .rewardsWith(0);
        // Minimum 0 with 120 together: 4 half-hours. With 150 and a minimum 90 (another request): 2.
        MentorshipRequest anyTime = People.request("r-any").minOverlapMinutes(0).build();
        MentorshipRequest longer = People.request("r-long").minOverlapMinutes(90).build();
        verifier.verifyThat(MatchingConstraintProvider::moreTimeTogether)
                .given(mentor, assigned(anyTime, mentor, fit(120, 0, 0, -1, false, false)),
                        assigned(longer, mentor, fit(150, 0, 0, -1, false, false)), unmatched())
                .rewardsWith(6);
    }

    @Test
    void priorityRequestMatched() {
        MentorFact mentor = mentor(0, 3);
        MentorshipRequest flagged = People.request("r-flagged").priority(true).build();
        MentorshipRequest flaggedToo = People.request("r-flagged-too").priority(true).build();
        MentorshipRequest flaggedUnmatched = People.request("r-flagged-waiting").priority(true).build();
        verifier.verifyThat(MatchingConstraintProvider::priorityRequestMatched)
                .given(mentor, assigned(flagged, mentor, fit()), assigned(flaggedToo, mentor, fit()),
                        assigned(mentor, fit(600, 9, 2, 0, true, true)), unmatched(flaggedUnmatched))
                .rewardsWith(2);
        verifier.verifyThat(MatchingConstraintProvider::priorityRequestMatched)
                .given(mentor, assigned(mentor, fit(600, 9, 2, 0, true, true)), unmatched(flaggedUnmatched))
                .rewardsWith(0);
    }

    @Test
    void crossesInstitutionsAndCountries() {
        MentorFact mentor = mentor(0, 3);
        verifier.verifyThat(MatchingConstraintProvider::crossesInstitutionsAndCountries)
                .given(mentor, assigned(mentor, fit(60, 9, 2, 0, true, true)))
                .rewardsWith(2);
        verifier.verifyThat(MatchingConstraintProvider::crossesInstitutionsAndCountries)
                .given(mentor, assigned(mentor, fit(60, 0, 0, -1, true, false)),
                        assigned(mentor, fit(60, 0, 0, -1, false, true)),
                        assigned(mentor, fit(60, 9, 2, 0, false, false)), unmatched())
                .rewardsWith(2);
        verifier.verifyThat(MatchingConstraintProvider::crossesInstitutionsAndCountries)
                .given(mentor, assigned(mentor, fit(600, 9, 2, 0, false, false)))
                .rewardsWith(0);
    }

    @Test
    void balancedMentorLoad() {
        MentorFact busy = mentor(0, 5);
        MentorFact light = mentor(1, 5);
        MentorFact idle = mentor(2, 5);
        // 3 mentees cost 3 * 3 = 9, 1 mentee costs 1, no mentee nothing.
        verifier.verifyThat(MatchingConstraintProvider::balancedMentorLoad)
                .given(busy, light, idle, assigned(busy), assigned(busy), pinned(busy, fit()), assigned(light),
                        unmatched())
                .penalizesBy(10);
        // The same 4 mentees spread 2 and 2 cost 8.
        verifier.verifyThat(MatchingConstraintProvider::balancedMentorLoad)
                .given(busy, light, idle, assigned(busy), assigned(busy), assigned(light), assigned(light))
                .penalizesBy(8);
        verifier.verifyThat(MatchingConstraintProvider::balancedMentorLoad)
                .given(busy, light, idle, unmatched())
                .penalizesBy(0);
    }

    /** On a whole solution, each soft constraint's points are multiplied by the run's weight for it. */
    @Test
    void weightsMultiplyThePoints() {
        MentorFact mentor = mentor(0, 2);
        MentorshipRequest flagged = People.request("r-flagged").priority(true).build();
        // Affinity 9, 2 goals, first preferred (3), 120 minutes with a 60 minimum (2), priority (1), both
        // boundaries crossed (2); the mentor has 2 mentees (4); one request is unmatched.
        RequestAssignment pair = assigned(flagged, mentor, fit(120, 9, 2, 0, true, true));
        RequestAssignment plain = assigned(mentor, fit());
        MatchingWeights weights = new MatchingWeights(10, 8, 6, 2, 12, 1, 1);
        MatchingSolution solution = new MatchingSolution(List.of(mentor), List.of(pair, plain, unmatched()),
                new MatchingConstraintConfiguration(weights));
        long soft = 10 * 9 + 8 * 2 + 6 * 3 + 2 * 2 + 12 + 2 - 4;
        verifier.verifyThat().givenSolution(solution).scores(HardMediumSoftLongScore.of(0, -1, soft));

        MatchingSolution affinityOnly = new MatchingSolution(List.of(mentor), List.of(pair, plain, unmatched()),
                new MatchingConstraintConfiguration(MatchingWeights.affinityOnly()));
        verifier.verifyThat().givenSolution(affinityOnly).scores(HardMediumSoftLongScore.of(0, -1, 9));
    }

    private MentorFact mentor(int index, int capacity) {
        return new MentorFact(index, People.mentor("m-" + index).capacity(capacity).build());
    }

    private static PairFit fit() {
        return fit(60, 0, 0, -1, false, false);
    }

    private static PairFit fit(int overlapMinutes, int affinity, int goalsMet, int preferenceRank,
            boolean crossesInstitution, boolean crossesCountry) {
        return new PairFit(overlapMinutes, affinity, goalsMet, preferenceRank, crossesInstitution, crossesCountry,
                Set.of());
    }

    private static PairFit breaking(HardRule... rules) {
        return new PairFit(60, 0, 0, -1, false, false, Set.of(rules));
    }

    private RequestAssignment assigned(MentorFact mentor) {
        return assigned(mentor, fit());
    }

    private RequestAssignment assigned(MentorFact mentor, PairFit fit) {
        return assigned(People.request("r-" + nextIndex).build(), mentor, fit);
    }

    private RequestAssignment assigned(MentorshipRequest request, MentorFact mentor, PairFit fit) {
        RequestAssignment assignment = new RequestAssignment(nextIndex++, request, List.of(mentor),
                Map.of(mentor, fit));
        assignment.setMentor(mentor);
        return assignment;
    }

    private RequestAssignment pinned(MentorFact mentor, PairFit fit) {
        RequestAssignment assignment = assigned(mentor, fit);
        assignment.setPinned(true);
        return assignment;
    }

    private RequestAssignment unmatched() {
        return unmatched(People.request("r-" + nextIndex).build());
    }

    private RequestAssignment unmatched(MentorshipRequest request) {
        return new RequestAssignment(nextIndex++, request, List.of(), Map.of());
    }
}
