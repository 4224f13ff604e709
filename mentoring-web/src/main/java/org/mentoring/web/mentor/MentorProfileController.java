package org.mentoring.web.mentor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.mentorship.MentorshipService;
import org.mentoring.people.Mentor;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.people.input.ParticipantEdits;
import org.mentoring.people.input.SlotInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.taxonomy.TaxonomySource;
import org.mentoring.web.page.DomainTree;
import org.mentoring.web.page.FieldErrors;
import org.mentoring.web.page.FormLists;
import org.mentoring.web.page.Names;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A mentor's own profile, which only they edit here. Saves name the version the form was read at, so that a save
 * over someone else's newer change is refused with a message instead of overwriting it.
 */
@Controller
class MentorProfileController {

    /** What the form holds, as text. */
    record ProfileForm(String externalId, String email, long version, String name, String institution,
            String country, String timeZone, List<String> languages, List<String> domains, List<String> topics,
            String capacity,
            String availableFrom, String availableUntil, String circles) {
    }

    /** One of the mentor's mentees, current or past, as the page lists them. */
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    record MenteeRow(String name, String institution, String start, String end, String status) {
    }

    private final MentorService mentors;
    /** The programme's taxonomy and topics, read for each form since an admin may change them. */
    private final TaxonomySource taxonomy;
    private final Names names;
    private final MentorshipService mentorships;
    private final RequestService requests;

    MentorProfileController(MentorService mentors, TaxonomySource taxonomy, Names names, MentorshipService mentorships,
            RequestService requests) {
        this.mentors = mentors;
        this.taxonomy = taxonomy;
        this.names = names;
        this.mentorships = mentorships;
        this.requests = requests;
    }

    @GetMapping("/mentor")
    String show(Model model, @RequestParam(name = "saved", required = false) String saved,
            @RequestParam(name = "paused", required = false) String paused) {
        Viewer viewer = Viewer.current();
        if (viewer.role() != Role.MENTOR || viewer.personExternalId() == null) {
            return "redirect:/";
        }
        StoredMentor stored = mentors.get(viewer.personExternalId());
        model.addAttribute("saved", saved != null);
        model.addAttribute("pauseSaved", paused != null);
        return render(model, formOf(stored), stored.mentor().weeklyAvailability().stream().map(SlotInput::of)
                .toList(), Map.of(), stored.mentor().capacity());
    }

    @PostMapping("/mentor")
    String save(Model model,
            @RequestParam(defaultValue = "0") long version,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String institution,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(required = false) List<String> languages,
            @RequestParam(required = false) List<String> domains,
            @RequestParam(required = false) List<String> topics,
            @RequestParam(defaultValue = "") String capacity,
            @RequestParam(defaultValue = "") String availableFrom,
            @RequestParam(defaultValue = "") String availableUntil,
            @RequestParam(defaultValue = "") String circles,
            @RequestParam(required = false) List<String> slotDay,
            @RequestParam(required = false) List<String> slotStart,
            @RequestParam(required = false) List<String> slotEnd) {
        Viewer viewer = Viewer.current();
        if (viewer.role() != Role.MENTOR || viewer.personExternalId() == null) {
            throw new ForbiddenException("Only mentors have a profile");
        }
        StoredMentor stored = mentors.get(viewer.personExternalId());
        String externalId = stored.mentor().externalId();
        List<String> picked = domains == null ? List.of() : domains;
        List<SlotInput> slots = FormLists.slots(slotDay, slotStart, slotEnd);
        List<String> languageCodes = languages == null ? List.of() : languages;
        List<String> topicCodes = topics == null ? List.of() : topics;
        MentorInput input = new MentorInput(externalId, name, stored.mentor().email(),
                institution.isBlank() ? null : institution.strip(), country.strip().toUpperCase(java.util.Locale.ROOT),
                timeZone, languageCodes, picked, topicCodes, capacity, availableFrom,
                availableUntil.isBlank() ? null : availableUntil, slots, circles.isBlank() ? null : circles.strip());
        ProfileForm form = new ProfileForm(externalId, stored.mentor().email(), version, name, institution, country,
                timeZone, languageCodes, picked, topicCodes, capacity, availableFrom, availableUntil, circles);
        List<InvalidInputException.FieldError> refused = ParticipantEdits.mentorProfile(stored.mentor(), null,
                parsedCapacity(capacity));
        if (!refused.isEmpty()) {
            return render(model, form, slots, FieldErrors.inWords(new InvalidInputException("refused", refused)),
                    stored.mentor().capacity());
        }
        try {
            mentors.update(externalId, input, version);
            return "redirect:/mentor?saved";
        } catch (InvalidInputException e) {
            return render(model, form, slots, FieldErrors.inWords(e), stored.mentor().capacity());
        } catch (ConflictException e) {
            String message = "stale-version".equals(e.code())
                    ? "Your profile was changed elsewhere (by you in another tab, or by a coordinator) since you "
                            + "opened this page, so nothing was saved. Reload the page to see the latest profile, "
                            + "then make your changes again."
                    : e.getMessage();
            return render(model, form, slots, Map.of("form", message), stored.mentor().capacity());
        }
    }

