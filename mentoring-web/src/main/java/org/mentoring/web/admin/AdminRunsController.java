package org.mentoring.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.run.InputSnapshot;
import org.mentoring.matching.run.MatchingRun;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunProposals;
import org.mentoring.matching.run.RunSettings;
import org.mentoring.matching.run.RunStatus;
import org.mentoring.matching.run.ScorePoint;
import org.mentoring.matching.run.WeightOverrides;
import org.mentoring.matching.run.WeightSetting;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.web.page.FieldErrors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Starting a matching run, watching it solve, and reviewing what it proposes. */
@Controller
class AdminRunsController {

    /** A weight slider: the setting and the value the form shows. */
    record WeightField(WeightSetting setting, int value) {
    }

    /** A proposal with the two people's names, for the review table. */
    record ProposalRow(String requestId, String researcher, String mentorId, String mentor, int affinity,
            int overlapMinutes, List<String> explanation) {
    }

    /** An unmatched request with the researcher's name. */
    record UnmatchedRow(String requestId, String researcher, List<String> reasons) {
    }

    /** The sliders' top: ten times the largest default leaves room to stress a preference and stays usable. */
    static final int SLIDER_MAX = Math.min(MatchingWeights.MAX_WEIGHT, 10 * WeightSetting.all().stream()
            .mapToInt(WeightSetting::defaultWeight).max().orElse(10));

    private final MatchingRunService runs;
    private final ObjectMapper json;
    private final AuditService audit;

    private final org.mentoring.cycles.CycleService cycles;

    AdminRunsController(MatchingRunService runs, ObjectMapper json, AuditService audit,
            org.mentoring.cycles.CycleService cycles) {
        this.cycles = cycles;
        this.runs = runs;
        this.json = json;
        this.audit = audit;
    }

    @GetMapping("/admin/runs")
    String list(Model model) {
        model.addAttribute("runs", runs.list(PageRequest.of(0, 50)).getContent());
        return "admin/runs";
    }

    @GetMapping("/admin/runs/new")
    String newRun(Model model) {
        Map<String, Integer> values = new HashMap<>();
        WeightSetting.all().forEach(setting -> values.put(setting.name(), setting.defaultWeight()));
        return renderNew(model, RunSettings.DEFAULT_TIME_LIMIT_SECONDS, values, Map.of(), null);
    }

    @PostMapping("/admin/runs")
    String start(@RequestParam Map<String, String> params, Principal admin, Model model) {
        Map<String, Integer> values = new HashMap<>();
        WeightSetting.all().forEach(setting -> values.put(setting.name(),
                number(params.get("weight." + setting.name()), setting.defaultWeight())));
        int limit = number(params.get("timeLimitSeconds"), RunSettings.DEFAULT_TIME_LIMIT_SECONDS);
        WeightOverrides overrides = new WeightOverrides(values.get("domainAffinity"), values.get("goals"),
                values.get("preferredMentor"), values.get("extraOverlap"), values.get("priority"),
                values.get("crossInstitution"), values.get("loadBalance"));
        try {
            MatchingRun run = runs.start(new RunSettings(limit, overrides, null, params.get("cycle")));
            audit.record(admin.getName(), "run.start", run.id(), "time limit " + run.timeLimitSeconds() + " s"
                    + (run.cycle() == null ? "" : ", cycle " + run.cycle()), null);
            return "redirect:/admin/runs/" + run.id();
        } catch (InvalidInputException e) {
            return renderNew(model, limit, values, FieldErrors.byField(e), params.get("cycle"));
        } catch (ConflictException e) {
            return renderNew(model, limit, values, Map.of("form", e.getMessage()), params.get("cycle"));
        }
    }

    private String renderNew(Model model, int limit, Map<String, Integer> values, Map<String, String> errors,
            String cycle) {
        org.mentoring.cycles.Calendar calendar = cycles.calendar();
        model.addAttribute("calendar", calendar);
        model.addAttribute("cycle", cycle == null ? calendar.current() : cycle);
        model.addAttribute("timeLimitSeconds", limit);
        model.addAttribute("maxWeight", SLIDER_MAX);
        model.addAttribute("weights", WeightSetting.all().stream()
                .map(setting -> new WeightField(setting, values.get(setting.name()))).toList());
        model.addAttribute("errors", errors);
        return "admin/run-new";
    }

