package org.mentoring.matching.circles;

import java.util.ArrayList;
import java.util.List;
import java.time.ZoneOffset;
import org.mentoring.time.WeeklyOverlap;

/**
 * Meeting windows on the circular UTC week of {@link WeeklyOverlap#toUtcWeek}: minute 0 is Monday 00:00 UTC, and a
 * meeting that starts on Sunday evening may end on Monday morning.
 */
public final class Meetings {

    /** Meetings start on quarter hours of the UTC week. */
    public static final int STEP = 15;

    private Meetings() {
    }

    /** Whether a packed week covers the whole meeting {@code [start, start + minutes)}, wrapping past Sunday. */
    public static boolean covers(int[] week, int start, int minutes) {
        int end = start + minutes;
        if (end <= WeeklyOverlap.MINUTES_PER_WEEK) {
            return coversPlain(week, start, end);
        }
        return coversPlain(week, start, WeeklyOverlap.MINUTES_PER_WEEK)
                && coversPlain(week, 0, end - WeeklyOverlap.MINUTES_PER_WEEK);
    }

    private static boolean coversPlain(int[] week, int start, int end) {
        for (int i = 0; i < week.length; i += 2) {
            if (week[i] <= start && end <= week[i + 1]) {
                return true;
            }
            if (week[i] > start) {
                return false;
            }
        }
        return false;
    }

    /** Every quarter-hour start at which a meeting of that length lies inside the week. */
    public static List<Integer> startsWithin(int[] week, int minutes) {
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start < WeeklyOverlap.MINUTES_PER_WEEK; start += STEP) {
            if (covers(week, start, minutes)) {
                starts.add(start);
            }
        }
        return List.copyOf(starts);
    }

    /** The meeting in UTC, for example {@code Tue 14:00-15:00}. */
    public static String describeUtc(int start, int minutes) {
        return WeeklyOverlap.describe(start, start + minutes, ZoneOffset.UTC);
    }
}
