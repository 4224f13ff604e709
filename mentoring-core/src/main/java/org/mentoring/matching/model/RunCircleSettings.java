package org.mentoring.matching.model;

import java.time.LocalDate;

/**
 * The circle settings a run formed mentoring circles with, every default filled in, as kept on the run.
 *
 * @param minSize fewest members of a circle
 * @param maxSize most members of a circle
 * @param meetingMinutes length of the weekly meeting
 * @param startDate the day the circles start
 */
public record RunCircleSettings(int minSize, int maxSize, int meetingMinutes, LocalDate startDate) {
}
