package org.mentoring.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.analytics.UnmatchedCategory;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.ScorePoint;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunCancellation;
import org.mentoring.matching.run.RunReader;
import org.mentoring.matching.run.RunSettings;
import org.mentoring.matching.run.WeightOverrides;
import org.mentoring.matching.run.WeightSetting;
import org.mentoring.web.page.FieldErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
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

    /** The sliders' top: ten times the largest default leaves room to stress a preference and stays usable. */
    static final int SLIDER_MAX = Math.min(MatchingWeights.MAX_WEIGHT, 10 * WeightSetting.all().stream()
            .mapToInt(WeightSetting::defaultWeight).max().orElse(10));

    private final RunReader runs;
    private final MatchingRunService launcher;
    private final RunCancellation cancellation;
    private final ObjectMapper json;
    private final AuditService audit;
    private final OutdatedRuns outdated;
    private final LifecycleService lifecycle;

    private final org.mentoring.cycles.CycleService cycles;

    AdminRunsController(RunReader runs, MatchingRunService launcher, RunCancellation cancellation, ObjectMapper json,
            AuditService audit, OutdatedRuns outdated, LifecycleService lifecycle,
            org.mentoring.cycles.CycleService cycles) {
        this.launcher = launcher;
        this.cancellation = cancellation;
        this.cycles = cycles;
        this.lifecycle = lifecycle;
        this.runs = runs;
        this.json = json;
        this.audit = audit;
        this.outdated = outdated;
    }

    private org.mentoring.pins.PinService pins;

    /** The coordinators' pins, shown and changed on the proposals. */
    @org.springframework.beans.factory.annotation.Autowired
    void setPins(org.mentoring.pins.PinService pins) {
        this.pins = pins;
    }

    /** A run of the list with its state in words. */
    record RunRow(MatchingRun run, String state, String scoreWords) {
    }

    @GetMapping("/admin/runs")
    String list(Model model) {
        model.addAttribute("runs", runs.list(PageRequest.of(0, 50)).getContent().stream()
                .map(run -> new RunRow(run, RunPage.stateWords(run, run.status() == RunStatus.COMPLETED
                        && outdated.isOutdated(run)), RunPage.scoreWords(run)))
                .toList());
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
        model.addAttribute("circleForm", circleForm(params));
        Map<String, String> circleErrors = new HashMap<>();
        org.mentoring.matching.run.RunCircles circles = circlesOf(params, circleErrors);
        if (!circleErrors.isEmpty()) {
            return renderNew(model, limit, values, circleErrors, params.get("cycle"));
        }
        try {
            MatchingRun run = launcher.start(new RunSettings(limit, overrides, null, params.get("cycle"), circles));
            audit.record(admin.getName(), "run.start", run.id(), "time limit " + run.timeLimitSeconds() + " s"
                    + (run.cycle() == null ? "" : ", cycle " + run.cycle()), null);
            return "redirect:/admin/runs/" + run.id();
        } catch (InvalidInputException e) {
            return renderNew(model, limit, values, FieldErrors.byField(e), params.get("cycle"));
        } catch (ConflictException e) {
            return renderNew(model, limit, values, Map.of("form", e.getMessage()), params.get("cycle"));
        }
    }

    /** The "Form circles" fields as typed, to show them again. */
    private static Map<String, String> circleForm(Map<String, String> params) {
        Map<String, String> form = new HashMap<>();
        for (String field : List.of("circles", "circles.minSize", "circles.maxSize", "circles.meetingMinutes",
                "circles.startDate")) {
            if (params.get(field) != null) {
                form.put(field, params.get(field));
            }
        }
        return form;
    }

    /** The run's circles when "Form circles" is ticked (blank fields take their defaults), else null. */
    private static org.mentoring.matching.run.RunCircles circlesOf(Map<String, String> params,
            Map<String, String> errors) {
        if (params.get("circles") == null) {
            return null;
        }
        Integer min = whole(params, "circles.minSize", errors);
        Integer max = whole(params, "circles.maxSize", errors);
        Integer minutes = whole(params, "circles.meetingMinutes", errors);
        java.time.LocalDate start = null;
        String date = params.get("circles.startDate");
        if (date != null && !date.isBlank()) {
            try {
                start = java.time.LocalDate.parse(date.strip());
            } catch (java.time.format.DateTimeParseException e) {
                errors.put("circles.startDate", "give the date circles start, like 2027-03-01");
            }
        }
        return new org.mentoring.matching.run.RunCircles(min, max, minutes, start);
    }

    private static Integer whole(Map<String, String> params, String field, Map<String, String> errors) {
        String text = params.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "give a whole number, or leave it empty for the default");
            return null;
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

    /**
     * A run's page: its state, and once finished a summary, then the proposals or the unmatched requests as a tab,
     * a page of rows at a time, filtered by text ({@code q}) and, for the unmatched, by reason category.
     */
    @GetMapping("/admin/runs/{id}")
    String show(@PathVariable String id, @RequestParam(defaultValue = "proposals") String tab,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String q,
            @RequestParam(required = false) String category, Model model) throws JsonProcessingException {
        MatchingRun run = runs.get(id);
        addStatus(model, run);
        if (run.status() == RunStatus.COMPLETED || run.status() == RunStatus.CANCELLED) {
            addProposals(model, run, "unmatched".equals(tab) ? "unmatched" : "proposals", Math.max(0, page),
                    q == null ? "" : q.strip(), category(category));
        }
        if (run.status() == RunStatus.COMPLETED && outdated.isOutdated(run)) {
            model.addAttribute("outdated", outdated.why(run));
        }
        return "admin/run";
    }

    private static UnmatchedCategory category(String name) {
        try {
            return name == null || name.isBlank() ? null : UnmatchedCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
                run = cancellation.cancel(id);
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
        model.addAttribute("cycleName", run.cycle() == null ? null
                : cycles.calendar().find(run.cycle()).map(c -> c.isDefault() ? "the default cycle" : c.name())
                        .orElse(run.cycle()));
        model.addAttribute("circleSettingsWords", org.mentoring.web.page.CircleWords.runSettings(run.circles()));
        model.addAttribute("scoreWords", RunPage.scoreWords(run));
        model.addAttribute("finishWords", RunPage.finishWords(run));
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

    private void addProposals(Model model, MatchingRun run, String tab, int page, String q,
            UnmatchedCategory category) {
        RunPage view = RunPage.of(runs.proposals(run.id()), runs.inputs(run.id()),
                run.circles() == null ? List.of() : launcher.circles(run.id()));
        model.addAttribute("summary", view.summary);
        model.addAttribute("droppedPins", pins.list().stream().filter(pin -> run.id().equals(pin.droppedByRun()))
                .toList());
        model.addAttribute("tab", tab);
        model.addAttribute("q", q);
        model.addAttribute("category", category == null ? "" : category.name());
        model.addAttribute("categories", UnmatchedCategory.values());
        model.addAttribute("proposalCount", view.proposals.size());
        model.addAttribute("unmatchedCount", view.unmatched.size());
        String path = "/admin/runs/" + run.id();
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("tab", tab);
        params.put("q", q);
        if ("unmatched".equals(tab)) {
            params.put("category", category == null ? null : category.name());
            Page<RunPage.UnmatchedRow> found = page(view.unmatched.stream()
                    .filter(row -> row.matches(q, category)).toList(), page);
            model.addAttribute("found", found);
            model.addAttribute("unmatched", found.getContent());
            model.addAttribute("pages", PageLinks.of(found, path, params));
        } else {
            Page<RunPage.ProposalRow> found = page(view.proposals.stream().filter(row -> row.matches(q)).toList(),
                    page);
            model.addAttribute("found", found);
            model.addAttribute("proposals", found.getContent());
            // the pins of this page's requests, and whether its drafts can still be pinned
            model.addAttribute("pins", pins.ofRequests(found.getContent().stream().map(RunPage.ProposalRow::requestId)
                    .toList()));
            model.addAttribute("pinnable", run.status() == RunStatus.COMPLETED && run.publishedAt() == null);
            if (run.publishedAt() != null && !found.isEmpty()) {
                // where each offer of this page stands: who still has to answer
                Map<String, String> offers = new java.util.HashMap<>();
                lifecycle.forRequests(found.getContent().stream().map(RunPage.ProposalRow::requestId).toList())
                        .stream().filter(offer -> offer.runId().equals(run.id()))
                        .forEach(offer -> offers.put(offer.id(), AdminMatchController.offerWords(offer.status())));
                model.addAttribute("offerStates", offers);
            }
            model.addAttribute("pages", PageLinks.of(found, path, params));
        }
    }

    private static <T> Page<T> page(List<T> rows, int page) {
        int size = PageLinks.PAGE_SIZE;
        int last = Math.max(0, (rows.size() - 1) / size);
        int number = Math.min(page, last);
        int from = number * size;
        return new PageImpl<>(rows.subList(from, Math.min(rows.size(), from + size)), PageRequest.of(number, size),
                rows.size());
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
