package org.mentoring.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentoring.analytics.AnalyticsService;
import org.mentoring.analytics.RunAnalytics;
import org.mentoring.analytics.RunFunnel;
import org.mentoring.analytics.RunFunnelService;
import org.mentoring.analytics.UnmatchedCategory;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.OfferDeadlines;
import org.mentoring.lifecycle.Publication;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.run.RunReader;
import org.mentoring.matching.run.RunProposals;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator publishes a completed run as offers (after a page that says who will be told and what), and reads
 * the run's analytics and equity report beside the run before it.
 */
@Controller
class AdminLifecycleController {

    /** One step of the funnel: what, and how many. */
    record FunnelStep(String label, int count) {
    }

    /** One reason category with this run's count and the previous run's. */
    record CategoryRow(String label, long count, Long previous) {
    }

    private final LifecycleService lifecycle;
    private final AnalyticsService analytics;
    private final RunReader runs;
    private final RunFunnelService funnels;
    private final OutdatedRuns outdated;
    private final RequestService requests;
    private final MentorService mentors;

    private final org.mentoring.analytics.CycleAnalytics cycles;

    AdminLifecycleController(LifecycleService lifecycle, AnalyticsService analytics, RunReader runs,
            RunFunnelService funnels, OutdatedRuns outdated, RequestService requests, MentorService mentors,
            org.mentoring.analytics.CycleAnalytics cycles) {
        this.cycles = cycles;
        this.lifecycle = lifecycle;
        this.analytics = analytics;
        this.runs = runs;
        this.funnels = funnels;
        this.outdated = outdated;
        this.requests = requests;
        this.mentors = mentors;
    }

    /** The step before publishing: how many people will be told, one of their messages, and a button to go on. */
    @GetMapping("/admin/runs/{id}/publish")
    String confirmPublish(@PathVariable String id, Model model) {
        MatchingRun run = runs.get(id);
        model.addAttribute("run", run);
        if (run.status() != RunStatus.COMPLETED) {
            model.addAttribute("blocked", "This run is " + run.status().name().toLowerCase() + "; only a completed run"
                    + " can be published.");
            return "admin/run-publish";
        }
        if (run.publishedAt() != null && !run.publishUnfinished()) {
            model.addAttribute("blocked", "This run is already published; publishing it again tells nobody anything.");
            return "admin/run-publish";
        }
        if (outdated.isOutdated(run)) {
            model.addAttribute("blocked", outdated.why(run));
            model.addAttribute("outdated", true);
            return "admin/run-publish";
        }
        List<Proposal> proposals = runs.proposals(id).proposals();
        model.addAttribute("researchers", proposals.stream().map(Proposal::requestExternalId).distinct().count());
        model.addAttribute("mentors", proposals.stream().map(Proposal::mentorExternalId).distinct().count());
        model.addAttribute("offers", proposals.size());
        Optional<Proposal> first = proposals.stream().findFirst();
        first.ifPresent(p -> {
            List<String> message = lifecycle.offerPreview(p.id());
            model.addAttribute("previewTo", requests.find(p.requestExternalId())
                    .map(r -> r.request().name() + " <" + r.request().email() + ">").orElse(p.requestExternalId()));
            model.addAttribute("previewMentor", mentors.find(p.mentorExternalId()).map(m -> m.mentor().name())
                    .orElse(p.mentorExternalId()));
            model.addAttribute("previewSubject", message.get(0));
            model.addAttribute("previewBody", message.get(1));
        });
        return "admin/run-publish";
    }

    @PostMapping("/admin/runs/{id}/publish")
    String publish(@PathVariable String id, @RequestParam(required = false) String answerWithinDays,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            Publication publication = lifecycle.publish(id, days(answerWithinDays), Viewer.current().email(),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("publishNotice", publication.alreadyPublished()
                    ? "This run was already published."
                    : "Published: " + publication.offered() + " offers sent to both sides"
                            + (publication.withdrawn() > 0 ? ", " + publication.withdrawn()
                                    + " withdrawn because their request had changed" : "") + ".");
        } catch (ConflictException e) {
            MatchingRun run = runs.get(id);
            redirect.addFlashAttribute("publishError", "run-outdated".equals(e.code()) ? outdated.why(run)
                    : e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("publishError", e.getMessage() + " Nothing was published.");
        }
        return "redirect:/admin/runs/" + id;
    }

    /** The form's days to answer: blank for the default; not a whole number is refused like one out of bounds. */
    private static Integer days(String answerWithinDays) {
        if (answerWithinDays == null || answerWithinDays.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(answerWithinDays.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(OfferDeadlines.FIELD, "Days to answer: give a whole number of days from "
                    + OfferDeadlines.MIN_DAYS + " to " + OfferDeadlines.MAX_DAYS + ".");
        }
    }

    @GetMapping("/admin/runs/{id}/analytics")
    String analytics(@PathVariable String id, Model model) {
        MatchingRun run = runs.get(id);
        RunAnalytics now = analytics.of(id);
        model.addAttribute("run", run);
        model.addAttribute("analytics", now);
        // the run's cycle against the previous one (a run saved before cycles existed: the current cycle)
        model.addAttribute("comparison", cycles.compare(run.cycle()));
        Map<UnmatchedCategory, Long> categories = UnmatchedCategory.count(runs.proposals(id).unmatched());
        Optional<MatchingRun> previous = runs.list(PageRequest.of(0, 50)).getContent().stream()
                .filter(other -> other.createdAt().isBefore(run.createdAt()))
                .filter(other -> other.status() == RunStatus.COMPLETED || other.status() == RunStatus.CANCELLED)
                .max(java.util.Comparator.comparing(MatchingRun::createdAt));
        Map<UnmatchedCategory, Long> before = new LinkedHashMap<>();
        previous.ifPresent(p -> {
            RunProposals result = runs.proposals(p.id());
            before.putAll(UnmatchedCategory.count(result.unmatched()));
            model.addAttribute("previous", p);
            model.addAttribute("previousAnalytics", analytics.of(p.id()));
        });
        List<CategoryRow> rows = new ArrayList<>();
        categories.forEach((category, count) -> rows.add(new CategoryRow(category.label(), count,
                previous.isPresent() ? before.getOrDefault(category, 0L) : null)));
        before.forEach((category, count) -> {
            if (!categories.containsKey(category)) {
                rows.add(new CategoryRow(category.label(), 0, count));
            }
        });
        model.addAttribute("categoryRows", rows);
        RunFunnel funnel = funnels.of(id);
        model.addAttribute("funnel", List.of(new FunnelStep("Proposed", funnel.proposed()),
                new FunnelStep("Offered", funnel.offered()),
                new FunnelStep("Withdrawn at publication", funnel.withdrawn()),
                new FunnelStep("Waiting for answers", funnel.waiting()),
                new FunnelStep("Accepted", funnel.accepted()), new FunnelStep("Declined", funnel.declined()),
                new FunnelStep("Expired", funnel.expired()), new FunnelStep("Active mentorships", funnel.active()),
                new FunnelStep("Completed", funnel.completed()), new FunnelStep("Ended early", funnel.endedEarly())));
        return "admin/analytics";
    }
}
