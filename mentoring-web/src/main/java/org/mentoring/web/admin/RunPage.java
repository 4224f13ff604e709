package org.mentoring.web.admin;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mentoring.analytics.UnmatchedCategory;
import org.mentoring.lifecycle.Candidate;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.run.RunProposals;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/** What a run's page says in words: its summary, its score, why it ended, and its rows with names. */
final class RunPage {

    /** A proposal with the two people's names, for the review table. */
    record ProposalRow(String id, String requestId, String researcher, String mentorId, String mentor, int affinity,
            int overlapMinutes, List<String> explanation, boolean pinned) {

        boolean matches(String q) {
            return q == null || q.isBlank() || text().contains(q.strip().toLowerCase(Locale.ROOT));
        }

        private String text() {
            return (requestId + " " + researcher + " " + mentorId + " " + mentor + " " + String.join(" ", explanation))
                    .toLowerCase(Locale.ROOT);
        }
    }

    /** An unmatched request with the researcher's name and the categories of its reasons. */
    record UnmatchedRow(String requestId, String researcher, List<String> reasons, UnmatchedCategory category) {

        boolean matches(String q, UnmatchedCategory category) {
            boolean text = q == null || q.isBlank() || (requestId + " " + researcher + " " + String.join(" ", reasons))
                    .toLowerCase(Locale.ROOT).contains(q.strip().toLowerCase(Locale.ROOT));
            return text && (category == null || this.category == category);
        }
    }

    /** One line of the summary's reasons: a category in words and how many unmatched requests it holds. */
    record CategoryCount(UnmatchedCategory category, String label, long count) {
    }

    /** The worst-off mentee: the lowest domain affinity of a proposed pair, and who. */
    record WorstOff(int affinity, String researcher, String mentor) {
    }

    /** The summary at the top of a finished run's page. */
    record Summary(int matched, int unmatched, List<CategoryCount> categories, int priorityPlaced, int priorityTotal,
            WorstOff worstOff, int seated, int circles) {

        /** Whether the run formed mentoring circles, so that the summary counts its seats apart from its pairs. */
        public boolean withCircles() {
            return circles > 0;
        }
    }

    final List<ProposalRow> proposals;
    final List<UnmatchedRow> unmatched;
    final Summary summary;

    private RunPage(List<ProposalRow> proposals, List<UnmatchedRow> unmatched, Summary summary) {
        this.proposals = proposals;
        this.unmatched = unmatched;
        this.summary = summary;
    }

    static RunPage of(RunProposals result, InputSnapshot inputs) {
        return of(result, inputs, List.of());
    }

    /** @param circles the run's mentoring circles (none for a run of pairs only), whose members are placed too */
    static RunPage of(RunProposals result, InputSnapshot inputs, List<org.mentoring.matching.run.RunCircle> circles) {
        Map<String, String> mentorNames = inputs.mentors().stream()
                .collect(Collectors.toMap(Mentor::externalId, Mentor::name, (a, b) -> a));
        Map<String, MentorshipRequest> requests = inputs.openRequests().stream()
                .collect(Collectors.toMap(MentorshipRequest::externalId, Function.identity(), (a, b) -> a));
        Function<String, String> researcher = id -> requests.containsKey(id) ? requests.get(id).name() : id;
        List<ProposalRow> proposals = result.proposals().stream()
                .map(p -> new ProposalRow(p.id(), p.requestExternalId(), researcher.apply(p.requestExternalId()),
                        p.mentorExternalId(), mentorNames.getOrDefault(p.mentorExternalId(), p.mentorExternalId()),
                        p.affinity(), p.overlapMinutes(), p.explanation(), p.pinned()))
                .toList();
        List<UnmatchedRow> unmatched = result.unmatched().stream()
                .map(u -> new UnmatchedRow(u.requestExternalId(), researcher.apply(u.requestExternalId()),
                        u.reasons(), UnmatchedCategory.primary(u.reasons())))
                .toList();
        List<CategoryCount> categories = new ArrayList<>();
        UnmatchedCategory.count(result.unmatched()).forEach((category, count) ->
                categories.add(new CategoryCount(category, category.label(), count)));
        int priorityTotal = (int) requests.values().stream().filter(MentorshipRequest::priority).count();
        List<String> seatedIds = circles.stream().flatMap(c -> c.members().stream()).toList();
        int priorityPlaced = (int) java.util.stream.Stream.concat(proposals.stream().map(ProposalRow::requestId),
                seatedIds.stream()).map(requests::get).filter(r -> r != null && r.priority()).count();
        WorstOff worst = proposals.stream().min(Comparator.comparingInt(ProposalRow::affinity))
                .map(p -> new WorstOff(p.affinity(), p.researcher(), p.mentor())).orElse(null);
        return new RunPage(proposals, unmatched, new Summary(proposals.size(), unmatched.size(), categories,
                priorityPlaced, priorityTotal, worst, seatedIds.size(), circles.size()));
    }

