package org.mentoring.web.admin;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mentoring.accounts.AccountSearch;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.persistence.PeopleSearch;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.web.page.FieldErrors;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's list of mentorship requests (search, domain, status, pages) and a request's page: the
 * researcher's profile in names, their history, and what a coordinator does for them: edit, withdraw, open again,
 * invite. Edits go through {@link RequestService} with its checks; each action is in the audit trail.
 */
@Controller
class AdminRequestsController {

    private final PeopleSearch search;
    private final RequestService requests;
    private final AccountSearch accounts;
    private final PersonHistory history;
    private final AuditService audit;
    private final org.mentoring.web.page.Names pageNames;

    AdminRequestsController(PeopleSearch search, RequestService requests, AccountSearch accounts,
            PersonHistory history, AuditService audit,
            org.mentoring.web.page.Names pageNames) {
        this.pageNames = pageNames;
        this.search = search;
        this.requests = requests;
        this.accounts = accounts;
        this.history = history;
        this.audit = audit;
    }

    @GetMapping("/admin/requests")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        RequestStatus chosen = AdminLists.parse(RequestStatus.class, status);
        Page<StoredRequest> found;
        try {
            found = search.requests(q, domain, chosen, page, PageLinks.PAGE_SIZE);
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", "Pick a research domain from the list.");
            domain = null;
            found = search.requests(q, null, chosen, page, PageLinks.PAGE_SIZE);
        }
        Map<String, Object> params = AdminLists.params(q, domain, "status", chosen);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("domain", domain);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("found", found);
        model.addAttribute("pages", PageLinks.of(found, "/admin/requests", params));
        return "admin/requests";
    }

    @GetMapping("/admin/requests/{externalId}")
    String show(@PathVariable String externalId, Model model) {
        StoredRequest stored = requests.get(externalId);
        return render(stored, EditForm.of(stored), Map.of(), model);
    }

    @PostMapping("/admin/requests/{externalId}")
    String edit(@PathVariable String externalId, @RequestParam(defaultValue = "0") long version,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String institution, @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String startDate,
            @RequestParam(defaultValue = "") String durationMonths,
            @RequestParam(defaultValue = "false") boolean priority, @RequestParam(defaultValue = "") String format,
            Principal admin, Model model, RedirectAttributes redirect) {
        StoredRequest stored = requests.get(externalId);
        EditForm form = new EditForm(version, name, email, institution, country, timeZone, startDate, durationMonths,
                priority, format.isBlank() ? stored.request().format().name() : format);
        RequestInput was = RequestInput.of(stored.request());
        RequestInput input = new RequestInput(externalId, name.strip(), email.strip(),
                institution.isBlank() ? null : institution.strip(), country.strip().toUpperCase(Locale.ROOT),
                timeZone.strip(), was.careerStage(), was.languages(), was.domains(), was.goals(), startDate.strip(),
                durationMonths.strip(), was.minOverlapMinutes(), was.weeklyAvailability(), was.preferredMentorIds(),
                was.excludedMentorIds(), Boolean.toString(priority), null, format.isBlank() ? null : format);
        try {
            StoredRequest saved = requests.update(externalId, input, version);
            audit.record(admin.getName(), "request.edit", externalId, "changed " + changes(stored.request(),
                    saved.request()), null);
            redirect.addFlashAttribute("done", "Saved the changes to " + saved.request().name() + "'s request.");
            return "redirect:/admin/requests/" + AdminLists.path(externalId);
        } catch (InvalidInputException e) {
            return render(stored, form, AdminLists.inWords(FieldErrors.byField(e)), model);
        } catch (ConflictException e) {
            return render(stored, form, Map.of("form", "stale-version".equals(e.code())
                    ? "Someone changed this request since you opened the page, so nothing was saved. Reload the page "
                            + "to see the latest, then make your changes again."
                    : e.getMessage()), model);
        }
    }

    @PostMapping("/admin/requests/{externalId}/withdraw")
    String withdraw(@PathVariable String externalId, Principal admin, RedirectAttributes redirect) {
        return move(externalId, RequestStatus.OPEN, RequestStatus.WITHDRAWN, "request.withdraw", admin, redirect,
                "The request is withdrawn: no run will look for a mentor for it.");
    }

    @PostMapping("/admin/requests/{externalId}/reopen")
    String reopen(@PathVariable String externalId, Principal admin, RedirectAttributes redirect) {
        return move(externalId, RequestStatus.WITHDRAWN, RequestStatus.OPEN, "request.reopen", admin, redirect,
                "The request is open again: the next run looks for a mentor for it.");
    }

    private String move(String externalId, RequestStatus from, RequestStatus to, String action, Principal admin,
            RedirectAttributes redirect, String done) {
        StoredRequest stored = requests.get(externalId);
        try {
            requests.changeStatus(externalId, from, to);
            audit.record(admin.getName(), action, externalId, stored.request().name() + ": " + from + " to " + to,
                    null);
            redirect.addFlashAttribute("done", done);
        } catch (ConflictException e) {
            StoredRequest now = requests.get(externalId);
            redirect.addFlashAttribute("actionError", now.status() == RequestStatus.PROPOSED
                    ? "This request has an offer waiting for answers: decline the offer (answer for the researcher) "
                            + "before withdrawing it."
                    : now.status() == RequestStatus.MATCHED
                            ? "This request has an active mentorship: end the mentorship before withdrawing it."
                            : "Nothing changed: the request is already " + now.status().name().toLowerCase(Locale.ROOT)
                                    + ".");
        }
        return "redirect:/admin/requests/" + AdminLists.path(externalId);
    }

    private String render(StoredRequest stored, EditForm form, Map<String, String> errors, Model model) {
        MentorshipRequest request = stored.request();
        model.addAttribute("stored", stored);
        model.addAttribute("r", request);
        model.addAttribute("form", form);
        // the country and the zone are picked by name from the lists the participants' own forms offer
        model.addAttribute("countries", pageNames.countries());
        model.addAttribute("zones", pageNames.zonesWith(form.timeZone()));
        model.addAttribute("formats", org.mentoring.web.page.CircleWords.formats());
        model.addAttribute("formatWords", org.mentoring.web.page.CircleWords.formatShort(request.format()));
        model.addAttribute("errors", errors);
        model.addAttribute("account", accounts.of(request.externalId(), request.email()).orElse(null));
        model.addAttribute("history", history.ofRequest(request.externalId(), stored.createdAt(), request.email()));
        model.addAttribute("back", "/admin/requests/" + AdminLists.path(request.externalId()));
        return "admin/request";
    }

    private static String changes(MentorshipRequest before, MentorshipRequest after) {
        List<String> changed = new ArrayList<>();
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("name", new Object[] {before.name(), after.name()});
        fields.put("email", new Object[] {before.email(), after.email()});
        fields.put("institution", new Object[] {before.institution(), after.institution()});
        fields.put("country", new Object[] {before.country(), after.country()});
        fields.put("time zone", new Object[] {before.timeZone(), after.timeZone()});
        fields.put("start date", new Object[] {before.startDate(), after.startDate()});
        fields.put("duration", new Object[] {before.durationMonths(), after.durationMonths()});
        fields.put("priority", new Object[] {before.priority(), after.priority()});
        fields.put("format", new Object[] {before.format(), after.format()});
        fields.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                changed.add(field);
            }
        });
        return changed.isEmpty() ? "nothing" : String.join(", ", changed);
    }

    /** The edit form as shown or as sent. */
    record EditForm(long version, String name, String email, String institution, String country, String timeZone,
            String startDate, String durationMonths, boolean priority, String format) {

        static EditForm of(StoredRequest stored) {
            MentorshipRequest r = stored.request();
            return new EditForm(stored.version(), r.name(), r.email(), r.institution() == null ? "" : r.institution(),
                    r.country(), r.timeZone().getId(), r.startDate().toString(), Integer.toString(r.durationMonths()),
                    r.priority(), r.format().name());
        }
    }
}
