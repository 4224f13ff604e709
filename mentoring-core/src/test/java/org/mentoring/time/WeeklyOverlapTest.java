package org.mentoring.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.people.People.slots;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.people.WeeklySlot;

/**
 * Weekly overlap across zones. Minutes of the UTC week: Monday 00:00 UTC is 0, Tuesday 1440, Wednesday 2880,
 * Saturday 7200, Sunday 8640, the week ends at 10080.
 */
class WeeklyOverlapTest {

    private static final LocalDate SUMMER_IN_NEW_ZEALAND = LocalDate.of(2026, 2, 2);

    @Test
    void acrossTheDateLineATuesdayMorningInAucklandIsAMondayAfternoonInLosAngeles() {
        // 2026-02-02: Auckland +13:00 (daylight time), Los Angeles -08:00.
        // Auckland TUE 09:00-11:00 = Mon 20:00-22:00 UTC = [1200, 1320].
        // Los Angeles MON 13:00-15:00 = Mon 21:00-23:00 UTC = [1260, 1380]. Together [1260, 1320]: 60.
        assertThat(WeeklyOverlap.toUtcWeek(slots("TUE 09:00-11:00"), ZoneOffset.ofHours(13)))
                .containsExactly(1200, 1320);
        assertThat(minutes(slots("TUE 09:00-11:00"), "Pacific/Auckland",
                slots("MON 13:00-15:00"), "America/Los_Angeles", SUMMER_IN_NEW_ZEALAND)).isEqualTo(60);
        // The same weekday on both sides is a day apart: Los Angeles TUE 13:00-15:00 is Tue 21:00-23:00 UTC.
        assertThat(minutes(slots("TUE 09:00-11:00"), "Pacific/Auckland",
                slots("TUE 13:00-15:00"), "America/Los_Angeles", SUMMER_IN_NEW_ZEALAND)).isZero();
    }

    @Test
    void kiritimatiAndPagoPagoAre25HoursApart() {
        // Kiritimati +14:00, Pago Pago -11:00, neither has daylight time.
        // Kiritimati WED 08:00-10:00 = Tue 18:00-20:00 UTC = [2520, 2640]; Pago Pago TUE 07:00-09:00 likewise.
        assertThat(minutes(slots("WED 08:00-10:00"), "Pacific/Kiritimati",
                slots("TUE 07:00-09:00"), "Pacific/Pago_Pago", SUMMER_IN_NEW_ZEALAND)).isEqualTo(120);
        // Pago Pago WED 07:00-09:00 is Wed 18:00-20:00 UTC, a whole day later.
        assertThat(minutes(slots("WED 08:00-10:00"), "Pacific/Kiritimati",
                slots("WED 07:00-09:00"), "Pacific/Pago_Pago", SUMMER_IN_NEW_ZEALAND)).isZero();
        // Kiritimati MON 06:00-08:00 = Sun 16:00-18:00 UTC (360 - 840 wraps to 9600): [9600, 9720].
        // Pago Pago SUN 05:00-07:00 = Sun 16:00-18:00 UTC.
        assertThat(WeeklyOverlap.toUtcWeek(slots("MON 06:00-08:00"), ZoneOffset.ofHours(14)))
                .containsExactly(9600, 9720);
        assertThat(minutes(slots("MON 06:00-08:00"), "Pacific/Kiritimati",
                slots("SUN 05:00-07:00"), "Pacific/Pago_Pago", SUMMER_IN_NEW_ZEALAND)).isEqualTo(120);
    }

    @Test
    void vancouverOffsetChangesOnTheDayDaylightTimeStarts() {
        // 2026-03-08 02:00 PST (10:00 UTC) Vancouver moves to PDT; at 12:00 UTC it is already -07:00.
        ZoneId vancouver = ZoneId.of("America/Vancouver");
        assertThat(WeeklyOverlap.offsetOn(vancouver, LocalDate.of(2026, 3, 7))).isEqualTo(ZoneOffset.ofHours(-8));
        assertThat(WeeklyOverlap.offsetOn(vancouver, LocalDate.of(2026, 3, 8))).isEqualTo(ZoneOffset.ofHours(-7));
        // London is on GMT until 2026-03-29: TUE 15:00-17:00 = [2340, 2460].
        // Vancouver TUE 07:00-09:00 on 03-07 (-8) = Tue 15:00-17:00 UTC: 120 together.
        // On 03-08 (-7) = Tue 14:00-16:00 UTC = [2280, 2400]: together [2340, 2400] = 60.
        assertThat(minutes(slots("TUE 15:00-17:00"), "Europe/London",
                slots("TUE 07:00-09:00"), "America/Vancouver", LocalDate.of(2026, 3, 7))).isEqualTo(120);
        assertThat(minutes(slots("TUE 15:00-17:00"), "Europe/London",
                slots("TUE 07:00-09:00"), "America/Vancouver", LocalDate.of(2026, 3, 8))).isEqualTo(60);
    }