    /** The score in words: "all hard rules kept, 56 unmatched, quality 15,476". */
    static String scoreWords(MatchingRun run) {
        if (run.score() == null) {
            return null;
        }
        long hard = AdminRunsController.level(run.score(), "hard");
        long soft = AdminRunsController.level(run.score(), "soft");
        List<String> parts = new ArrayList<>();
        parts.add(hard == 0 ? "all hard rules kept" : "hard rules broken (penalty " + number(-hard) + ")");
        if (run.matchedCount() != null && run.requestCount() != null) {
            int left = run.requestCount() - run.matchedCount();
            parts.add(left == 0 ? "every open request placed" : number(left) + " unmatched");
        }
        parts.add("quality " + number(soft));
        String words = String.join(", ", parts);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Why the run stopped where it did, or null while it runs. */
    static String finishWords(MatchingRun run) {
        String seconds = String.format(Locale.ENGLISH, "%.1f s of its %d s limit", run.elapsedMillis() / 1000.0,
                run.timeLimitSeconds());
        RunStatus status = run.status();
        if (status == RunStatus.FAILED) {
            return "Failed after " + seconds + ": " + (run.reason() == null ? "no reason was recorded" : run.reason());
        }
        if (status == RunStatus.CANCELLED) {
            return "Cancelled after " + seconds + "; the best result found until then is kept"
                    + (run.reason() == null ? "." : " (" + run.reason() + ").");
        }
        if (status == RunStatus.COMPLETED) {
            boolean early = run.elapsedMillis() < run.timeLimitSeconds() * 1000L;
            if (Boolean.TRUE.equals(run.provenOptimal())) {
                return early ? "Finished after " + seconds + ": its result is proven the best possible, so it"
                        + " stopped as soon as it had it."
                        : "Finished at its " + run.timeLimitSeconds() + " s limit; its result is proven the best"
                                + " possible.";
            }
            // a circle run's search may end a little before its limit (the time it keeps for placing the pairs)
            return (early ? "Finished after " + seconds : "Finished at its " + run.timeLimitSeconds() + " s limit")
                    + ": a longer limit may find a better result.";
        }
        return null;
    }

    /** A run's state in words for the runs list: published, outdated, failed, ... */
    static String stateWords(MatchingRun run, boolean outdated) {
        return switch (run.status()) {
            case QUEUED -> "Waiting to start";
            case SOLVING -> "Solving now";
            case FAILED -> "Failed: " + (run.reason() == null ? "no reason recorded" : run.reason());
            case CANCELLED -> "Cancelled; its result so far can be reviewed, not published";
            case COMPLETED -> run.publishUnfinished() ? "Publishing not finished: open it to finish"
                    : run.publishedAt() != null ? "Published"
                    : outdated ? "Outdated: a later run was published; start a new run"
                    : "Ready to publish";
        };
    }

    /** A hard rule a pair would break, in words. */
    static String ruleWords(HardRule rule, Candidate candidate) {
        return switch (rule) {
            case CAPACITY -> "Capacity: " + candidate.name() + " has no free place (" + candidate.load() + " of "
                    + candidate.capacity() + " taken)";
            case TIME_TOGETHER -> "Time together: only " + candidate.overlapMinutes()
                    + " minutes a week in common, fewer than the request asks";
            case DATES -> "Dates: the mentor is not available on the request's start date";
            case CONFLICT -> "Conflict: the request excludes this mentor, declined an offer with them, or it is the"
                    + " same person";
            case LANGUAGE -> "Language: the two share no language";
        };
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }
}
