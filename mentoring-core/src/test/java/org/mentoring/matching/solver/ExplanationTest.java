package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    @Test
    void eachReaderGetsTheirOwnLinesInTheSameOrder() {
        Explanation explanation = Explanation.of(List.of(
                new Wording("You ranked this mentor first", "They ranked you first",
                        "The researcher ranked them first"),
                Wording.same("Shared language: English")));

        assertThat(explanation.to(Audience.RESEARCHER))
                .containsExactly("You ranked this mentor first", "Shared language: English");
        assertThat(explanation.to(Audience.MENTOR))
                .containsExactly("They ranked you first", "Shared language: English");
        assertThat(explanation.to(Audience.ADMIN))
                .containsExactly("The researcher ranked them first", "Shared language: English");
    }

    @Test
    void anExplanationStoredBeforeWordingPerReaderShowsItsOnlyLinesToEveryone() {
        Explanation old = new Explanation(List.of("Research domains: heat-health matches exactly (your first choice)"),
                null, null);

        assertThat(old.to(Audience.MENTOR)).isEqualTo(old.to(Audience.RESEARCHER)).hasSize(1);
        assertThat(old.to(Audience.ADMIN)).isEqualTo(old.to(Audience.RESEARCHER));
        assertThat(new Explanation(null, null, null).to(Audience.MENTOR)).isEmpty();
    }
}
