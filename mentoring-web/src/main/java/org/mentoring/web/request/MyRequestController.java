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
import org.mentoring.people.MentorFilter;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.input.ParticipantEdits;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.input.SlotInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.taxonomy.TaxonomySource;
import org.mentoring.web.page.DomainTree;
import org.mentoring.web.page.FieldErrors;
import org.mentoring.web.page.FormLists;
import org.mentoring.web.page.Names;
import org.mentoring.matching.persistence.RunResultStore;
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
            String timeZone, String careerStage, List<String> domains, List<String> goals, List<String> languages,
            String startDate, String durationMonths, String minOverlapMinutes, List<String> preferredMentorIds,
            List<String> excludedMentorIds, String format) {
    }

    /** A mentor as the directory shows them to researchers: no email, the country by name. */
    record DirectoryEntry(String externalId, String name, String institution, String country, List<String> domains) {
    }

    /** A picked mentor in the researcher's ranking: the code the form posts and the name shown. */
    record Ranked(String externalId, String name) {
    }

    private final RequestService requests;
    private final MentorService mentors;
    private final AccountService accounts;
    private final Names names;
    private final PendingOfferCheck pendingOffers;
    private final RunResultStore results;

    /** The programme's taxonomy and topics, read for each form since an admin may change them. */
    private final TaxonomySource taxonomy;

    MyRequestController(RequestService requests, MentorService mentors, AccountService accounts, TaxonomySource taxonomy,
            Names names, PendingOfferCheck pendingOffers, RunResultStore results) {
        this.requests = requests;
        this.mentors = mentors;
        this.accounts = accounts;
        this.names = names;
        this.pendingOffers = pendingOffers;
        this.results = results;
        this.taxonomy = taxonomy;
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
            @RequestParam(required = false) List<String> goals,
            @RequestParam(required = false) List<String> languages,
            @RequestParam(defaultValue = "") String startDate,
            @RequestParam(defaultValue = "") String durationMonths,
            @RequestParam(defaultValue = "") String minOverlapMinutes,
            @RequestParam(required = false) List<String> slotDay,
            @RequestParam(required = false) List<String> slotStart,
            @RequestParam(required = false) List<String> slotEnd,
            @RequestParam(required = false) List<String> preferredOrder,
            @RequestParam(required = false) List<String> preferredMentorIds,
            @RequestParam(required = false) List<String> excludedMentorIds,
            @RequestParam(defaultValue = "ONE_TO_ONE") String format,
            @RequestParam(defaultValue = "") String confirmBreak) {
        Viewer viewer = Viewer.current();
        if (!isResearcher(viewer)) {
            throw new ForbiddenException("Only researchers have a mentorship request");
        }
        // a request of an earlier cycle is not changed once another cycle takes requests: saving asks again there
        Optional<StoredRequest> stored = own(viewer).filter(s -> !inEarlierCycle(s));
        String externalId = stored.map(s -> s.request().externalId()).orElseGet(MyRequestController::newExternalId);
        List<String> ranked = FormLists.ranked(domains, domainPick);
        // the order the researcher picked (kept by the page's script, or the stored order without it), then new picks
        List<String> order = preferredOrder != null ? preferredOrder
                : stored.map(s -> s.request().preferredMentorIds()).orElse(List.of());
        List<String> preferred = FormLists.ranked(order, preferredMentorIds);
        List<String> goalCodes = goals == null ? List.of() : goals;
        List<String> languageCodes = languages == null ? List.of() : languages;
        List<String> excluded = excludedMentorIds == null ? List.of() : excludedMentorIds;
        List<SlotInput> slots = FormLists.slots(slotDay, slotStart, slotEnd);
        String priority = stored.map(s -> Boolean.toString(s.request().priority())).orElse("false");
        RequestInput input = new RequestInput(externalId, name, viewer.email(), blankToNull(institution),
                country.strip().toUpperCase(java.util.Locale.ROOT), timeZone, careerStage,
                languageCodes, ranked, goalCodes, startDate, durationMonths,
                minOverlapMinutes, slots, preferred, excluded, priority, null, format);
        RequestForm form = new RequestForm(externalId, version, name, institution, country, timeZone, careerStage,
                ranked, goalCodes, languageCodes, startDate, durationMonths, minOverlapMinutes, preferred, excluded,
                format);
        try {
            if (stored.isPresent()) {
                ParticipantEdits.requireEditableByResearcher(stored.get(), "change");
                List<String> breaks = "yes".equals(confirmBreak) ? List.of()
                        : pendingOffers.wouldBreak(externalId, input);
                if (!breaks.isEmpty()) {
                    // nothing saved yet: the researcher confirms, or changes it back
                    model.addAttribute("breakWarnings", breaks);
                    return render(model, stored, form, slots, Map.of());
                }
                requests.update(externalId, input, version, true);
            } else {
                requests.create(input, true);
            }
            return "redirect:/my-request?saved";
        } catch (InvalidInputException e) {
            return render(model, stored, form, slots, FieldErrors.inWords(e));
        } catch (ConflictException e) {
            String message = switch (e.code()) {
                case "stale-version" -> "Your request was changed elsewhere since you opened this page: reload the "
                        + "page to see it, then make your changes again.";
                case "request-in-progress" -> stored.map(s -> s.status()).orElse(null)
                        == org.mentoring.people.RequestStatus.MATCHED
                        ? "Your request cannot change now: you are matched with a mentor. End the mentorship first, "
                                + "or ask the programme coordinator."
                        : "Your request cannot change while an offer waits for answers: decline the offer above "
                                + "first (your request is then open again), or ask the programme coordinator.";
                default -> e.getMessage();
            };
            return render(model, stored, form, slots, Map.of("form", message));
        }
    }

    private String render(Model model, Optional<StoredRequest> stored, RequestForm form, List<SlotInput> slots,
            Map<String, String> errors) {
        model.addAttribute("stored", stored.orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("summary", FieldErrors.summary(errors));
        org.mentoring.taxonomy.Taxonomy current = taxonomy.current();
        model.addAttribute("tree", DomainTree.of(current));
        model.addAttribute("rankedDomains", form.domains().stream()
                .map(code -> new DirectoryEntry(code, current.find(code).map(d -> d.name()).orElse(code), null, null,
                        List.of()))
                .toList());
        model.addAttribute("slotRows", FormLists.rows(slots));
        model.addAttribute("days", FormLists.DAYS);
        model.addAttribute("careerStages", names.careerStages());
        model.addAttribute("formats", org.mentoring.web.page.CircleWords.formats());
        List<DirectoryEntry> directory = directory();
        model.addAttribute("directory", directory);
        Map<String, String> mentorNames = new java.util.HashMap<>();
        directory.forEach(entry -> mentorNames.put(entry.externalId(), entry.name()));
        model.addAttribute("rankedMentors", form.preferredMentorIds().stream()
                .map(id -> new Ranked(id, mentorNames.getOrDefault(id, "A mentor no longer listed"))).toList());
        model.addAttribute("zones", names.zonesWith(form.timeZone()));
        model.addAttribute("countries", names.countries());
        model.addAttribute("languageChoices", Names.chosenFirst(names.languages(), form.languages()));
        model.addAttribute("topics", names.topics());
        boolean seat = stored.map(s -> pendingOffers.isSeat(s.request().externalId(), s.status())).orElse(false);
        model.addAttribute("seat", seat);
        model.addAttribute("statusText", stored.map(s -> StatusWords.of(s.status(), seat)).orElse(null));
        model.addAttribute("unmatched", stored.flatMap(this::unmatched).orElse(null));
        return "request/my-request";
    }

    /**
     * Why the latest published round found no mentor for an OPEN request, in the researcher's words, and what would
     * widen its chances; empty when the request is not OPEN or that round did not leave it unmatched.
     */
    private Optional<Unmatched> unmatched(StoredRequest stored) {
        if (stored.status() != org.mentoring.people.RequestStatus.OPEN) {
            return Optional.empty();
        }
        return results.latestPublishedUnmatched(stored.request().externalId())
                .map(found -> Unmatched.of(stored.request(), found.reasons(), names, pausedWhoFit(stored.request())));
    }

    /**
     * How many mentors paused today would otherwise suit the request (a shared language and domain, not excluded):
     * a round leaves paused mentors out, so its reasons alone would read as if no such mentor existed.
     */
    private int pausedWhoFit(MentorshipRequest request) {
        int count = 0;
        for (String id : mentors.pausedOn(LocalDate.now())) {
            if (request.excludedMentorIds().contains(id)) {
                continue;
            }
            boolean fits = mentors.find(id).map(StoredMentor::mentor)
                    .filter(m -> m.languages().stream().anyMatch(request.languages()::contains))
                    .filter(m -> m.domains().stream().anyMatch(request.domains()::contains)).isPresent();
            if (fits) {
                count++;
            }
        }
        return count;
    }

    private List<DirectoryEntry> directory() {
        List<DirectoryEntry> entries = new ArrayList<>();
        mentors.find(MentorFilter.ALL, PageRequest.of(0, 1000, Sort.by("name"))).forEach(stored -> entries.add(
                new DirectoryEntry(stored.mentor().externalId(), stored.mentor().name(), stored.mentor().institution(),
                        names.country(stored.mentor().country()), DomainTree.names(taxonomy.current(),
                                stored.mentor().domains()))));
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
        return new RequestForm(null, 0, name, "", "", "", "", List.of(), List.of(), List.of("en"),
                LocalDate.now().plusMonths(1).withDayOfMonth(1).toString(), "6",
                Integer.toString(MentorshipRequest.DEFAULT_MIN_OVERLAP_MINUTES), List.of(), List.of(),
                org.mentoring.people.RequestFormat.ONE_TO_ONE.name());
    }

    private static RequestForm formOf(StoredRequest stored) {
        MentorshipRequest r = stored.request();
        return new RequestForm(r.externalId(), stored.version(), r.name(), r.institution() == null ? ""
                : r.institution(), r.country(), r.timeZone().getId(),
                r.careerStage() == null ? "" : r.careerStage().name(), r.domains(), List.copyOf(r.goals()),
                List.copyOf(r.languages()), r.startDate().toString(), Integer.toString(r.durationMonths()),
                Integer.toString(r.minOverlapMinutes()), r.preferredMentorIds(),
                List.copyOf(r.excludedMentorIds()), r.format().name());
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
