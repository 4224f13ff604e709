package org.mentoring.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.lifecycle.Candidate;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.lifecycle.OverrideService;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.model.UnmatchedRequest;
import org.mentoring.matching.run.RunReader;
import org.mentoring.matching.run.RunProposals;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.pins.PinDocument;
import org.mentoring.pins.PinService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Stepping into a run's match for one request: the mentors it could have, ranked, with the rule each would break;
 * giving its proposal another mentor; answering its offer on someone's behalf.
 */
@Controller
class AdminMatchController {

    /** A candidate mentor in words: the rules the pair would break, each as a sentence. */
    record CandidateRow(Candidate candidate, List<String> broken, boolean current) {
    }

    private final RunReader runs;
    private final OverrideService overrides;
    private final LifecycleService lifecycle;
    private final RequestService requests;
    private final PinService pins;

    AdminMatchController(RunReader runs, OverrideService overrides, LifecycleService lifecycle,
            RequestService requests, PinService pins) {
        this.pins = pins;
        this.runs = runs;
        this.overrides = overrides;
        this.lifecycle = lifecycle;
        this.requests = requests;
    }

    @GetMapping("/admin/runs/{id}/requests/{requestId}")
    String request(@PathVariable String id, @PathVariable String requestId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        MatchingRun run = runs.get(id);
        RunProposals result = runs.proposals(id);
        Optional<Proposal> proposal = result.proposals().stream()
                .filter(p -> p.requestExternalId().equals(requestId)).findFirst();
        Optional<UnmatchedRequest> unmatched = result.unmatched().stream()
                .filter(u -> u.requestExternalId().equals(requestId)).findFirst();
        if (proposal.isEmpty() && unmatched.isEmpty()) {
            throw new NotFoundException("request of this run", requestId);
        }
        model.addAttribute("run", run);
        model.addAttribute("request", requests.get(requestId).request());
        model.addAttribute("reasons", unmatched.map(UnmatchedRequest::reasons).orElse(List.of()));
        Offer offer = proposal.map(p -> lifecycle.get(p.id())).orElse(null);
        model.addAttribute("offer", offer);
        model.addAttribute("explanation", proposal.map(Proposal::explanation).orElse(List.of()));
        boolean changeable = offer != null
                && (offer.status() == OfferStatus.DRAFT || offer.status() == OfferStatus.OFFERED);
        model.addAttribute("changeable", changeable);
        model.addAttribute("pairable", offer == null && run.status() == RunStatus.COMPLETED
                && run.publishedAt() == null);
        model.addAttribute("answerable", offer != null && offer.status() == OfferStatus.OFFERED);
        model.addAttribute("offerWords", offer == null ? null : offerWords(offer.status()));
        model.addAttribute("pendingSides", offer == null ? List.of() : java.util.Arrays.stream(Side.values())
                .filter(side -> offer.answerOf(side) == null).map(Side::name).toList());
        String current = offer == null ? null : offer.mentorExternalId();
        List<CandidateRow> rows = overrides.candidates(requestId, id).stream()
                .map(c -> new CandidateRow(c, c.broken().stream().map(rule -> RunPage.ruleWords(rule, c)).toList(),
                        c.mentorExternalId().equals(current)))
                .toList();
        // the coordinator's pin: whether this run kept the pair for it, and whether later runs will
        PinDocument pin = pins.ofRequests(List.of(requestId)).get(requestId);
        model.addAttribute("pin", pin);
        model.addAttribute("pinMentor", pin == null ? null : rows.stream()
                .filter(row -> row.candidate().mentorExternalId().equals(pin.mentorExternalId())).findFirst()
                .map(row -> row.candidate().name()).orElse(pin.mentorExternalId()));
        model.addAttribute("keptByPin", proposal.map(Proposal::pinned).orElse(false));
        model.addAttribute("pinnable", offer != null && offer.status() == OfferStatus.DRAFT);
        model.addAttribute("currentMentor", rows.stream().filter(CandidateRow::current).findFirst()
                .map(row -> row.candidate().name()).orElse(current));
        int size = PageLinks.PAGE_SIZE;
        int number = Math.max(0, Math.min(page, (rows.size() - 1) / size));
        Page<CandidateRow> found = new PageImpl<>(rows.subList(Math.min(rows.size(), number * size),
                Math.min(rows.size(), number * size + size)), PageRequest.of(number, size), rows.size());
        model.addAttribute("found", found);
        model.addAttribute("candidates", found.getContent());
        model.addAttribute("pages", PageLinks.of(found, "/admin/runs/" + id + "/requests/" + requestId, Map.of()));
        return "admin/run-request";
    }

