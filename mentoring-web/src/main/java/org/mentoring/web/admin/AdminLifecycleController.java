package org.mentoring.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.mentoring.analytics.AnalyticsService;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.OfferDeadlines;
import org.mentoring.lifecycle.Publication;
import org.mentoring.matching.run.MatchingRunService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator publishes a completed run as offers, and reads the run's analytics and equity report. */
@Controller
class AdminLifecycleController {

    private final LifecycleService lifecycle;
    private final AnalyticsService analytics;
    private final MatchingRunService runs;

    private final org.mentoring.analytics.CycleAnalytics cycles;

    AdminLifecycleController(LifecycleService lifecycle, AnalyticsService analytics, MatchingRunService runs,
            org.mentoring.analytics.CycleAnalytics cycles) {
        this.cycles = cycles;
        this.lifecycle = lifecycle;
        this.analytics = analytics;
        this.runs = runs;
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
            redirect.addFlashAttribute("publishError", e.getMessage());
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
        org.mentoring.matching.run.MatchingRun run = runs.get(id);
        model.addAttribute("run", run);
        model.addAttribute("analytics", analytics.of(id));
        // the run's cycle against the previous one (a run saved before cycles existed: the current cycle)
        model.addAttribute("comparison", cycles.compare(run.cycle()));
        return "admin/analytics";
    }
}
