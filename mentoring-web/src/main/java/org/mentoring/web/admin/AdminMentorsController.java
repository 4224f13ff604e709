package org.mentoring.web.admin;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mentoring.accounts.AccountSearch;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.Mentor;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.PeopleSearch;
import org.mentoring.people.persistence.PeopleSearch.MentorState;
import org.mentoring.places.MentorPlaces;
import org.mentoring.places.MentorPlacesDocument;
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
 * The coordinator's list of mentors (search, domain, taking mentees or paused, pages) and a mentor's page: profile in
 * names, places held, history, and what a coordinator does for them: edit, change the capacity (0 pauses them),
 * invite. Changes go through {@link MentorService}, whose capacity change goes through the places ledger; each
 * action is in the audit trail.
 */
@Controller
class AdminMentorsController {

    private final PeopleSearch search;
    private final MentorService mentors;
    private final MentorPlaces places;
    private final AccountSearch accounts;
    private final PersonHistory history;
    private final AuditService audit;
    private final org.mentoring.web.page.Names pageNames;

    AdminMentorsController(PeopleSearch search, MentorService mentors, MentorPlaces places, AccountSearch accounts,
            PersonHistory history, AuditService audit,
            org.mentoring.web.page.Names pageNames) {
        this.pageNames = pageNames;
        this.search = search;
        this.mentors = mentors;
        this.places = places;
        this.accounts = accounts;
        this.history = history;
        this.audit = audit;
    }

    @GetMapping("/admin/mentors")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        MentorState chosen = AdminLists.parse(MentorState.class, status);
        Page<StoredMentor> found;
        try {
            found = search.mentors(q, domain, chosen, page, PageLinks.PAGE_SIZE);
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", "Pick a research domain from the list.");
            domain = null;
            found = search.mentors(q, null, chosen, page, PageLinks.PAGE_SIZE);
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("domain", domain);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", MentorState.values());
        model.addAttribute("found", found);
        model.addAttribute("held", places.held(found.map(s -> s.mentor().externalId()).getContent()));
        model.addAttribute("pages", PageLinks.of(found, "/admin/mentors",
                AdminLists.params(q, domain, "status", chosen)));
        return "admin/mentors";
    }

    @GetMapping("/admin/mentors/{externalId}")
    String show(@PathVariable String externalId, Model model) {
        StoredMentor stored = mentors.get(externalId);
        return render(stored, EditForm.of(stored), Map.of(), model);
    }

    @PostMapping("/admin/mentors/{externalId}")
    String edit(@PathVariable String externalId, @RequestParam(defaultValue = "0") long version,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String institution, @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String capacity,
            @RequestParam(defaultValue = "") String availableFrom,
            @RequestParam(defaultValue = "") String availableUntil, @RequestParam(defaultValue = "") String circles,
            Principal admin, Model model, RedirectAttributes redirect) {
        StoredMentor stored = mentors.get(externalId);
        EditForm form = new EditForm(version, name, email, institution, country, timeZone, capacity, availableFrom,
                availableUntil, circles);
        MentorInput was = MentorInput.of(stored.mentor());
        MentorInput input = new MentorInput(externalId, name.strip(), email.strip(),
                institution.isBlank() ? null : institution.strip(), country.strip().toUpperCase(Locale.ROOT),
                timeZone.strip(), was.languages(), was.domains(), was.topics(), capacity.strip(),
                availableFrom.strip(), availableUntil.isBlank() ? null : availableUntil.strip(),
                was.weeklyAvailability(), circles.isBlank() ? null : circles.strip());
        return save(stored, input, version, form, "mentor.edit", admin, model, redirect);
    }

    @PostMapping("/admin/mentors/{externalId}/capacity")
    String capacity(@PathVariable String externalId, @RequestParam(defaultValue = "0") long version,
            @RequestParam(defaultValue = "") String capacity, Principal admin, Model model,
            RedirectAttributes redirect) {
        StoredMentor stored = mentors.get(externalId);
        MentorInput was = MentorInput.of(stored.mentor());
        MentorInput input = new MentorInput(was.externalId(), was.name(), was.email(), was.institution(),
                was.country(), was.timeZone(), was.languages(), was.domains(), was.topics(), capacity.strip(),
                was.availableFrom(), was.availableUntil(), was.weeklyAvailability(), was.circles());
        EditForm form = EditForm.of(stored);
        form = new EditForm(version, form.name(), form.email(), form.institution(), form.country(), form.timeZone(),
                capacity, form.availableFrom(), form.availableUntil(), form.circles());
        return save(stored, input, version, form, "mentor.capacity", admin, model, redirect);
    }