    @GetMapping("/admin/runs/{id}")
    String show(@PathVariable String id, Model model) throws JsonProcessingException {
        MatchingRun run = runs.get(id);
        addStatus(model, run);
        if (run.status() == RunStatus.COMPLETED || run.status() == RunStatus.CANCELLED) {
            addProposals(model, run);
        }
        return "admin/run";
    }

    /** The live part of the run page, polled every second while the run is active. */
    @GetMapping("/admin/runs/{id}/status")
    String status(@PathVariable String id, @RequestParam(defaultValue = "false") boolean watching, Model model,
            HttpServletResponse response) throws JsonProcessingException {
        MatchingRun run = runs.get(id);
        if (watching && !run.status().isActive()) {
            // the run ended while the page watched it: reload it whole, with the proposals
            response.setHeader("HX-Refresh", "true");
        }
        addStatus(model, run);
        return "admin/run :: status";
    }

    @PostMapping("/admin/runs/{id}/cancel")
    String cancel(@PathVariable String id, Principal admin, Model model, HttpServletResponse response)
            throws JsonProcessingException {
        MatchingRun run = runs.get(id);
        if (run.status().isActive()) {
            try {
                run = runs.cancel(id);
                audit.record(admin.getName(), "run.cancel", id, null, null);
            } catch (ConflictException e) {
                run = runs.get(id);
            }
        }
        response.setHeader("HX-Refresh", "true");
        addStatus(model, run);
        return "admin/run :: status";
    }

    private void addStatus(Model model, MatchingRun run) throws JsonProcessingException {
        model.addAttribute("run", run);
        long limitMillis = run.timeLimitSeconds() * 1000L;
        model.addAttribute("limitMillis", limitMillis);
        model.addAttribute("elapsedMillis", Math.min(run.elapsedMillis(), limitMillis));
        List<ScorePoint> history = new java.util.ArrayList<>(run.history());
        if (!history.isEmpty() && run.elapsedMillis() > history.get(history.size() - 1).elapsedMillis()) {
            // the best score holds until now: the line runs on to the elapsed time
            ScorePoint last = history.get(history.size() - 1);
            history.add(new ScorePoint(run.elapsedMillis(), last.score(), last.feasible(), last.matchedCount()));
        }
        model.addAttribute("chartSeconds", json.writeValueAsString(history.stream()
                .map(point -> Math.round(point.elapsedMillis() / 100.0) / 10.0).toList()));
        model.addAttribute("chartSoft", json.writeValueAsString(history.stream()
                .map(point -> level(point.score(), "soft")).toList()));
        model.addAttribute("chartMatched", json.writeValueAsString(history.stream()
                .map(ScorePoint::matchedCount).toList()));
    }

    private void addProposals(Model model, MatchingRun run) {
        RunProposals result = runs.proposals(run.id());
        InputSnapshot inputs = runs.inputs(run.id());
        Map<String, String> mentorNames = inputs.mentors().stream()
                .collect(Collectors.toMap(Mentor::externalId, Mentor::name, (a, b) -> a));
        Map<String, String> researcherNames = inputs.openRequests().stream()
                .collect(Collectors.toMap(MentorshipRequest::externalId, MentorshipRequest::name, (a, b) -> a));
        Function<String, String> researcher = id -> researcherNames.getOrDefault(id, id);
        model.addAttribute("proposals", result.proposals().stream()
                .map(p -> new ProposalRow(p.requestExternalId(), researcher.apply(p.requestExternalId()),
                        p.mentorExternalId(), mentorNames.getOrDefault(p.mentorExternalId(), p.mentorExternalId()),
                        p.affinity(), p.overlapMinutes(), p.explanation()))
                .toList());
        model.addAttribute("unmatched", result.unmatched().stream()
                .map(u -> new UnmatchedRow(u.requestExternalId(), researcher.apply(u.requestExternalId()),
                        u.reasons()))
                .toList());
    }

    /** One level of a score such as {@code 0hard/-3medium/1520soft}; 0 when the score has none. */
    static long level(String score, String name) {
        if (score != null) {
            for (String part : score.split("/")) {
                if (part.endsWith(name)) {
                    try {
                        return Long.parseLong(part.substring(0, part.length() - name.length()));
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    private static int number(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }
}
