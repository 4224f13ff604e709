package org.mentoring.people.input;

import org.mentoring.people.WeeklySlot;

/**
 * One weekly slot as written: {@code day} ({@code TUESDAY} or {@code TUE}), {@code start} and {@code end}
 * ({@code HH:mm}, local time in the owner's zone).
 */
public record SlotInput(String day, String start, String end) {

    /** The input that reads back as this slot. */
    public static SlotInput of(WeeklySlot slot) {
        String end = slot.endMinuteOfDay() == 24 * 60 ? "24:00" : slot.end().toString();
        return new SlotInput(slot.day().name(), slot.start().toString(), end);
    }
}
