package org.mentoring.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminRunsControllerTest {

    @Test
    void theChartReadsEachLevelOfAScore() {
        assertThat(AdminRunsController.level("0hard/-54medium/15569soft", "soft")).isEqualTo(15569);
        assertThat(AdminRunsController.level("-2hard/-54medium/-3soft", "medium")).isEqualTo(-54);
        assertThat(AdminRunsController.level(null, "soft")).isZero();
    }

    /** A run that ended before its limit without a proof says when it ended, never "at its limit". */
    @Test
    void whyARunStoppedSaysWhenItDid() {
        assertThat(RunPage.finishWords(completed(6_900, false)))
                .isEqualTo("Finished after 6.9 s of its 10 s limit: a longer limit may find a better result.");
        assertThat(RunPage.finishWords(completed(10_000, false)))
                .isEqualTo("Finished at its 10 s limit: a longer limit may find a better result.");
        assertThat(RunPage.finishWords(completed(1_200, true))).startsWith("Finished after 1.2 s of its 10 s limit: "
                + "its result is proven the best possible");
    }

    private static org.mentoring.matching.model.MatchingRun completed(long elapsedMillis, boolean proven) {
        java.time.Instant at = java.time.Instant.parse("2026-12-01T10:00:00Z");
        return new org.mentoring.matching.model.MatchingRun("run-1", org.mentoring.matching.model.RunStatus.COMPLETED,
                10, null, 1L, "OptaPlanner", "0hard/-3medium/100soft", true, 10, 3, 0, 7, java.util.List.of(), at, at,
                at.plusMillis(elapsedMillis), elapsedMillis, null, null, null, proven);
    }
}