    private String save(StoredMentor stored, MentorInput input, long version, EditForm form, String action,
            Principal admin, Model model, RedirectAttributes redirect) {
        String externalId = stored.mentor().externalId();
        try {
            StoredMentor saved = mentors.update(externalId, input, version);
            audit.record(admin.getName(), action, externalId, "changed " + changes(stored.mentor(), saved.mentor()),
                    null);
            redirect.addFlashAttribute("done", saved.mentor().capacity() == 0
                    ? "Saved. " + saved.mentor().name() + " is paused: capacity 0, no run proposes them."
                    : "Saved the changes to " + saved.mentor().name() + "'s profile.");
            return "redirect:/admin/mentors/" + AdminLists.path(externalId);
        } catch (InvalidInputException e) {
            return render(stored, form, AdminLists.inWords(FieldErrors.byField(e)), model);
        } catch (ConflictException e) {
            return render(stored, form, Map.of("form", "stale-version".equals(e.code())
                    ? "Someone changed this profile since you opened the page, so nothing was saved. Reload the page "
                            + "to see the latest, then make your changes again."
                    : e.getMessage()), model);
        }
    }

    private String render(StoredMentor stored, EditForm form, Map<String, String> errors, Model model) {
        Mentor mentor = stored.mentor();
        model.addAttribute("stored", stored);
        model.addAttribute("m", mentor);
        model.addAttribute("form", form);
        // the country and the zone are picked by name from the lists the participants' own forms offer
        model.addAttribute("countries", pageNames.countries());
        model.addAttribute("zones", pageNames.zonesWith(form.timeZone()));
        model.addAttribute("circlesWords", org.mentoring.web.page.CircleWords.circles(stored.mentor().circles()));
        model.addAttribute("errors", errors);
        model.addAttribute("held", places.find(mentor.externalId()).map(MentorPlacesDocument::held).orElse(0));
        model.addAttribute("account", accounts.of(mentor.externalId(), mentor.email()).orElse(null));
        model.addAttribute("history", history.ofMentor(mentor.externalId(), stored.createdAt(), mentor.email()));
        model.addAttribute("back", "/admin/mentors/" + AdminLists.path(mentor.externalId()));
        return "admin/mentor";
    }

    private static String changes(Mentor before, Mentor after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) {
            changed.add("name");
        }
        if (!Objects.equals(before.email(), after.email())) {
            changed.add("email");
        }
        if (!Objects.equals(before.institution(), after.institution())) {
            changed.add("institution");
        }
        if (!Objects.equals(before.country(), after.country())) {
            changed.add("country");
        }
        if (!Objects.equals(before.timeZone(), after.timeZone())) {
            changed.add("time zone");
        }
        if (before.capacity() != after.capacity()) {
            changed.add("capacity from " + before.capacity() + " to " + after.capacity());
        }
        if (!Objects.equals(before.availableFrom(), after.availableFrom())
                || !Objects.equals(before.availableUntil(), after.availableUntil())) {
            changed.add("dates available");
        }
        if (before.circles() != after.circles()) {
            changed.add("circles from " + before.circles() + " to " + after.circles());
        }
        return changed.isEmpty() ? "nothing" : String.join(", ", changed);
    }

    /** The edit form as shown or as sent. */
    record EditForm(long version, String name, String email, String institution, String country, String timeZone,
            String capacity, String availableFrom, String availableUntil, String circles) {

        static EditForm of(StoredMentor stored) {
            Mentor m = stored.mentor();
            return new EditForm(stored.version(), m.name(), m.email(), m.institution() == null ? "" : m.institution(),
                    m.country(), m.timeZone().getId(), Integer.toString(m.capacity()), m.availableFrom().toString(),
                    m.availableUntil() == null ? "" : m.availableUntil().toString(), Integer.toString(m.circles()));
        }
    }
}
