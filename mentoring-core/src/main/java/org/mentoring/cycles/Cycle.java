package org.mentoring.cycles;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One round of a programme: researchers ask for a mentor between {@code requestsOpen} and {@code requestsClose}
 * (both days included), a run places that cycle's open requests, and its mentorships run from {@code startsOn} to
 * {@code endsOn}. The cycle {@value #DEFAULT_CODE} has no dates: it is the single cycle of a programme that never
 * created one, always open for requests and never ended, so such a programme works as if cycles did not exist.
 *
 * @param code lowercase letters, digits and dashes, for example {@code 2027-spring}; unique
 */
public record Cycle(String code, String name, LocalDate requestsOpen, LocalDate requestsClose, LocalDate startsOn,
        LocalDate endsOn) {

    public static final String DEFAULT_CODE = "default";

    /** The cycle of a programme that never created one. */
    public static final Cycle DEFAULT = new Cycle(DEFAULT_CODE, "Default cycle", null, null, null, null);

    public Cycle {
        Objects.requireNonNull(code, "code");
    }

    public boolean isDefault() {
        return DEFAULT_CODE.equals(code);
    }

    /** Whether a researcher may ask for a mentor in this cycle on {@code day}. */
    public boolean openForRequestsOn(LocalDate day) {
        return isDefault() || (!day.isBefore(requestsOpen) && !day.isAfter(requestsClose));
    }

    /** Whether its mentorships' last day is before {@code day}: nobody may be added to it any more. */
    public boolean endedBefore(LocalDate day) {
        return endsOn != null && endsOn.isBefore(day);
    }

    /** Whether its request window ended before {@code day}. */
    public boolean requestsClosedBefore(LocalDate day) {
        return requestsClose != null && requestsClose.isBefore(day);
    }

    /** Whether the request windows of the two cycles share a day. */
    boolean requestWindowOverlaps(Cycle other) {
        return !requestsOpen.isAfter(other.requestsClose) && !other.requestsOpen.isAfter(requestsClose);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /**
     * What a person picks the cycle by, without its code: "Spring 2027, requests 1 Mar 2027 to 31 Mar 2027". Two
     * cycles may share a name but never a day of their request windows, so the window tells them apart.
     */
    public String choiceLabel() {
        return isDefault() ? "Default cycle (always open for requests)"
                : name + ", requests " + DAY.format(requestsOpen) + " to " + DAY.format(requestsClose);
    }

    /** "Spring 2027 (2027-spring)": for messages that an API client may act on by the code. */
    public String label() {
        return isDefault() ? "the default cycle" : name + " (" + code + ")";
    }
}