    @Test
    void vancouverOffsetChangesOnTheDayDaylightTimeEnds() {
        // 2026-11-01 02:00 PDT (09:00 UTC) Vancouver moves back to PST. London has been on GMT since 10-25.
        // 10-31 (-7): Vancouver TUE 07:00-09:00 = Tue 14:00-16:00 UTC against London 15:00-17:00: 60.
        // 11-01 (-8): Tue 15:00-17:00 UTC: 120.
        assertThat(minutes(slots("TUE 15:00-17:00"), "Europe/London",
                slots("TUE 07:00-09:00"), "America/Vancouver", LocalDate.of(2026, 10, 31))).isEqualTo(60);
        assertThat(minutes(slots("TUE 15:00-17:00"), "Europe/London",
                slots("TUE 07:00-09:00"), "America/Vancouver", LocalDate.of(2026, 11, 1))).isEqualTo(120);
    }

    @Test
    void londonOffsetChangesOnTheDayBritishSummerTimeStarts() {
        // 2026-03-29 01:00 UTC London moves to BST (+01:00). Nairobi is +03:00 all year.
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(WeeklyOverlap.offsetOn(london, LocalDate.of(2026, 3, 28))).isEqualTo(ZoneOffset.UTC);
        assertThat(WeeklyOverlap.offsetOn(london, LocalDate.of(2026, 3, 29))).isEqualTo(ZoneOffset.ofHours(1));
        // Nairobi TUE 18:00-20:00 = Tue 15:00-17:00 UTC.
        // London TUE 15:00-17:00: on 03-28 Tue 15:00-17:00 UTC (120); on 03-29 Tue 14:00-16:00 UTC (60).
        assertThat(minutes(slots("TUE 18:00-20:00"), "Africa/Nairobi",
                slots("TUE 15:00-17:00"), "Europe/London", LocalDate.of(2026, 3, 28))).isEqualTo(120);
        assertThat(minutes(slots("TUE 18:00-20:00"), "Africa/Nairobi",
                slots("TUE 15:00-17:00"), "Europe/London", LocalDate.of(2026, 3, 29))).isEqualTo(60);
    }

    @Test
    void offsetIsTakenAt12UtcOnTheDateInAuckland() {
        // 2026-04-05 03:00 NZDT (2026-04-04 14:00 UTC) Auckland moves back to +12:00.
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        assertThat(WeeklyOverlap.offsetOn(auckland, LocalDate.of(2026, 4, 4))).isEqualTo(ZoneOffset.ofHours(13));
        assertThat(WeeklyOverlap.offsetOn(auckland, LocalDate.of(2026, 4, 5))).isEqualTo(ZoneOffset.ofHours(12));
    }

    @Test
    void aSundayEveningSlotMeetsAMondayMorningOneAcrossZones() {
        // Auckland MON 08:00-10:00 (+13) = Sun 19:00-21:00 UTC: 480 - 780 wraps to 9780, [9780, 9900].
        // London SUN 19:00-21:00 (GMT) = 8640 + 1140 = [9780, 9900]. Together 120.
        assertThat(WeeklyOverlap.toUtcWeek(slots("MON 08:00-10:00"), ZoneOffset.ofHours(13)))
                .containsExactly(9780, 9900);
        assertThat(minutes(slots("MON 08:00-10:00"), "Pacific/Auckland",
                slots("SUN 19:00-21:00"), "Europe/London", SUMMER_IN_NEW_ZEALAND)).isEqualTo(120);
        // Los Angeles SUN 20:00-23:00 (-8) = 8640 + 1200 + 480 = 10320, wraps to Mon 04:00-07:00 UTC [240, 420].
        // Tokyo MON 13:00-15:00 (+9) = [240, 360]. Together 120.
        assertThat(minutes(slots("SUN 20:00-23:00"), "America/Los_Angeles",
                slots("MON 13:00-15:00"), "Asia/Tokyo", SUMMER_IN_NEW_ZEALAND)).isEqualTo(120);
    }

