package org.mentoring.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZoneNamesTest {

    @Test
    void aZoneIsNamedByItsPlaceItsNameAndTheOffsetOfThatDay() {
        assertThat(ZoneNames.of(ZoneId.of("America/Vancouver"), LocalDate.of(2027, 1, 15)))
                .isEqualTo("Vancouver (Pacific Time, UTC-08:00)");
        assertThat(ZoneNames.of(ZoneId.of("America/Vancouver"), LocalDate.of(2027, 7, 15)))
                .isEqualTo("Vancouver (Pacific Time, UTC-07:00)");
        assertThat(ZoneNames.of(ZoneId.of("America/Argentina/Buenos_Aires"), LocalDate.of(2027, 7, 15)))
                .isEqualTo("Buenos Aires (Argentina Time, UTC-03:00)");
        assertThat(ZoneNames.flat(ZoneId.of("Asia/Kolkata"), LocalDate.of(2027, 7, 15)))
                .isEqualTo("Kolkata, India Time, UTC+05:30");
        assertThat(ZoneNames.of(ZoneId.of("UTC"), LocalDate.of(2027, 7, 15))).isEqualTo("UTC");
    }
}
