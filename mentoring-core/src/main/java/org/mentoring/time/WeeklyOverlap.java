package org.mentoring.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mentoring.people.WeeklySlot;

/**
 * Weekly time together between two people in different time zones.
 *
 * <p>Each side's slots are local times in its own IANA zone. Both are turned into minutes of a UTC week (Monday
 * 00:00 UTC is minute 0) with each zone's offset at 12:00 UTC on the reference date (the request's start date), on
 * a circular week: a slot pushed past Sunday midnight wraps to Monday. Each side's slots are first merged, so
 * overlapping slots of one person are not counted twice.
 */
public final class WeeklyOverlap {

    public static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    private WeeklyOverlap() {
    }

    /** The offset of a zone at 12:00 UTC on a date, as PRODUCT.md's rule 2 says. */
    public static ZoneOffset offsetOn(ZoneId zone, LocalDate date) {
        return zone.getRules().getOffset(ZonedDateTime.of(date, LocalTime.NOON, ZoneOffset.UTC).toInstant());
    }

    /** Minutes a week that both sides are available. */
    public static int minutes(List<WeeklySlot> a, ZoneId zoneA, List<WeeklySlot> b, ZoneId zoneB, LocalDate date) {
        return intersection(toUtcWeek(a, offsetOn(zoneA, date)), toUtcWeek(b, offsetOn(zoneB, date)));
    }

    /**
     * The slots as sorted, merged, disjoint half-open intervals {@code [start, end)} of UTC minutes of the week,
     * packed as {@code [s0, e0, s1, e1, ...]}, each within {@code [0, MINUTES_PER_WEEK]}.
     */
    public static int[] toUtcWeek(List<WeeklySlot> slots, ZoneOffset offset) {
        int shift = offset.getTotalSeconds() / 60;
        List<int[]> intervals = new ArrayList<>(slots.size() + 1);
        for (WeeklySlot slot : slots) {
            int dayStart = (slot.day().getValue() - DayOfWeek.MONDAY.getValue()) * 24 * 60;
            int start = Math.floorMod(dayStart + slot.startMinuteOfDay() - shift, MINUTES_PER_WEEK);
            int end = start + slot.minutes();
            if (end <= MINUTES_PER_WEEK) {
                intervals.add(new int[] {start, end});
            } else {
                intervals.add(new int[] {start, MINUTES_PER_WEEK});
                intervals.add(new int[] {0, end - MINUTES_PER_WEEK});
            }
        }
        intervals.sort((x, y) -> Integer.compare(x[0], y[0]));
        int[] packed = new int[intervals.size() * 2];
        int n = 0;
        for (int[] interval : intervals) {
            if (n > 0 && interval[0] <= packed[n - 1]) {
                packed[n - 1] = Math.max(packed[n - 1], interval[1]);
            } else {
                packed[n++] = interval[0];
                packed[n++] = interval[1];
            }
        }
        return Arrays.copyOf(packed, n);
    }

    /** Total length of the intersection of two packed interval lists from {@link #toUtcWeek}. */
    public static int intersection(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int total = 0;
        while (i < a.length && j < b.length) {
            int start = Math.max(a[i], b[j]);
            int end = Math.min(a[i + 1], b[j + 1]);
            if (end > start) {
                total += end - start;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return total;
    }

    /** The intersection of two packed interval lists from {@link #toUtcWeek}, packed the same way. */
    public static int[] intersectionIntervals(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int start = Math.max(a[i], b[j]);
            int end = Math.min(a[i + 1], b[j + 1]);
            if (end > start) {
                if (n > 0 && out[n - 1] == start) {
                    out[n - 1] = end;
                } else {
                    out[n++] = start;
                    out[n++] = end;
                }
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Writes a UTC minute-of-week interval in a zone's local time, for example {@code Tue 17:00-19:00}.
     */
    public static String describe(int startUtc, int endUtc, ZoneOffset offset) {
        int shift = offset.getTotalSeconds() / 60;
        int start = Math.floorMod(startUtc + shift, MINUTES_PER_WEEK);
        int length = endUtc - startUtc;
        int end = start + length;
        int day = 24 * 60;
        boolean sameDay = end / day == start / day;
        boolean toMidnight = end % day == 0 && end / day == start / day + 1;
        return dayTime(start) + "-" + (sameDay || toMidnight
                ? time(toMidnight ? day : end % day)
                : dayTime(end % MINUTES_PER_WEEK));
    }

    private static String dayTime(int minuteOfWeek) {
        DayOfWeek day = DayOfWeek.of(minuteOfWeek / (24 * 60) + 1);
        String name = day.name();
        return name.charAt(0) + name.substring(1, 3).toLowerCase(java.util.Locale.ROOT) + " "
                + time(minuteOfWeek % (24 * 60));
    }

    private static String time(int minuteOfDay) {
        // as String.format("%02d:%02d", ...) (0 to 24 hours), without parsing a format each time
        int hours = minuteOfDay / 60;
        int minutes = minuteOfDay % 60;
        return new String(new char[] {(char) ('0' + hours / 10), (char) ('0' + hours % 10), ':',
            (char) ('0' + minutes / 10), (char) ('0' + minutes % 10)});
    }

    /** Total minutes covered by a packed interval list. */
    public static int length(int[] packed) {
        int total = 0;
        for (int i = 0; i < packed.length; i += 2) {
            total += packed[i + 1] - packed[i];
        }
        return total;
    }
}
