package org.mentoring.web.directory;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.ZoneNames;
import org.mentoring.directask.BrokenRule;
import org.mentoring.directask.DirectAsk;
import org.mentoring.directask.DirectAskService;
import org.mentoring.directask.DirectAskSettings;
import org.mentoring.directask.PairRules;
import org.mentoring.matching.solver.Explanations;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.mentoring.taxonomy.TaxonomySource;
import org.mentoring.time.WeeklyOverlap;
import org.mentoring.web.page.DomainTree;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mentor directory: every mentor by name with their domains, languages, time zone and free places, and for a
 * researcher with a request the weekly time they would share (in the researcher's own time) and the hard rules the
 * pair would break. A researcher whose request is OPEN asks one mentor directly from here, while the coordinator
 * allows it. Mentors and coordinators may look too, without asking. No email and no code is shown.
 */
@Controller
class MentorDirectoryController {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * One mentor as the page shows them; {@code key} (their externalId) only addresses the form, never shown;
     * {@code circles} the mentoring circles they lead, in words (null when they lead none).
     */
    record Row(String key, String name, String institution, String country, List<String> domains,
            List<String> languages, String timeZone, int freePlaces, int capacity, List<String> sharedTimes,
            String sharedTotal, List<String> broken, String circles) {

        public boolean canAsk() {
            return broken.isEmpty();
        }
    }

    /** A language to filter by: its code is the option's value, its name what the person reads. */
    record Language(String code, String name) {
    }

    private final MentorService mentors;
    private final RequestService requests;
    private final DirectAskService asks;
    private final DirectAskSettings settings;
    private final TaxonomySource taxonomy;

    MentorDirectoryController(MentorService mentors, RequestService requests, DirectAskService asks,
            DirectAskSettings settings, TaxonomySource taxonomy) {
        this.mentors = mentors;
        this.requests = requests;
        this.asks = asks;
        this.settings = settings;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/mentors")
    String directory(Model model, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String fitsOnly,
            @RequestParam(defaultValue = "") String page) {
        // typed into the address bar or not, a wrong value shows the first page of everyone rather than an error
        boolean fits = "true".equals(fitsOnly);
        int pageAsked = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
        Viewer viewer = Viewer.current();
        Optional<StoredRequest> own = own(viewer);
        List<Mentor> all = allMentors();
        Map<String, Integer> held = mentors.placesHeld(all.stream().map(Mentor::externalId).toList());
        Map<String, List<BrokenRule>> broken = own.map(stored -> asks.brokenRules(stored.request(), all))
                .orElse(Map.of());
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<Row> rows = new ArrayList<>();
        for (Mentor mentor : all) {
            Row row = row(mentor, own.map(StoredRequest::request).orElse(null), held.getOrDefault(mentor.externalId(),
                    0), broken.getOrDefault(mentor.externalId(), List.of()));
            if ((!language.isEmpty() && !mentor.languages().contains(language))
                    || (fits && own.isPresent() && !row.canAsk()) || (!needle.isEmpty() && !matches(row, needle))) {
                continue;
            }
            rows.add(row);
        }
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(pageAsked, pages - 1));
        Optional<DirectAsk> pending = own.flatMap(stored -> asks.pendingFor(stored.request().externalId()));
        boolean asksOn = settings.enabled();
        model.addAttribute("rows", rows.subList(current * PAGE_SIZE, Math.min(rows.size(), (current + 1) * PAGE_SIZE)));
        model.addAttribute("found", rows.size());
        model.addAttribute("total", all.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("q", q);
        model.addAttribute("language", language);
        model.addAttribute("fits", fits);
        model.addAttribute("languages", languages(all));
        model.addAttribute("researcher", viewer.role() == Role.RESEARCHER);
        model.addAttribute("request", own.orElse(null));
        model.addAttribute("zone", own.map(stored -> zoneName(stored.request().timeZone())).orElse(null));
        model.addAttribute("pending", pending.orElse(null));
        model.addAttribute("pendingAskedOn", pending.map(ask -> day(ask.askedAt())).orElse(null));
        model.addAttribute("pendingAnswerBy", pending.map(ask -> day(ask.answerBy())).orElse(null));
        model.addAttribute("asksOn", asksOn);
        model.addAttribute("canAsk", asksOn && pending.isEmpty() && own.map(s -> s.status() == RequestStatus.OPEN)
                .orElse(false));
        return "directory/mentors";
    }

    @PostMapping("/mentors/{externalId}/ask")
    String ask(@PathVariable String externalId, @RequestParam(defaultValue = "") String message,
            @RequestParam(required = false) String confirm, HttpServletRequest http, RedirectAttributes redirect) {
        Viewer viewer = Viewer.current();
        if (viewer.role() != Role.RESEARCHER) {
            throw new ForbiddenException("Only researchers ask mentors directly");
        }
        Optional<StoredRequest> own = own(viewer);
        String name = mentors.find(externalId).map(stored -> stored.mentor().name()).orElse("this mentor");
        redirect.addFlashAttribute("askMentor", externalId);
        redirect.addFlashAttribute("askMessage", message);
        if (own.isEmpty()) {
            redirect.addFlashAttribute("askErrors", List.of("Submit your mentorship request first: an ask is made"
                    + " for a request."));
        } else if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("askErrors", List.of("Tick the box to confirm that you want to ask " + name
                    + "."));
        } else {
            try {
                DirectAsk ask = asks.ask(own.get().request().externalId(), externalId, message, viewer.email(),
                        http.getRemoteAddr());
                redirect.getFlashAttributes().clear();
                redirect.addFlashAttribute("askNotice", "You asked " + ask.mentorName() + ". They have until "
                        + day(ask.answerBy()) + " to answer; you will get an email either way, and your request"
                        + " waits for their answer.");
                return "redirect:/mentors";
            } catch (InvalidInputException e) {
                List<String> reasons = e.errors().stream().map(InvalidInputException.FieldError::message).toList();
                redirect.addFlashAttribute("askErrors", e.errors().size() > 1 || !e.getMessage().equals(reasons
                        .get(0)) ? prefixed(e.getMessage(), reasons) : reasons);
            } catch (ConflictException e) {
                // the ledger names the mentor with their code; the page says it with their name alone
                redirect.addFlashAttribute("askErrors", List.of(MentorPlaces.FULL.equals(e.code())
                        ? name + " has no free place any more: another offer took their last one." : e.getMessage()));
            }
        }
        redirect.addFlashAttribute("askFor", name);
        return "redirect:/mentors";
    }

    private static List<String> prefixed(String heading, List<String> reasons) {
        List<String> lines = new ArrayList<>();
        lines.add(heading + ":");
        lines.addAll(reasons);
        return lines;
    }

    private Row row(Mentor mentor, MentorshipRequest request, int held, List<BrokenRule> broken) {
        List<String> shared = List.of();
        String total = null;
        if (request != null) {
            ZoneOffset researcher = WeeklyOverlap.offsetOn(request.timeZone(), request.startDate());
            int[] common = WeeklyOverlap.intersectionIntervals(
                    WeeklyOverlap.toUtcWeek(request.weeklyAvailability(), researcher),
                    WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(),
                            WeeklyOverlap.offsetOn(mentor.timeZone(), request.startDate())));
            shared = localWindows(common, researcher);
            total = Explanations.duration(WeeklyOverlap.length(common));
        }
        return new Row(mentor.externalId(), mentor.name(), mentor.institution(), countryName(mentor.country()),
                DomainTree.names(taxonomy.current(), mentor.domains()),
                mentor.languages().stream().map(PairRules::languageName).sorted().toList(),
                zoneName(mentor.timeZone()), Math.max(0, mentor.capacity() - held), mentor.capacity(), shared, total,
                broken.stream().map(BrokenRule::reason).map(MentorDirectoryController::sentence).toList(),
                mentor.circles() <= 0 ? null : "Leads " + (mentor.circles() == 1 ? "a mentoring circle"
                        : "up to " + mentor.circles() + " mentoring circles at once") + " (a small group meeting"
                        + " them every week), besides one-to-one mentoring; ask for a circle in your request");
    }

    /** The shared windows in the researcher's local time, Monday first. */
    private static List<String> localWindows(int[] common, ZoneOffset offset) {
        int shift = offset.getTotalSeconds() / 60;
        List<int[]> windows = new ArrayList<>();
        for (int i = 0; i < common.length; i += 2) {
            windows.add(new int[] {common[i], common[i + 1]});
        }
        windows.sort(Comparator.comparingInt(w -> Math.floorMod(w[0] + shift, WeeklyOverlap.MINUTES_PER_WEEK)));
        return windows.stream().map(w -> WeeklyOverlap.describe(w[0], w[1], offset)).toList();
    }

    private static boolean matches(Row row, String needle) {
        List<String> words = new ArrayList<>(List.of(row.name(), row.institution() == null ? "" : row.institution(),
                row.country(), row.timeZone()));
        words.addAll(row.domains());
        words.addAll(row.languages());
        return words.stream().anyMatch(word -> word != null && word.toLowerCase(Locale.ROOT).contains(needle));
    }

    private List<Mentor> allMentors() {
        List<Mentor> all = new ArrayList<>();
        Page<StoredMentor> batch;
        int number = 0;
        do {
            batch = mentors.find(MentorFilter.ALL, PageRequest.of(number++, 500, Sort.by("name", "externalId")));
            batch.forEach(stored -> all.add(stored.mentor()));
        } while (batch.hasNext());
        return all;
    }

    /** The researcher's request this page is about: their OPEN one if any, else their latest. */
    private Optional<StoredRequest> own(Viewer viewer) {
        if (viewer.role() != Role.RESEARCHER) {
            return Optional.empty();
        }
        List<StoredRequest> owned = requests.find(RequestFilter.ALL.ownedBy(viewer.email()), PageRequest.of(0, 50))
                .stream().filter(stored -> viewer.ownsRequest(stored.request().email())).toList();
        return owned.stream().filter(stored -> stored.status() == RequestStatus.OPEN).findFirst()
                .or(() -> owned.stream().max(Comparator.comparing(StoredRequest::createdAt,
                        Comparator.nullsFirst(Comparator.naturalOrder()))));
    }

    private static List<Language> languages(List<Mentor> all) {
        Map<String, Language> byName = new TreeMap<>();
        all.stream().flatMap(mentor -> mentor.languages().stream()).distinct()
                .forEach(code -> byName.put(PairRules.languageName(code), new Language(code,
                        PairRules.languageName(code))));
        return List.copyOf(byName.values());
    }

    private static String countryName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    /** For example "Nairobi (East Africa Time, UTC+03:00)", with today's offset. */
    static String zoneName(ZoneId zone) {
        return ZoneNames.of(zone, Instant.now());
    }

    private static String sentence(String reason) {
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
    }

    private static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ZoneOffset.UTC));
    }
}
