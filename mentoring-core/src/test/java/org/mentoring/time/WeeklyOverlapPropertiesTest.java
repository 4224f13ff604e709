package org.mentoring.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mentoring.people.WeeklySlot;

/** Laws of the weekly overlap that hold for any slots and any offsets. */
class WeeklyOverlapPropertiesTest {

    @Property
    void overlapIsSymmetric(@ForAll("slots") List<WeeklySlot> a, @ForAll("offsets") ZoneOffset zoneA,
            @ForAll("slots") List<WeeklySlot> b, @ForAll("offsets") ZoneOffset zoneB) {
        int[] weekA = WeeklyOverlap.toUtcWeek(a, zoneA);
        int[] weekB = WeeklyOverlap.toUtcWeek(b, zoneB);

        assertThat(WeeklyOverlap.intersection(weekA, weekB)).isEqualTo(WeeklyOverlap.intersection(weekB, weekA));
    }

    @Property
    void overlapLiesBetweenZeroAndTheShorterSide(@ForAll("slots") List<WeeklySlot> a,
            @ForAll("offsets") ZoneOffset zoneA, @ForAll("slots") List<WeeklySlot> b,
            @ForAll("offsets") ZoneOffset zoneB) {
        int[] weekA = WeeklyOverlap.toUtcWeek(a, zoneA);
        int[] weekB = WeeklyOverlap.toUtcWeek(b, zoneB);

        int overlap = WeeklyOverlap.intersection(weekA, weekB);

        assertThat(overlap).isBetween(0, Math.min(WeeklyOverlap.length(weekA), WeeklyOverlap.length(weekB)));
        assertThat(WeeklyOverlap.length(WeeklyOverlap.intersectionIntervals(weekA, weekB))).isEqualTo(overlap);
    }

    @Property
    void aSideCoversAtMostItsSlotsAndIsSortedDisjointWithinTheWeek(@ForAll("slots") List<WeeklySlot> slots,
            @ForAll("offsets") ZoneOffset zone) {
        int[] week = WeeklyOverlap.toUtcWeek(slots, zone);

        assertThat(WeeklyOverlap.length(week))
                .isBetween(slots.stream().mapToInt(WeeklySlot::minutes).max().orElse(0),
                        slots.stream().mapToInt(WeeklySlot::minutes).sum());
        for (int i = 0; i < week.length; i += 2) {
            assertThat(week[i]).isBetween(0, WeeklyOverlap.MINUTES_PER_WEEK);
            assertThat(week[i + 1]).isBetween(week[i] + 1, WeeklyOverlap.MINUTES_PER_WEEK);
            if (i > 0) {
                assertThat(week[i]).isGreaterThan(week[i - 1]);
            }
        }
    }

    @Property
    void shiftingBothZonesByTheSameAmountKeepsTheOverlap(@ForAll("slots") List<WeeklySlot> a,
            @ForAll("offsets") ZoneOffset zoneA, @ForAll("slots") List<WeeklySlot> b,
            @ForAll("offsets") ZoneOffset zoneB, @ForAll @IntRange(min = -360, max = 240) int shiftMinutes) {
        int before = WeeklyOverlap.intersection(WeeklyOverlap.toUtcWeek(a, zoneA), WeeklyOverlap.toUtcWeek(b, zoneB));

        int after = WeeklyOverlap.intersection(WeeklyOverlap.toUtcWeek(a, shifted(zoneA, shiftMinutes)),
                WeeklyOverlap.toUtcWeek(b, shifted(zoneB, shiftMinutes)));

        assertThat(after).isEqualTo(before);
    }

    @Property
    void mergingSlotsNeverOverlapsMoreThanTheParts(@ForAll("slots") List<WeeklySlot> a,
            @ForAll("slots") List<WeeklySlot> extra, @ForAll("offsets") ZoneOffset zoneA,
            @ForAll("slots") List<WeeklySlot> b, @ForAll("offsets") ZoneOffset zoneB) {
        int[] weekB = WeeklyOverlap.toUtcWeek(b, zoneB);
        List<WeeklySlot> merged = new ArrayList<>(a);
        merged.addAll(extra);
        int[] weekMerged = WeeklyOverlap.toUtcWeek(merged, zoneA);

        int overlapA = WeeklyOverlap.intersection(WeeklyOverlap.toUtcWeek(a, zoneA), weekB);
        int overlapExtra = WeeklyOverlap.intersection(WeeklyOverlap.toUtcWeek(extra, zoneA), weekB);
        int overlapMerged = WeeklyOverlap.intersection(weekMerged, weekB);

        assertThat(overlapMerged)
                .isGreaterThanOrEqualTo(Math.max(overlapA, overlapExtra))
                .isLessThanOrEqualTo(overlapA + overlapExtra)
                .isLessThanOrEqualTo(WeeklyOverlap.length(weekMerged));
    }

    @Property
    void aSideOverlapsItselfEntirely(@ForAll("slots") List<WeeklySlot> a, @ForAll("offsets") ZoneOffset zone) {
        int[] week = WeeklyOverlap.toUtcWeek(a, zone);

        assertThat(WeeklyOverlap.intersection(week, week)).isEqualTo(WeeklyOverlap.length(week));
    }

    @Provide
    Arbitrary<List<WeeklySlot>> slots() {
        return slot().list().ofMinSize(0).ofMaxSize(8);
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        // Real offsets run from -12:00 to +14:00 in steps of 15 minutes; shifted by -6h..+4h they stay within ±18h.
        return Arbitraries.integers().between(-48, 56).map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 15 * 60));
    }

    static Arbitrary<WeeklySlot> slot() {
        Arbitrary<DayOfWeek> day = Arbitraries.of(DayOfWeek.class);
        Arbitrary<Integer> start = Arbitraries.integers().between(0, 24 * 60 - 1);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 24 * 60);
        return Combinators.combine(day, start, length).as((d, s, l) -> {
            int end = Math.min(s + l, 24 * 60);
            return new WeeklySlot(d, LocalTime.ofSecondOfDay(s * 60L),
                    end == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(end * 60L));
        });
    }

    private static ZoneOffset shifted(ZoneOffset offset, int minutes) {
        return ZoneOffset.ofTotalSeconds(offset.getTotalSeconds() + minutes * 60);
    }
}
