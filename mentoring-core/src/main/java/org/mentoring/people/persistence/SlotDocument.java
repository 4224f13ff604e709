package org.mentoring.people.persistence;

import java.time.DayOfWeek;

/** A weekly slot inside a mentor or request document; times are {@code HH:mm}, an end of 24:00 is midnight. */
record SlotDocument(DayOfWeek day, String start, String end) {
}