    @Test
    void aSlotAcrossTheEndOfTheUtcWeekIsSplitInTwo() {
        // Los Angeles SUN 14:00-20:00 (-8) = Sun 22:00 UTC to Mon 04:00 UTC: [9960, 10080] and [0, 240].
        assertThat(WeeklyOverlap.toUtcWeek(slots("SUN 14:00-20:00"), ZoneOffset.ofHours(-8)))
                .containsExactly(0, 240, 9960, 10080);
        // London SUN 23:00-24:00 [10020, 10080] and MON 00:00-01:00 [0, 60]: 60 + 60 together.
        assertThat(minutes(slots("SUN 14:00-20:00"), "America/Los_Angeles",
                slots("SUN 23:00-24:00", "MON 00:00-01:00"), "Europe/London", SUMMER_IN_NEW_ZEALAND))
                .isEqualTo(120);
    }

    @Test
    void halfHourAnd45MinuteZones() {
        // Kolkata +05:30: WED 10:00-11:00 = 2880 + 600 - 330 = [3150, 3210] (Wed 04:30-05:30 UTC).
        // Kathmandu +05:45: WED 10:00-11:00 = 2880 + 600 - 345 = [3135, 3195] (Wed 04:15-05:15 UTC).
        // Together [3150, 3195]: 45 minutes.
        assertThat(WeeklyOverlap.toUtcWeek(slots("WED 10:00-11:00"), ZoneOffset.ofHoursMinutes(5, 45)))
                .containsExactly(3135, 3195);
        assertThat(minutes(slots("WED 10:00-11:00"), "Asia/Kolkata",
                slots("WED 10:00-11:00"), "Asia/Kathmandu", SUMMER_IN_NEW_ZEALAND)).isEqualTo(45);
        // Kolkata MON 05:00-06:00 = 300 - 330 = -30: Sun 23:30 UTC to Mon 00:30 UTC, [10050, 10080] and [0, 30].
        assertThat(WeeklyOverlap.toUtcWeek(slots("MON 05:00-06:00"), ZoneOffset.ofHoursMinutes(5, 30)))
                .containsExactly(0, 30, 10050, 10080);
        // Kathmandu MON 05:00-06:00 = 300 - 345 = -45: [10035, 10080] and [0, 15]. Together 30 + 15.
        assertThat(minutes(slots("MON 05:00-06:00"), "Asia/Kolkata",
                slots("MON 05:00-06:00"), "Asia/Kathmandu", SUMMER_IN_NEW_ZEALAND)).isEqualTo(45);
    }

    @Test
    void overlappingSlotsOfOnePersonAreNotCountedTwice() {
        // TUE 09:00-11:00, 10:00-12:00, 11:00-11:30 and the touching 12:00-13:00 merge into 09:00-13:00,
        // [1440 + 540, 1440 + 780] = [1980, 2220], 240 minutes.
        List<WeeklySlot> mentor = slots("TUE 10:00-12:00", "TUE 09:00-11:00", "TUE 11:00-11:30", "TUE 12:00-13:00");
        int[] week = WeeklyOverlap.toUtcWeek(mentor, ZoneOffset.UTC);
        assertThat(week).containsExactly(1980, 2220);
        assertThat(WeeklyOverlap.length(week)).isEqualTo(240);
        // A researcher free TUE 08:00-12:00 shares 09:00-12:00 with them: 180, not 120 + 120 + 30 + 0.
        assertThat(minutes(slots("TUE 08:00-12:00"), "UTC", mentor, "UTC", SUMMER_IN_NEW_ZEALAND)).isEqualTo(180);
        // Both sides overlapping themselves: the researcher's TUE 08:00-10:00 and 09:00-12:00 are 08:00-12:00.
        assertThat(minutes(slots("TUE 08:00-10:00", "TUE 09:00-12:00"), "UTC", mentor, "UTC",
                SUMMER_IN_NEW_ZEALAND)).isEqualTo(180);
    }

