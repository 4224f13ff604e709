package org.mentoring.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class WeeklySlotTest {

    @Test
    void readsTheCsvForm() {
        assertThat(WeeklySlot.parse("TUE 14:00-16:00"))
                .isEqualTo(new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(16, 0)));
        assertThat(WeeklySlot.parse(" wednesday 9:30 - 10:45 "))
                .isEqualTo(new WeeklySlot(DayOfWeek.WEDNESDAY, LocalTime.of(9, 30), LocalTime.of(10, 45)));
        assertThat(WeeklySlot.parse("Thu 09:00-10:30").minutes()).isEqualTo(90);
    }

    @Test
    void midnightAsAnEndIsTheEndOfTheDay() {
        WeeklySlot written24 = WeeklySlot.parse("SAT 22:00-24:00");
        assertThat(written24).isEqualTo(WeeklySlot.parse("SAT 22:00-00:00"));
        assertThat(written24.end()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(written24.endMinuteOfDay()).isEqualTo(24 * 60);
        assertThat(written24.minutes()).isEqualTo(120);
        assertThat(written24.toText()).isEqualTo("SAT 22:00-24:00");
        assertThat(WeeklySlot.parse("MON 00:00-24:00").minutes()).isEqualTo(24 * 60);
    }

    @Test
    void rejectsASlotThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("TUE 16:00-14:00"))
                .withMessage("slot on TUESDAY ends at 14:00, not after its start 16:00");
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("TUE 14:00-14:00"))
                .withMessageContaining("not after its start 14:00");
        // A slot never crosses midnight: 23:00-01:00 is two slots.
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("FRI 23:00-01:00"))
                .withMessageContaining("not after its start 23:00");
    }

    @Test
    void rejectsABadDay() {
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("XYZ 10:00-11:00"))
                .withMessage("'XYZ' is not a day of the week");
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("TUES 10:00-11:00"))
                .withMessage("'TUES' is not a day of the week");
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("TU 10:00-11:00"))
                .withMessageContaining("is not written like 'TUE 14:00-16:00'");
    }

    @Test
    void rejectsABadTime() {
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("TUE 25:00-26:00"))
                .withMessage("'25:00' is not a time like 14:00");
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("TUE 10:00-10:60"))
                .withMessage("'10:60' is not a time like 14:00");
        // 24:00 is the end of a day, never the start of a slot (it was read as 00:00 of the same day).
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("TUE 24:00-01:00"))
                .withMessage("availability 'TUE 24:00-01:00' starts at 24:00, the end of the day; "
                        + "write 00:00 of the next day");
    }

    @Test
    void rejectsTextOfAnotherShape() {
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse("TUE 9-10"))
                .withMessage("availability 'TUE 9-10' is not written like 'TUE 14:00-16:00'");
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse(null))
                .withMessageContaining("is not written like");
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklySlot.parse(""))
                .withMessageContaining("is not written like");
    }

    @Test
    void timesAreWholeMinutes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0, 30), LocalTime.of(10, 0)))
                .withMessage("slot times are whole minutes");
    }
}
