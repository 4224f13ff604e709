package org.mentoring.matching.run;

import java.time.LocalDate;
import java.util.List;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.circles.CircleSettings;

/**
 * A run's {@code circles} setting as an admin gives it: the run also forms mentoring circles. Every part is optional:
 * {@value CircleSettings#DEFAULT_MIN_SIZE} to {@value CircleSettings#DEFAULT_MAX_SIZE} members, meetings of
 * {@value CircleSettings#DEFAULT_MEETING_MINUTES} minutes, starting on the run's cycle's {@code startsOn} (or the
 * run's date).
 */
public record RunCircles(Integer minSize, Integer maxSize, Integer meetingMinutes, LocalDate startDate) {

    /** Every part at its default. */
    public static RunCircles defaults() {
        return new RunCircles(null, null, null, null);
    }

    /** What is wrong with these settings, each error naming its field ({@code circles.minSize}...); empty if fine. */
    List<InvalidInputException.FieldError> errors() {
        try {
            settings(startDate == null ? LocalDate.of(2000, 1, 1) : startDate);
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }

    /** The settings with the defaults filled in; {@code defaultStartDate} when no start date was given. */
    CircleSettings settings(LocalDate defaultStartDate) {
        return CircleSettings.of(minSize, maxSize, meetingMinutes, startDate, defaultStartDate);
    }
}
