package org.mentoring.cycles;

/** A new cycle as an admin writes it, every date as text (yyyy-MM-dd) so that a wrong one is named. */
public record CycleInput(String code, String name, String requestsOpen, String requestsClose, String startsOn,
        String endsOn) {
}
