package org.mentoring.matching.circles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mentoring.common.InvalidInputException;

/**
 * A run's circle settings, PRODUCT.md's {@code "circles": {"minSize", "maxSize", "meetingMinutes", "startDate"}}.
 *
 * @param minSize fewest members of a circle (at least 2)
 * @param maxSize most members of a circle (at least minSize, at most 12)
 * @param meetingMinutes length of the weekly meeting: 30 to 180 minutes in steps of 15
 * @param startDate the date circles start: each person's weekly slots are turned into UTC with their zone's offset at
 *     12:00 UTC on it, and every circle's mentor must be available on it
 */
public record CircleSettings(int minSize, int maxSize, int meetingMinutes, LocalDate startDate) {

    public static final int DEFAULT_MIN_SIZE = 3;
    public static final int DEFAULT_MAX_SIZE = 6;
    public static final int DEFAULT_MEETING_MINUTES = 60;
    public static final int LARGEST = 12;

    /** @throws InvalidInputException naming each wrong field ({@code circles.minSize}, ...) */
    public CircleSettings {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (minSize < 2 || minSize > LARGEST) {
            errors.add(new InvalidInputException.FieldError("circles.minSize",
                    "a circle needs at least 2 and at most " + LARGEST + " members, not " + minSize));
        }
        if (maxSize < 2 || maxSize > LARGEST) {
            errors.add(new InvalidInputException.FieldError("circles.maxSize",
                    "a circle holds at least 2 and at most " + LARGEST + " members, not " + maxSize));
        } else if (maxSize < minSize) {
            errors.add(new InvalidInputException.FieldError("circles.maxSize",
                    "the largest circle (" + maxSize + ") cannot be smaller than the smallest (" + minSize + ")"));
        }
        if (meetingMinutes < 30 || meetingMinutes > 180 || meetingMinutes % 15 != 0) {
            errors.add(new InvalidInputException.FieldError("circles.meetingMinutes",
                    "a weekly meeting lasts 30 to 180 minutes in steps of 15 minutes, not " + meetingMinutes));
        }
        if (startDate == null) {
            errors.add(new InvalidInputException.FieldError("circles.startDate",
                    "give the date circles start, like 2027-03-01"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the circle settings are not valid", errors);
        }
    }

    /**
     * The settings a run gives, each missing one taking its default (3, 6, 60 and the given default date).
     *
     * @throws InvalidInputException naming each wrong field
     */
    public static CircleSettings of(Integer minSize, Integer maxSize, Integer meetingMinutes, LocalDate startDate,
            LocalDate defaultStartDate) {
        return new CircleSettings(minSize == null ? DEFAULT_MIN_SIZE : minSize,
                maxSize == null ? DEFAULT_MAX_SIZE : maxSize,
                meetingMinutes == null ? DEFAULT_MEETING_MINUTES : meetingMinutes,
                startDate == null ? defaultStartDate : startDate);
    }

    /** The defaults, starting on the date given. */
    public static CircleSettings defaults(LocalDate startDate) {
        return of(null, null, null, null, startDate);
    }
}
