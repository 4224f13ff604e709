package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.mentoring.matching.model.RunStatus;

/** One matching run with its live score history. */
@Schema(description = "A matching run: its settings, status, best score so far and score history.")
record MatchingRunResponse(
        @Schema(description = "The run's id.") String id,
        @Schema(description = "QUEUED, then SOLVING, then COMPLETED, CANCELLED (stopped early, best result kept)"
                + " or FAILED (see reason).")
        RunStatus status,
        @Schema(description = "The best score so far, then the final one, as hard/medium/soft: hard counts broken"
                + " hard rules, medium unmatched requests, soft the preferences met. Null before the first"
                + " solution.", example = "0hard/-12medium/4310soft")
        String score,
        @Schema(description = "Whether the best solution breaks no hard rule; null before the first solution.")
        Boolean feasible,
        @Schema(description = "Open requests the run places or tries to place; null until its inputs are read.")
        Integer requestCount,
        @Schema(description = "Mentors the run may use; null until its inputs are read.") Integer mentorCount,
        @Schema(description = "Accepted mentorships kept as they are; null until its inputs are read.")
        Integer settledCount,
        @Schema(description = "Open requests the best solution places; null before the first solution.")
        Integer matchedCount,
        @Schema(description = "The time limit, in seconds.") int timeLimitSeconds,
        @Schema(description = "Milliseconds spent solving so far, or in all once it ended.") long elapsedMillis,
        @Schema(description = "The weights it solves with.") WeightsResponse weights,
        @Schema(description = "The solver's random seed; give it again to repeat the run.") long seed,
        @Schema(description = "OptaPlanner's version and the solver configuration used.") String solverVersion,
        Instant createdAt,
        @Schema(description = "When solving began; null while queued.") Instant startedAt,
        @Schema(description = "When it ended; null while active.") Instant endedAt,
        @Schema(description = "Why it failed or was cancelled; null otherwise.") String reason,
        @Schema(description = "When an admin published its proposals as offers; null until then.")
        Instant publishedAt,
        @Schema(description = "When publishing last went through every proposal. Null with publishedAt set means "
                + "the publication has not finished: it is still going or the application stopped during it; "
                + "publishing again finishes it without offering or telling anyone twice.")
        Instant publishCompletedAt,
        @Schema(description = "Each new best score in order, recorded at most about four times a second.")
        List<ScorePointResponse> history,
        @Schema(description = "True when the result is proven the best possible under the run's weights: every "
                + "active rule is a sum of per-pair values (and a convex cost of each mentor's load), so the exact "
                + "min-cost flow's answer is optimal and the run ended as soon as it had it, long before its time "
                + "limit. False when it ended otherwise (cancelled, or an active rule that needs local search); null "
                + "while it is active, when it failed, and for runs saved before this was recorded.")
        Boolean provenOptimal,
        @Schema(description = "The code of the cycle whose open requests the run places; null for runs saved "
                + "before cycles existed", example = "2027-spring")
        String cycle,
        @Schema(description = "True when the answer is certified over every allowed pair: the solver keeps only each "
                + "request's best candidates (by pair value), and the flow's dual prices then showed that no pair "
                + "left out could improve the answer (those that could were added and the flow solved again). "
                + "provenOptimal is true only with it. Null as provenOptimal.")
        Boolean certified,
        @Schema(description = "The circle settings the run forms mentoring circles with (minSize, maxSize,"
                + " meetingMinutes, startDate), the defaults filled in; null for a run of pairs only, and for runs"
                + " saved before these were kept.")
        RunCircleSettingsResponse circles) {
}
