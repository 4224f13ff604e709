package org.mentoring.web.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mentoring.audit.AuditEvent;
import org.mentoring.audit.AuditService;
import org.mentoring.common.EmailAddress;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail, newest first: who (the email of whoever did it), what (a kind of action picked from a list),
 * when (from one day to another, in UTC), in words. The same entries as {@code /api/v1/audit-events}.
 */
@Controller
class AdminAuditController {

    private final AuditService audit;

    AdminAuditController(AuditService audit) {
        this.audit = audit;
    }

    /** An entry as the page shows it. */
    record Row(AuditEvent event, String when, String what) {
    }

    /** A kind of action for the picker. */
    record Choice(String action, String words) {
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("to", "The last day comes before the first day: pick a later one.");
            toDay = null;
        }
        String who = actor == null || actor.isBlank() ? null : EmailAddress.canonical(actor);
        String what = action == null || action.isBlank() ? null : action.strip();
        Instant since = fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Page<AuditEvent> found = audit.search(who, what, since, until, page, PageLinks.PAGE_SIZE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("actor", actor);
        params.put("action", what);
        params.put("from", fromDay);
        params.put("to", toDay);
        Map<String, String> choices = new LinkedHashMap<>(AuditWords.ACTIONS);
        audit.actions().forEach(stored -> choices.putIfAbsent(stored, stored));
        model.addAttribute("actor", actor == null ? "" : actor);
        model.addAttribute("action", what);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("errors", errors);
        model.addAttribute("choices", choices.entrySet().stream()
                .map(choice -> new Choice(choice.getKey(), choice.getValue())).toList());
        model.addAttribute("found", found);
        model.addAttribute("rows", found.map(event -> new Row(event, PersonHistory.WHEN.format(event.at()),
                AuditWords.of(event.action()))).getContent());
        model.addAttribute("pages", PageLinks.of(found, "/admin/audit", params));
        return "admin/audit";
    }

    private static LocalDate day(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Write the day as year-month-day, for example 2026-11-30.");
            return null;
        }
    }
}
