package org.mentoring.web.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mentoring.accounts.Account;
import org.mentoring.accounts.AccountService;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.CareerStage;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.input.ParticipantEdits;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.input.SlotInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.web.page.DomainTree;
import org.mentoring.web.page.FieldErrors;
import org.mentoring.web.page.FormLists;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A researcher's own mentorship request: one per researcher, keyed by their account's email. Only researchers use
 * this page; the request's email is always the signed-in account's.
 */
@Controller
class MyRequestController {

    /** What the form holds, as text, whether read from the store or from a rejected submission. */
    record RequestForm(String externalId, long version, String name, String institution, String country,
            String timeZone, String careerStage, List<String> domains, String goals, String languages,
            String startDate, String durationMonths, String minOverlapMinutes, List<String> preferredMentorIds,
            List<String> excludedMentorIds) {
    }

    /** A mentor as the directory shows them to researchers: no email. */
    record DirectoryEntry(String externalId, String name, String institution, String country, List<String> domains) {
    }

    private final RequestService requests;
    private final MentorService mentors;
    private final AccountService accounts;
    /** The time zones a researcher picks from: regions, without the Etc/ and SystemV/ aliases. */
    private static final List<String> ZONES = java.time.ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().toList();

    private final Taxonomy taxonomy;
    /** The domain tree of the form: the taxonomy never changes while the app runs. */
    private final List<DomainTree.Node> tree;

    MyRequestController(RequestService requests, MentorService mentors, AccountService accounts, Taxonomy taxonomy) {
        this.requests = requests;
        this.mentors = mentors;
        this.accounts = accounts;
        this.taxonomy = taxonomy;
        this.tree = DomainTree.of(taxonomy);
    }

    @GetMapping("/my-request")
    String show(Model model, @RequestParam(name = "saved", required = false) String saved) {
        Viewer viewer = Viewer.current();
        if (!isResearcher(viewer)) {
            return "redirect:/";
        }
        Optional<StoredRequest> stored = own(viewer);
        RequestForm form = stored.map(MyRequestController::formOf).orElseGet(() -> blank(viewer));
        List<SlotInput> slots = stored.map(s -> s.request().weeklyAvailability().stream().map(SlotInput::of).toList())
                .orElse(List.of());
        model.addAttribute("saved", saved != null);
        return render(model, stored, form, slots, Map.of());
    }