    /** Gives the request's proposal another mentor; a pair that breaks a hard rule is refused, naming it. */
    @PostMapping("/admin/runs/{id}/requests/{requestId}/override")
    String override(@PathVariable String id, @PathVariable String requestId, @RequestParam String proposalId,
            @RequestParam String mentorExternalId, HttpServletRequest http, RedirectAttributes redirect) {
        if (!belongs(proposalId, id, requestId)) {
            redirect.addFlashAttribute("actionError", "Not changed: that proposal is not this request's in this run.");
            return back(id, requestId);
        }
        try {
            Offer offer = overrides.override(proposalId, mentorExternalId.strip(), Viewer.current().email(),
                    http.getRemoteAddr());
            redirect.addFlashAttribute("done", "The proposal now pairs the researcher with " + mentorName(requestId,
                    offer.mentorExternalId()) + (offer.status() == OfferStatus.OFFERED
                    ? "; both sides are asked again." : "."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", refusal(requestId, mentorExternalId.strip(), e.getMessage()));
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("actionError", e.getMessage());
        }
        return back(id, requestId);
    }

    /** Pairs a request the run left unmatched with a mentor, before publishing; refused naming each broken rule. */
    @PostMapping("/admin/runs/{id}/requests/{requestId}/pair")
    String pair(@PathVariable String id, @PathVariable String requestId, @RequestParam String mentorExternalId,
            HttpServletRequest http, RedirectAttributes redirect) {
        try {
            Offer offer = overrides.pairWith(id, requestId, mentorExternalId.strip(), Viewer.current().email(),
                    http.getRemoteAddr());
            redirect.addFlashAttribute("done", "Paired with " + mentorName(requestId, offer.mentorExternalId())
                    + ": the pair is one of this run's proposals and is offered when you publish the run.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", refusal(requestId, mentorExternalId.strip(), e.getMessage()));
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("actionError", "Not paired: " + e.getMessage());
        }
        return back(id, requestId);
    }

    /** Records a side's answer to an offer for them (they replied by email or by phone). */
    @PostMapping("/admin/runs/{id}/requests/{requestId}/answer")
    String answer(@PathVariable String id, @PathVariable String requestId, @RequestParam String proposalId,
            @RequestParam Side side, @RequestParam Answer answer, HttpServletRequest http,
            RedirectAttributes redirect) {
        if (!belongs(proposalId, id, requestId)) {
            redirect.addFlashAttribute("actionError", "Not recorded: that offer is not this request's in this run.");
            return back(id, requestId);
        }
        try {
            Offer offer = lifecycle.answer(proposalId, side, answer, Viewer.current().email(), true,
                    http.getRemoteAddr());
            redirect.addFlashAttribute("done", "Recorded for the " + (side == Side.RESEARCHER ? "researcher" : "mentor")
                    + ": " + (answer == Answer.ACCEPTED ? "accepted" : "declined") + ". The offer is now "
                    + offerWords(offer.status()) + ".");
        } catch (ConflictException e) {
            String who = side == Side.RESEARCHER ? "researcher" : "mentor";
            redirect.addFlashAttribute("actionError", "already-answered".equals(e.code())
                    ? "Not recorded: the " + who + " has already answered this offer."
                    : "Not recorded: the offer is " + offerWords(lifecycle.get(proposalId).status())
                            + "; only an offer waiting for answers can be answered.");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("actionError", e.getMessage());
        }
        return back(id, requestId);
    }

    /** Whether the proposal is the one this run made for this request (a form of another page cannot act here). */
    private boolean belongs(String proposalId, String runId, String requestId) {
        try {
            Offer offer = lifecycle.get(proposalId);
            return offer.runId().equals(runId) && offer.requestExternalId().equals(requestId);
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String back(String runId, String requestId) {
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/runs/{id}/requests/{r}")
                .buildAndExpand(runId, requestId).encode().toUriString();
    }

    /**
     * Why a pair is refused, each broken rule in words: the service's own account of each rule (which counts the
     * run's other proposals on the mentor), its rule codes turned into names.
     */
    private String refusal(String requestId, String mentorExternalId, String message) {
        int breaks = message.indexOf(" breaks ");
        String rules = breaks < 0 ? message : message.substring(breaks + " breaks ".length());
        for (HardRule rule : HardRule.values()) {
            rules = rules.replaceAll(rule.name() + " \\(rule \\d\\): ", RULE_NAMES.get(rule) + ": ");
        }
        return "Not changed: pairing with " + mentorName(requestId, mentorExternalId) + " breaks a hard rule. "
                + rules + ".";
    }

    private static final Map<HardRule, String> RULE_NAMES = Map.of(HardRule.CAPACITY, "Capacity",
            HardRule.TIME_TOGETHER, "Time together", HardRule.DATES, "Dates", HardRule.CONFLICT, "Conflict",
            HardRule.LANGUAGE, "Language");

    private String mentorName(String requestId, String mentorExternalId) {
        return overrides.candidates(requestId).stream().filter(c -> c.mentorExternalId().equals(mentorExternalId))
                .findFirst().map(Candidate::name).orElse(mentorExternalId);
    }

    static String offerWords(OfferStatus status) {
        return switch (status) {
            case DRAFT -> "a draft, not published yet";
            case OFFERED -> "offered, waiting for answers";
            case ACCEPTED -> "accepted by both: the mentorship has started";
            case DECLINED -> "declined";
            case WITHDRAWN -> "withdrawn";
            case EXPIRED -> "expired without both answers";
        };
    }
}
