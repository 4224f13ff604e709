package org.mentoring.web.mentor;

import java.util.List;
import java.util.Map;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.Mentor;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.ParticipantEdits;
import org.mentoring.people.input.SlotInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.taxonomy.TaxonomySource;
import org.mentoring.web.page.DomainTree;
import org.mentoring.web.page.FieldErrors;
import org.mentoring.web.page.FormLists;
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
            String country, String timeZone, String languages, List<String> domains, String topics, String capacity,
            String availableFrom, String availableUntil) {
    }

    private final MentorService mentors;
    /** The programme's taxonomy and topics, read for each form since an admin may change them. */
    private final TaxonomySource taxonomy;

    MentorProfileController(MentorService mentors, TaxonomySource taxonomy) {
        this.mentors = mentors;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/mentor")
    String show(Model model, @RequestParam(name = "saved", required = false) String saved) {
        Viewer viewer = Viewer.current();
        if (viewer.role() != Role.MENTOR || viewer.personExternalId() == null) {
            return "redirect:/";
        }
        StoredMentor stored = mentors.get(viewer.personExternalId());
        model.addAttribute("saved", saved != null);
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
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(required = false) List<String> domains,
            @RequestParam(defaultValue = "") String topics,
            @RequestParam(defaultValue = "") String capacity,
            @RequestParam(defaultValue = "") String availableFrom,
            @RequestParam(defaultValue = "") String availableUntil,
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
        MentorInput input = new MentorInput(externalId, name, stored.mentor().email(),
                institution.isBlank() ? null : institution.strip(), country.strip().toUpperCase(java.util.Locale.ROOT),
                timeZone, FormLists.split(languages), picked, FormLists.split(topics), capacity, availableFrom,
                availableUntil.isBlank() ? null : availableUntil, slots);
        ProfileForm form = new ProfileForm(externalId, stored.mentor().email(), version, name, institution, country,
                timeZone, languages, picked, topics, capacity, availableFrom, availableUntil);
        List<InvalidInputException.FieldError> refused = ParticipantEdits.mentorProfile(stored.mentor(), null,
                parsedCapacity(capacity));
        if (!refused.isEmpty()) {
            return render(model, form, slots, FieldErrors.byField(new InvalidInputException("refused", refused)),
                    stored.mentor().capacity());
        }
        try {
            mentors.update(externalId, input, version);
            return "redirect:/mentor?saved";
        } catch (InvalidInputException e) {
            return render(model, form, slots, FieldErrors.byField(e), stored.mentor().capacity());
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
        model.addAttribute("errors", errors);
        model.addAttribute("tree", DomainTree.of(taxonomy.current()));
        model.addAttribute("topicCodes", String.join(", ", taxonomy.topics().all().stream()
                .map(org.mentoring.taxonomy.Topic::code).toList()));
        model.addAttribute("slotRows", FormLists.rows(slots));
        model.addAttribute("days", FormLists.DAYS);
        return "mentor/profile";
    }

    private static ProfileForm formOf(StoredMentor stored) {
        Mentor m = stored.mentor();
        return new ProfileForm(m.externalId(), m.email(), stored.version(), m.name(),
                m.institution() == null ? "" : m.institution(), m.country(), m.timeZone().getId(),
                FormLists.join(m.languages()), m.domains(), FormLists.join(m.topics()), Integer.toString(m.capacity()),
                m.availableFrom().toString(), m.availableUntil() == null ? "" : m.availableUntil().toString());
    }
}
