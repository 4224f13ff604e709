package org.mentoring.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in the words a person reads: "15 January 2027", not 2027-01-15. */
public final class Days {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private Days() {
    }

    public static String inWords(LocalDate day) {
        return DAY.format(day);
    }
}
