package org.mentoring.cycles;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mentoring.common.InvalidInputException;

/**
 * The cycles as read at one moment, with the day it is: answers which cycle a new request or a run is in without
 * reading the store again (an import of thousands of requests asks once per record).
 *
 * @param created the cycles admins created, by the day their requests open; empty when the programme never created
 *     one, and then the only cycle is {@link Cycle#DEFAULT}
 */
public record Calendar(List<Cycle> created, LocalDate today) {

    public Calendar {
        created = created.stream().sorted(Comparator.comparing(Cycle::requestsOpen)).toList();
    }

    /** Every cycle, by the day its requests open; just {@code default} when none was created. */
    public List<Cycle> cycles() {
        return created.isEmpty() ? List.of(Cycle.DEFAULT) : created;
    }

    /** The cycle with this code; {@code default} always exists. */
    public Optional<Cycle> find(String code) {
        if (Cycle.DEFAULT_CODE.equals(code)) {
            return Optional.of(Cycle.DEFAULT);
        }
        return created.stream().filter(cycle -> cycle.code().equals(code)).findFirst();
    }

    /** The cycle open for requests today (at most one: request windows never overlap), or default when none exists. */
    public Optional<Cycle> openForRequests() {
        return cycles().stream().filter(cycle -> cycle.openForRequestsOn(today)).findFirst();
    }

    /** The next cycle whose requests open after today. */
    public Optional<Cycle> next() {
        return created.stream().filter(cycle -> cycle.requestsOpen().isAfter(today)).findFirst();
    }

    /** The cycle before this one (by the day requests open), if any. */
    public Optional<Cycle> previous(String code) {
        Cycle previous = null;
        for (Cycle cycle : created) {
            if (cycle.code().equals(code)) {
                return Optional.ofNullable(previous);
            }
            previous = cycle;
        }
        return Optional.empty();
    }

    /**
     * The cycle a new request goes into. Omitted: the cycle open for requests today ({@code default} when no cycle
     * was created). A researcher may only ask in the cycle open today; a coordinator may add into any known cycle
     * that has not ended, and must name one when none is open today.
     *
     * @param requested the cycle the request names, or null
     * @param researcher whether a researcher asks for themselves (else a coordinator adds or imports)
     * @throws InvalidInputException naming {@code cycle}, saying why and, to a researcher, when requests open next
     */
    public String forRequest(String requested, boolean researcher) {
        String code = requested == null || requested.isBlank() ? null : requested.strip();
        if (code == null) {
            return openForRequests().map(Cycle::code).orElseThrow(() -> new InvalidInputException("cycle",
                    researcher ? closed() : "cycle: no cycle is open for requests today (" + today
                            + "); name the cycle this request belongs to (" + codes() + ")"));
        }
        Cycle cycle = find(code).orElseThrow(() -> new InvalidInputException("cycle", "cycle: there is no cycle '"
                + shown(code) + "' (the cycles are " + codes() + ")"));
        if (researcher && !cycle.openForRequestsOn(today)) {
            throw new InvalidInputException("cycle", "cycle: " + cycle.label() + " is not open for requests today; "
                    + closed());
        }
        if (!researcher && cycle.endedBefore(today)) {
            throw new InvalidInputException("cycle", "cycle: " + cycle.label() + " ended on " + cycle.endsOn()
                    + "; requests can only be added to a cycle that has not ended");
        }
        return cycle.code();
    }

    /**
     * The cycle a run places: the one named, else the one open for requests today, else the one whose requests
     * closed most recently, else {@code default}.
     *
     * @throws InvalidInputException naming {@code cycle} when the named cycle does not exist
     */
    public String forRun(String requested) {
        if (requested != null && !requested.isBlank()) {
            String code = requested.strip();
            return find(code).map(Cycle::code).orElseThrow(() -> new InvalidInputException("cycle",
                    "cycle: there is no cycle '" + shown(code) + "' (the cycles are " + codes() + ")"));
        }
        Optional<Cycle> open = openForRequests();
        if (open.isPresent()) {
            return open.get().code();
        }
        return created.stream().filter(cycle -> cycle.requestsClosedBefore(today))
                .max(Comparator.comparing(Cycle::requestsClose)).map(Cycle::code).orElse(Cycle.DEFAULT_CODE);
    }

    /** The cycle whose analytics are shown when none is named: the one a run would place. */
    public String current() {
        return forRun(null);
    }

    private String closed() {
        return "requests are closed today (" + today + ")" + next().map(cycle -> "; the next cycle, " + cycle.label()
                + ", opens for requests on " + cycle.requestsOpen()).orElse("; no next cycle is planned yet");
    }

    private String codes() {
        return String.join(", ", cycles().stream().map(Cycle::code).toList());
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
