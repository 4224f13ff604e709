package org.mentoring.mentorship;

import java.time.LocalDate;
import java.util.List;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.Side;

/**
 * What one side of a mentorship is told about the other: how to reach them and when they can meet, in the reader's
 * own local time, with the programme's first steps. Only the two people of the mentorship (and coordinators) read it.
 *
 * @param reader the side this introduction is written for
 * @param sharedTimes the weekly times both are available, each in the reader's local time, for example
 *     {@code Tuesdays 14:00-15:00 (your time: Nairobi, Eastern Africa Time, UTC+03:00)}; empty when they share none
 * @param clocksChange whether either zone changes its clocks during the mentorship, so that the shared times, worked
 *     out for the start date, may move by an hour
 */
public record Introduction(
        String mentorshipId,
        Side reader,
        String readerName,
        String readerTimeZone,
        String otherName,
        String otherEmail,
        String otherInstitution,
        String otherTimeZone,
        List<String> sharedTimes,
        boolean clocksChange,
        String firstSteps,
        LocalDate startDate,
        LocalDate endDate,
        MentorshipStatus status) {

    /** "Your mentor" or "Your mentee". */
    public String otherRole() {
        return reader == Side.RESEARCHER ? "Your mentor" : "Your mentee";
    }
}