    /** The capacity typed, or null when it is not a whole number (the validator names that). */
    private static Integer parsedCapacity(String capacity) {
        try {
            return Integer.valueOf(capacity.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The form; a mentor may set a capacity up to 20, or keep or lower a higher one a coordinator set. */
    private String render(Model model, ProfileForm form, List<SlotInput> slots, Map<String, String> errors,
            int storedCapacity) {
        model.addAttribute("form", form);
        model.addAttribute("maxCapacity", Math.max(ParticipantEdits.SELF_MAX_CAPACITY, storedCapacity));
        model.addAttribute("maxCircles", PeopleInputValidator.MAX_CIRCLES);
        model.addAttribute("errors", errors);
        model.addAttribute("summary", FieldErrors.summary(errors));
        model.addAttribute("tree", DomainTree.of(taxonomy.current()));
        model.addAttribute("slotRows", FormLists.rows(slots));
        model.addAttribute("days", FormLists.DAYS);
        model.addAttribute("zones", names.zonesWith(form.timeZone()));
        model.addAttribute("countries", names.countries());
        model.addAttribute("languageChoices", Names.chosenFirst(names.languages(), form.languages()));
        model.addAttribute("topicChoices", withUnlisted(names.topics(), form.topics()));
        LocalDate today = LocalDate.now();
        LocalDate pausedUntil = mentors.pausedUntil(form.externalId()).filter(today::isBefore).orElse(null);
        model.addAttribute("pausedUntil", pausedUntil);
        model.addAttribute("pauseMin", today.plusDays(1).toString());
        model.addAttribute("mentees", mentees(form.externalId()));
        return "mentor/profile";
    }

    /**
     * Pauses the signed-in mentor until a date (no new mentee from a run or a direct ask before it; their mentorships
     * go on), or ends the pause ({@code resume}).
     */
    @PostMapping("/mentor/pause")
    String pause(Model model, @RequestParam(defaultValue = "") String pausedUntil,
            @RequestParam(defaultValue = "") String resume) {
        Viewer viewer = Viewer.current();
        if (viewer.role() != Role.MENTOR || viewer.personExternalId() == null) {
            throw new ForbiddenException("Only mentors have a profile");
        }
        String externalId = viewer.personExternalId();
        if (!resume.isEmpty()) {
            mentors.pause(externalId, null);
            return "redirect:/mentor?paused";
        }
        LocalDate until = null;
        String problem = null;
        try {
            until = LocalDate.parse(pausedUntil.strip());
            if (!until.isAfter(LocalDate.now())) {
                problem = "Choose a date after today: the day you take new mentees again";
            } else if (until.isAfter(LocalDate.now().plusYears(2))) {
                problem = "Choose a date within two years";
            }
        } catch (java.time.format.DateTimeParseException e) {
            problem = pausedUntil.isBlank() ? "Choose the date you take new mentees again"
                    : "Write the date as a date, for example 2027-03-01";
        }
        if (problem != null) {
            StoredMentor stored = mentors.get(externalId);
            model.addAttribute("saved", false);
            model.addAttribute("pauseSaved", false);
            return render(model, formOf(stored), stored.mentor().weeklyAvailability().stream().map(SlotInput::of)
                    .toList(), Map.of("pausedUntil", problem), stored.mentor().capacity());
        }
        mentors.pause(externalId, until);
        return "redirect:/mentor?paused";
    }

    /** The mentor's mentees, current first, then past, newest first within each. */
    private List<MenteeRow> mentees(String mentorExternalId) {
        List<Mentorship> all = new ArrayList<>(mentorships.list(null, mentorExternalId, null,
                PageRequest.of(0, 200)).getContent());
        all.sort(Comparator.comparing((Mentorship m) -> m.status() != MentorshipStatus.ACTIVE)
                .thenComparing(Mentorship::startDate, Comparator.nullsLast(Comparator.reverseOrder())));
        List<MenteeRow> rows = new ArrayList<>();
        for (Mentorship m : all) {
            var request = requests.find(m.requestExternalId()).map(stored -> stored.request());
            rows.add(new MenteeRow(request.map(r -> r.name()).orElse("A researcher no longer listed"),
                    request.map(r -> r.institution() == null ? "" : r.institution()).orElse(""),
                    m.startDate() == null ? "" : DAY.format(m.startDate()),
                    m.endDate() == null ? "" : DAY.format(m.endDate()), statusText(m.status())));
        }
        return rows;
    }

    private static String statusText(MentorshipStatus status) {
        return switch (status) {
            case ACTIVE -> "Current";
            case COMPLETED -> "Completed";
            case ENDED_EARLY -> "Ended early";
        };
    }

    /** The programme's topics, and any chosen code it no longer lists, so that a save does not drop it silently. */
    private static List<Names.Choice> withUnlisted(List<Names.Choice> listed, List<String> chosen) {
        List<Names.Choice> all = new ArrayList<>(listed);
        chosen.stream().filter(code -> listed.stream().noneMatch(c -> c.code().equals(code)))
                .forEach(code -> all.add(new Names.Choice(code, code)));
        return all;
    }

    private static ProfileForm formOf(StoredMentor stored) {
        Mentor m = stored.mentor();
        return new ProfileForm(m.externalId(), m.email(), stored.version(), m.name(),
                m.institution() == null ? "" : m.institution(), m.country(), m.timeZone().getId(),
                m.languages().stream().sorted().toList(), m.domains(), m.topics().stream().sorted().toList(),
                Integer.toString(m.capacity()),
                m.availableFrom().toString(), m.availableUntil() == null ? "" : m.availableUntil().toString(),
                Integer.toString(m.circles()));
    }
}
