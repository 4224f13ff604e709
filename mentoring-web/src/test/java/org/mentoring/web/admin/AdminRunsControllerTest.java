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
}