    @PostMapping("/my-request")
    String save(Model model,
            @RequestParam(defaultValue = "0") long version,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String institution,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(defaultValue = "") String careerStage,
            @RequestParam(required = false) List<String> domains,
            @RequestParam(required = false) List<String> domainPick,
            @RequestParam(defaultValue = "") String goals,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "") String startDate,
            @RequestParam(defaultValue = "") String durationMonths,
            @RequestParam(defaultValue = "") String minOverlapMinutes,
            @RequestParam(required = false) List<String> slotDay,
            @RequestParam(required = false) List<String> slotStart,
            @RequestParam(required = false) List<String> slotEnd,
            @RequestParam(required = false) List<String> preferredMentorIds,
            @RequestParam(required = false) List<String> excludedMentorIds) {
        Viewer viewer = Viewer.current();
        if (!isResearcher(viewer)) {
            throw new ForbiddenException("Only researchers have a mentorship request");
        }
        // a request of an earlier cycle is not changed once another cycle takes requests: saving asks again there
        Optional<StoredRequest> stored = own(viewer).filter(s -> !inEarlierCycle(s));
        String externalId = stored.map(s -> s.request().externalId()).orElseGet(MyRequestController::newExternalId);
        List<String> ranked = FormLists.ranked(domains, domainPick);
        List<String> oldPreferred = stored.map(s -> s.request().preferredMentorIds()).orElse(List.of());
        List<String> preferred = FormLists.ranked(oldPreferred, preferredMentorIds);
        List<String> excluded = excludedMentorIds == null ? List.of() : excludedMentorIds;
        List<SlotInput> slots = FormLists.slots(slotDay, slotStart, slotEnd);
        String priority = stored.map(s -> Boolean.toString(s.request().priority())).orElse("false");
        RequestInput input = new RequestInput(externalId, name, viewer.email(), blankToNull(institution),
                country.strip().toUpperCase(java.util.Locale.ROOT), timeZone, careerStage,
                FormLists.split(languages), ranked, FormLists.split(goals), startDate, durationMonths,
                minOverlapMinutes, slots, preferred, excluded, priority);
        RequestForm form = new RequestForm(externalId, version, name, institution, country, timeZone, careerStage,
                ranked, goals, languages, startDate, durationMonths, minOverlapMinutes, preferred, excluded);
        try {
            if (stored.isPresent()) {
                ParticipantEdits.requireEditableByResearcher(stored.get(), "change");
                requests.update(externalId, input, version, true);
            } else {
                requests.create(input, true);
            }
            return "redirect:/my-request?saved";
        } catch (InvalidInputException e) {
            return render(model, stored, form, slots, FieldErrors.byField(e));
        } catch (ConflictException e) {
            String message = "stale-version".equals(e.code())
                    ? "Your request was changed elsewhere since you opened this page: reload the page to see it, "
                            + "then make your changes again."
                    : e.getMessage();
            return render(model, stored, form, slots, Map.of("form", message));
        }
    }

    private String render(Model model, Optional<StoredRequest> stored, RequestForm form, List<SlotInput> slots,
            Map<String, String> errors) {
        model.addAttribute("stored", stored.orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("tree", tree);
        model.addAttribute("rankedDomains", form.domains().stream()
                .map(code -> new DirectoryEntry(code, taxonomy.find(code).map(d -> d.name()).orElse(code), null, null,
                        List.of()))
                .toList());
        model.addAttribute("slotRows", FormLists.rows(slots));
        model.addAttribute("days", FormLists.DAYS);
        model.addAttribute("careerStages", CareerStage.values());
        model.addAttribute("directory", directory());
        model.addAttribute("zones", ZONES);
        return "request/my-request";
    }

    private List<DirectoryEntry> directory() {
        List<DirectoryEntry> entries = new ArrayList<>();
        mentors.find(MentorFilter.ALL, PageRequest.of(0, 1000, Sort.by("name"))).forEach(stored -> entries.add(
                new DirectoryEntry(stored.mentor().externalId(), stored.mentor().name(), stored.mentor().institution(),
                        stored.mentor().country(), DomainTree.names(taxonomy, stored.mentor().domains()))));
        return entries;
    }

    /** The researcher's newest request (one per cycle: the latest cycle's). */
    private Optional<StoredRequest> own(Viewer viewer) {
        return requests.newestOf(viewer.email());
    }

    /** Whether the request is in another cycle than the one open for requests today. */
    private boolean inEarlierCycle(StoredRequest stored) {
        return requests.calendar().openForRequests().map(cycle -> !cycle.code().equals(stored.cycle()))
                .orElse(false);
    }

    private RequestForm blank(Viewer viewer) {
        String name = accounts.findByEmail(viewer.email()).map(Account::name).orElse("");
        return new RequestForm(null, 0, name, "", "", "", "", List.of(), "", "en",
                LocalDate.now().plusMonths(1).withDayOfMonth(1).toString(), "6",
                Integer.toString(MentorshipRequest.DEFAULT_MIN_OVERLAP_MINUTES), List.of(), List.of());
    }

    private static RequestForm formOf(StoredRequest stored) {
        MentorshipRequest r = stored.request();
        return new RequestForm(r.externalId(), stored.version(), r.name(), r.institution() == null ? ""
                : r.institution(), r.country(), r.timeZone().getId(),
                r.careerStage() == null ? "" : r.careerStage().name(), r.domains(), FormLists.join(r.goals()),
                FormLists.join(r.languages()), r.startDate().toString(), Integer.toString(r.durationMonths()),
                Integer.toString(r.minOverlapMinutes()), r.preferredMentorIds(),
                List.copyOf(r.excludedMentorIds()));
    }

    private static boolean isResearcher(Viewer viewer) {
        return viewer.role() == org.mentoring.accounts.Role.RESEARCHER;
    }

    private static String newExternalId() {
        return "r-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
