package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.People;

class MatchingProblemBuilderTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";

    private final Mentor sameParent = People.mentor("m-parent")
            .domains("planetary-health/climate-health/extreme-weather").slots("MON 10:00-11:00").build();
    private final Mentor exact = People.mentor("m-exact").domains(HEAT).slots("MON 10:00-11:00").build();
    private final Mentor noTime = People.mentor("m-no-time").domains(HEAT).slots("TUE 10:00-11:00").build();
    private final Mentor sameRoot = People.mentor("m-root").domains("planetary-health/one-health/zoonoses")
            .slots("MON 10:00-11:00").build();

    @Test
    void keepsOnlyAllowedMentorsBestFitFirst() {
        MentorshipRequest request = People.request("r-1").domains(HEAT).slots("MON 10:00-11:00").build();

        MatchingSolution solution = build(List.of(request), Map.of());

        assertThat(solution.getMentors()).extracting(MentorFact::getExternalId)
                .containsExactly("m-parent", "m-exact", "m-no-time", "m-root");
        RequestAssignment assignment = solution.getAssignments().get(0);
        // Affinity x 10: exact 90, same parent 60, same root 30; m-no-time shares no time.
        assertThat(assignment.getFeasibleMentors()).extracting(MentorFact::getExternalId)
                .containsExactly("m-exact", "m-parent", "m-root");
        assertThat(assignment.getMentor()).isNull();
        assertThat(assignment.isPinned()).isFalse();
        assertThat(assignment.fitWith(solution.getMentors().get(1)).affinity()).isEqualTo(9);
    }

    @Test
    void pinsSettledPairsEvenWhenTheyBreakAPairRule() {
        MentorshipRequest settled = People.request("r-settled").domains(HEAT).slots("MON 10:00-11:00").build();
        MentorshipRequest open = People.request("r-open").domains(HEAT).slots("MON 10:00-11:00").build();

        MatchingSolution solution = build(List.of(open), Map.of(settled, "m-no-time"));

        assertThat(solution.getAssignments()).extracting(RequestAssignment::getExternalId)
                .containsExactly("r-settled", "r-open");
        RequestAssignment pinned = solution.getAssignments().get(0);
        assertThat(pinned.isPinned()).isTrue();
        assertThat(pinned.getMentor().getExternalId()).isEqualTo("m-no-time");
        assertThat(pinned.getFit().breaks(HardRule.TIME_TOGETHER)).isTrue();
        assertThat(solution.matchedCount()).isEqualTo(1);
    }

    @Test
    void aSettledPairWithAMentorNotInTheRunIsRejected() {
        MentorshipRequest settled = People.request("r-settled").build();
        assertThatIllegalArgumentException().isThrownBy(() -> build(List.of(), Map.of(settled, "m-gone")))
                .withMessage("settled mentorship of request r-settled names mentor m-gone, who is not in the run");
    }

    private MatchingSolution build(List<MentorshipRequest> open, Map<MentorshipRequest, String> settled) {
        return MatchingProblemBuilder.build(new MatchingProblem(open, List.of(sameParent, exact, noTime, sameRoot),
                settled, MatchingWeights.defaults(), Duration.ofSeconds(1), 1L));
    }
}
