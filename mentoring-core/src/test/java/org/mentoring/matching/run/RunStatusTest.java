package org.mentoring.matching.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.matching.model.RunStatus.CANCELLED;
import static org.mentoring.matching.model.RunStatus.COMPLETED;
import static org.mentoring.matching.model.RunStatus.FAILED;
import static org.mentoring.matching.model.RunStatus.QUEUED;
import static org.mentoring.matching.model.RunStatus.SOLVING;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mentoring.matching.model.RunStatus;

class RunStatusTest {

    @Test
    void aQueuedRunSolvesOrEndsWithoutAResult() {
        assertThat(QUEUED.canMoveTo(SOLVING)).isTrue();
        assertThat(QUEUED.canMoveTo(CANCELLED)).isTrue();
        assertThat(QUEUED.canMoveTo(FAILED)).isTrue();
        assertThat(QUEUED.canMoveTo(COMPLETED)).as("a run completes only after solving").isFalse();
        assertThat(QUEUED.canMoveTo(QUEUED)).isFalse();
    }

    @Test
    void aSolvingRunCompletesIsCancelledOrFails() {
        assertThat(SOLVING.canMoveTo(COMPLETED)).isTrue();
        assertThat(SOLVING.canMoveTo(CANCELLED)).isTrue();
        assertThat(SOLVING.canMoveTo(FAILED)).isTrue();
        assertThat(SOLVING.canMoveTo(QUEUED)).isFalse();
        assertThat(SOLVING.canMoveTo(SOLVING)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = RunStatus.class, names = {"COMPLETED", "CANCELLED", "FAILED"})
    void anEndedRunNeverMovesAgain(RunStatus ended) {
        for (RunStatus next : RunStatus.values()) {
            assertThat(ended.canMoveTo(next)).as(ended + " to " + next).isFalse();
        }
        assertThat(ended.isActive()).isFalse();
    }

    @Test
    void onlyQueuedAndSolvingRunsAreActive() {
        assertThat(QUEUED.isActive()).isTrue();
        assertThat(SOLVING.isActive()).isTrue();
    }

    @Test
    void sourcesAreTheStatusesAllowedToMoveToTheTarget() {
        assertThat(RunStatus.sourcesOf(SOLVING)).containsExactly(QUEUED);
        assertThat(RunStatus.sourcesOf(COMPLETED)).containsExactly(SOLVING);
        assertThat(RunStatus.sourcesOf(CANCELLED)).containsExactlyInAnyOrder(QUEUED, SOLVING);
        assertThat(RunStatus.sourcesOf(FAILED)).containsExactlyInAnyOrder(QUEUED, SOLVING);
        assertThat(RunStatus.sourcesOf(QUEUED)).isEqualTo(EnumSet.noneOf(RunStatus.class));
    }
}
