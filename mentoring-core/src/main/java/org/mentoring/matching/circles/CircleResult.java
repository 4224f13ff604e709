package org.mentoring.matching.circles;

import java.time.Duration;
import java.util.List;

/**
 * The answer of the circle engine: pairs, circles, and the requests placed nowhere.
 *
 * @param score the OptaPlanner score, for example {@code 0hard/-3medium/1520soft}
 * @param placedCount requests placed, one-to-one or in a circle
 * @param provenOptimal no answer can score better: circles were off and the exact pair engine proved its answer
 */
public record CircleResult(
        String score,
        boolean feasible,
        int requestCount,
        int placedCount,
        List<Pair> pairs,
        List<CircleOut> circles,
        List<String> unplaced,
        Duration solvingTime,
        boolean provenOptimal) {

    public CircleResult {
        pairs = List.copyOf(pairs);
        circles = List.copyOf(circles);
        unplaced = List.copyOf(unplaced);
    }

    /** A request placed one-to-one with a mentor. */
    public record Pair(String requestId, String mentorId) {
    }

    /**
     * A circle: its mentor, members and weekly meeting.
     *
     * @param number which of the mentor's circles (1, 2, ...)
     * @param meetingStart the meeting's start in UTC minutes of the week (0 is Monday 00:00 UTC)
     */
    public record CircleOut(String mentorId, int number, List<String> members, int meetingStart, int meetingMinutes) {

        public CircleOut {
            members = List.copyOf(members);
        }

        /** The meeting in UTC, for example {@code Tue 14:00-15:00}. */
        public String meeting() {
            return Meetings.describeUtc(meetingStart, meetingMinutes);
        }
    }
}
