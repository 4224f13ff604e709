package org.mentoring.matching.run;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.mentoring.matching.persistence.RunCircleDocument;
import org.mentoring.time.WeeklyOverlap;

/**
 * A mentoring circle a run formed, as an admin reads it.
 *
 * @param members the requests' externalIds
 * @param day the weekday of the weekly meeting, in UTC
 * @param start the meeting's start, in UTC
 * @param end the meeting's end, in UTC (on the next day when the meeting crosses midnight UTC)
 * @param explanation why each member is in this circle (a line per member)
 * @param memberExplanations why, as each member reads it, by request externalId
 */
public record RunCircle(String id, String mentorExternalId, List<String> members, DayOfWeek day, LocalTime start,
        LocalTime end, int meetingStart, int meetingMinutes, LocalDate startDate, List<String> explanation,
        Map<String, List<String>> memberExplanations) {

    static RunCircle of(RunCircleDocument doc) {
        int minute = Math.floorMod(doc.meetingStart(), WeeklyOverlap.MINUTES_PER_WEEK);
        int endMinute = (minute + doc.meetingMinutes()) % (24 * 60);
        return new RunCircle(doc.id(), doc.mentorExternalId(), doc.members(), DayOfWeek.of(minute / (24 * 60) + 1),
                LocalTime.of(minute % (24 * 60) / 60, minute % 60), LocalTime.of(endMinute / 60, endMinute % 60),
                doc.meetingStart(), doc.meetingMinutes(), doc.startDate(), doc.explanation(),
                doc.memberExplanations());
    }
}
