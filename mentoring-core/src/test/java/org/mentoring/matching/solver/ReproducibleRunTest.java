package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;

/** The same inputs, weights and seed give the same answer: a run can be repeated and audited. */
class ReproducibleRunTest {

    @Test
    void sameInputsWeightsAndSeedGiveTheSamePairsScoreAndReasons() {
        CommunityGenerator.Community community = new CommunityGenerator(7).generate(200, 50);
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(2), 42);

        MatchingResult first = new MatchingEngine().solve(problem);
        MatchingResult second = new MatchingEngine().solve(problem);

        assertThat(first.proposals()).isNotEmpty();
        assertThat(second.score()).isEqualTo(first.score());
        assertThat(second.proposals()).isEqualTo(first.proposals());
        assertThat(second.unmatched()).isEqualTo(first.unmatched());
    }
}
