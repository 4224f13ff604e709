package org.mentoring.people;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One weekly window of availability in its owner's local time, for example Tuesday 14:00 to 16:00.
 * An {@code end} of 00:00 means midnight at the end of the day (so 22:00 to 00:00 is two hours);
 * a slot never crosses midnight: write two slots instead.
 */
public record WeeklySlot(DayOfWeek day, LocalTime start, LocalTime end) {

    private static final Pattern TEXT = Pattern.compile(
            "\\s*([A-Za-z]{3,9})\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    public WeeklySlot {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getSecond() != 0 || end.getSecond() != 0 || start.getNano() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("slot times are whole minutes");
        }
        if (endMinute(end) <= start.toSecondOfDay() / 60) {
            throw new IllegalArgumentException(
                    "slot on " + day + " ends at " + end + ", not after its start " + start);
        }
    }

    /** Minutes after local midnight on {@link #day} at which the slot starts. */
    public int startMinuteOfDay() {
        return start.toSecondOfDay() / 60;
    }

    /** Minutes after local midnight on {@link #day} at which the slot ends (1440 for midnight). */
    public int endMinuteOfDay() {
        return endMinute(end);
    }

    public int minutes() {
        return endMinuteOfDay() - startMinuteOfDay();
    }

    private static int endMinute(LocalTime end) {
        int minute = end.toSecondOfDay() / 60;
        return minute == 0 ? 24 * 60 : minute;
    }

    /**
     * Reads the CSV form {@code TUE 14:00-16:00} (day names in English, three letters or whole; "24:00" allowed only
     * as an end).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static WeeklySlot parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "availability '" + shown(text) + "' is not written like 'TUE 14:00-16:00'");
        }
        if (matcher.group(2).equals("24:00")) {
            throw new IllegalArgumentException("availability '" + text.trim()
                    + "' starts at 24:00, the end of the day; write 00:00 of the next day");
        }
        return new WeeklySlot(parseDay(matcher.group(1)), parseTime(matcher.group(2)), parseTime(matcher.group(3)));
    }

    /** Reads a day name, whole ({@code TUESDAY}) or its first three letters ({@code TUE}). */
    public static DayOfWeek parseDay(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || (upper.length() == 3 && day.name().startsWith(upper))) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + shown(name) + "' is not a day of the week");
    }

    /** Reads {@code HH:mm}; {@code 24:00} is read as midnight at the end of the day. */
    public static LocalTime parseTime(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            String[] parts = trimmed.split(":");
            return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + shown(text) + "' is not a time like 14:00");
        }
    }

    /** A wrong text as a message repeats it: at most 60 characters and its length. */
    private static String shown(String text) {
        return text == null || text.length() <= 60 ? text
                : text.substring(0, 60) + "\u2026 (" + text.length() + " characters)";
    }

    /** The CSV form, for example {@code TUE 14:00-16:00}. */
    public String toText() {
        String endText = endMinuteOfDay() == 24 * 60 ? "24:00" : end.toString();
        return day.name().substring(0, 3) + " " + start + "-" + endText;
    }
}