    @Test
    void aSlotEndingAtMidnightRunsToTheEndOfItsDay() {
        WeeklySlot saturdayNight = new WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT);
        assertThat(saturdayNight.minutes()).isEqualTo(120);
        assertThat(saturdayNight.endMinuteOfDay()).isEqualTo(1440);
        // SAT 22:00-24:00 in UTC: 7200 + 1320 = [8520, 8640].
        assertThat(WeeklyOverlap.toUtcWeek(List.of(saturdayNight), ZoneOffset.UTC)).containsExactly(8520, 8640);
        // SUN 22:00-24:00 in UTC ends exactly at the end of the week: [9960, 10080], no wrap.
        assertThat(WeeklyOverlap.toUtcWeek(slots("SUN 22:00-24:00"), ZoneOffset.UTC)).containsExactly(9960, 10080);
        // Paris SUN 22:00-24:00 (+01:00 in February) = [9900, 10020]: meets UTC SUN 22:00-23:00 for 60
        // and UTC SUN 23:00-24:00 not at all.
        assertThat(minutes(slots("SUN 22:00-24:00"), "Europe/Paris", slots("SUN 22:00-23:00"), "UTC",
                SUMMER_IN_NEW_ZEALAND)).isEqualTo(60);
        assertThat(minutes(slots("SUN 22:00-24:00"), "Europe/Paris", slots("SUN 23:00-00:00"), "UTC",
                SUMMER_IN_NEW_ZEALAND)).isZero();
        // Los Angeles SUN 22:00-24:00 (-8) = 8640 + 1320 + 480 = 10440, wraps to Mon 06:00-08:00 UTC.
        assertThat(WeeklyOverlap.toUtcWeek(slots("SUN 22:00-24:00"), ZoneOffset.ofHours(-8)))
                .containsExactly(360, 480);
    }

    @Test
    void intersectionIntervalsAndTheirLocalDescription() {
        // Kolkata and Kathmandu WED 10:00-11:00 share [3150, 3195]: Wed 10:00-10:45 in Kolkata,
        // Wed 10:15-11:00 in Kathmandu.
        int[] common = WeeklyOverlap.intersectionIntervals(
                WeeklyOverlap.toUtcWeek(slots("WED 10:00-11:00"), ZoneOffset.ofHoursMinutes(5, 30)),
                WeeklyOverlap.toUtcWeek(slots("WED 10:00-11:00"), ZoneOffset.ofHoursMinutes(5, 45)));
        assertThat(common).containsExactly(3150, 3195);
        assertThat(WeeklyOverlap.describe(3150, 3195, ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo("Wed 10:00-10:45");
        assertThat(WeeklyOverlap.describe(3150, 3195, ZoneOffset.ofHoursMinutes(5, 45))).isEqualTo("Wed 10:15-11:00");
        // Sat 22:00-24:00 UTC described in UTC ends at 24:00; in Los Angeles it is Sat 14:00-16:00;
        // in Tokyo (+9) it crosses into Sunday: Sun 07:00-09:00.
        assertThat(WeeklyOverlap.describe(8520, 8640, ZoneOffset.UTC)).isEqualTo("Sat 22:00-24:00");
        assertThat(WeeklyOverlap.describe(8520, 8640, ZoneOffset.ofHours(-8))).isEqualTo("Sat 14:00-16:00");
        assertThat(WeeklyOverlap.describe(8520, 8640, ZoneOffset.ofHours(9))).isEqualTo("Sun 07:00-09:00");
        // Sat 23:00 UTC to Sun 01:00 UTC seen from UTC crosses midnight.
        assertThat(WeeklyOverlap.describe(8580, 8700, ZoneOffset.UTC)).isEqualTo("Sat 23:00-Sun 01:00");
        // Whole days merged: Sat 00:00 to Mon 00:00 UTC, 48 hours, ends two midnights later.
        assertThat(WeeklyOverlap.describe(7200, 10080, ZoneOffset.UTC)).isEqualTo("Sat 00:00-Mon 00:00");
        assertThat(WeeklyOverlap.describe(7200, 8640, ZoneOffset.UTC)).isEqualTo("Sat 00:00-24:00");
    }

    @Test
    void nobodyAvailableMeansNoTimeTogether() {
        assertThat(minutes(List.of(), "UTC", slots("TUE 09:00-17:00"), "UTC", SUMMER_IN_NEW_ZEALAND)).isZero();
        assertThat(WeeklyOverlap.toUtcWeek(List.of(), ZoneOffset.UTC)).isEmpty();
    }

    private static int minutes(List<WeeklySlot> a, String zoneA, List<WeeklySlot> b, String zoneB, LocalDate date) {
        return WeeklyOverlap.minutes(a, ZoneId.of(zoneA), b, ZoneId.of(zoneB), date);
    }
}
