package org.mentoring.cycles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mentoring.audit.AuditService;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.common.PlainText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The programme's cycles in the {@code cycles} collection: lists them, creates one (checked, audited) and reads them
 * as a {@link Calendar} that says which cycle a request or a run is in. Today is the day in UTC.
 *
 * <p>Two cycles' request windows never share a day, so "the cycle open for requests today" is never ambiguous. The
 * check and the insert are two steps (the store has no transactions): two admins creating overlapping cycles in the
 * same instant could both succeed; the list then shows both open, and the earlier one wins.
 */
@Service
public class CycleService {

    static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_CODE_LENGTH = 40;
    static final int MAX_NAME_LENGTH = 100;

    private final MongoTemplate mongo;
    private final AuditService audit;
    private final Clock clock;

    CycleService(MongoTemplate mongo, AuditService audit, Optional<Clock> clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The cycles as they are now, with today's date. */
    public Calendar calendar() {
        List<Cycle> created = mongo.find(new Query().with(Sort.by("requestsOpen")), CycleDocument.class).stream()
                .map(CycleDocument::toCycle)
                .toList();
        return new Calendar(created, LocalDate.now(clock));
    }

    /**
     * Creates a cycle.
     *
     * @param actor who creates it, for the audit trail
     * @throws InvalidInputException naming every wrong field: a code that is not lowercase letters, digits and
     *     dashes, is {@code default} or is taken; a missing name; a date missing or not yyyy-MM-dd; dates out of
     *     order (requests open, requests close, mentorships start, mentorships end); a request window that shares a
     *     day with another cycle's
     */
    public Cycle create(CycleInput input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String code = code(input.code(), errors);
        String name = name(input.name(), errors);
        LocalDate open = date("requestsOpen", input.requestsOpen(), errors);
        LocalDate close = date("requestsClose", input.requestsClose(), errors);
        LocalDate starts = date("startsOn", input.startsOn(), errors);
        LocalDate ends = date("endsOn", input.endsOn(), errors);
        order("requestsClose", "requests close", close, "requestsOpen", "they open", open, errors);
        order("startsOn", "mentorships start", starts, "requestsClose", "requests close", close, errors);
        order("endsOn", "mentorships end", ends, "startsOn", "they start", starts, errors);
        Calendar calendar = calendar();
        if (code != null && calendar.created().stream().anyMatch(cycle -> cycle.code().equals(code))) {
            errors.add(new FieldError("code", "code: a cycle '" + code + "' already exists; choose another code"));
        }
        if (errors.isEmpty()) {
            Cycle candidate = new Cycle(code, name, open, close, starts, ends);
            for (Cycle other : calendar.created()) {
                if (candidate.requestWindowOverlaps(other)) {
                    String message = "the requests of " + other.label() + " are open from " + other.requestsOpen()
                            + " to " + other.requestsClose() + "; request windows may not share a day, so that "
                            + "the cycle open for requests is always clear";
                    errors.add(new FieldError("requestsOpen", "requestsOpen: " + message));
                    errors.add(new FieldError("requestsClose", "requestsClose: " + message));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The cycle is not valid", errors);
        }
        Cycle cycle = new Cycle(code, name, open, close, starts, ends);
        try {
            mongo.insert(CycleDocument.of(cycle, clock.instant(), actor));
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("code", "code: a cycle '" + code + "' already exists; choose another code");
        }
        audit.record(actor, "cycle.create", code, name + ": requests " + open + " to " + close + ", mentorships "
                + starts + " to " + ends, null);
        return cycle;
    }

    private static String code(String text, List<FieldError> errors) {
        String code = text == null ? "" : text.strip();
        if (code.isEmpty()) {
            errors.add(new FieldError("code", "code: is required, for example 2027-spring"));
            return null;
        }
        if (code.length() > MAX_CODE_LENGTH || !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "code: use at most " + MAX_CODE_LENGTH + " lowercase letters, digits "
                    + "and single dashes between them, for example 2027-spring"));
            return null;
        }
        if (Cycle.DEFAULT_CODE.equals(code)) {
            errors.add(new FieldError("code", "code: 'default' is the cycle of a programme without cycles; choose "
                    + "another code"));
            return null;
        }
        return code;
    }

    private static String name(String text, List<FieldError> errors) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "name: is required, for example Spring 2027"));
            return null;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "name: use at most " + MAX_NAME_LENGTH + " characters"));
            return null;
        }
        Optional<String> problem = PlainText.problem(name);
        problem.ifPresent(why -> errors.add(new FieldError("name", "name: " + why)));
        return problem.isPresent() ? null : name;
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, field + ": is required, a date as yyyy-MM-dd"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
            errors.add(new FieldError(field, field + ": '" + shown + "' is not a date as yyyy-MM-dd"));
            return null;
        }
    }

    private static void order(String field, String what, LocalDate day, String earlierField, String earlierWhat,
            LocalDate earlier, List<FieldError> errors) {
        if (day != null && earlier != null && day.isBefore(earlier)) {
            errors.add(new FieldError(field, field + ": " + what + " on " + day + ", before " + earlierWhat + " ("
                    + earlierField + " " + earlier + "); the dates go requests open, requests close, mentorships "
                    + "start, mentorships end"));
        }
    }
}
