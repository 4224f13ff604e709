package org.mentoring.matching.solver;

import java.time.Duration;
import java.util.List;

/**
 * The answer of a run: every proposal with its explanation, every unmatched request with the reasons no mentor
 * fits, and the score.
 *
 * @param score the OptaPlanner score, for example {@code 0hard/-3medium/1520soft}
 * @param requestCount open requests the run placed or tried to place (settled ones not counted)
 * @param matchedCount open requests that got a mentor
 * @param settledCount accepted mentorships kept as they were
 * @param cancelled the run was stopped early and this is the best found until then
 * @param provenOptimal no answer can score better: the min-cost flow's answer under separable constraints
 *     ({@link MatchingConstraintProvider#exactByFlow}) over every allowed pair, certified
 * @param certified the flow's answer is certified over every allowed pair, the ones the candidate pruning left out
 *     included ({@link CandidatePool}): always true when nothing was left out; false when the certificate was not
 *     reached, or the run is not exact by flow (then nothing is certified)
 */
public record MatchingResult(
        String score,
        boolean feasible,
        int requestCount,
        int mentorCount,
        int matchedCount,
        int settledCount,
        List<Proposal> proposals,
        List<Unmatched> unmatched,
        Duration solvingTime,
        boolean cancelled,
        boolean provenOptimal,
        boolean certified) {

    /** A result with nothing left out by pruning: certified exactly when proven optimal. */
    public MatchingResult(String score, boolean feasible, int requestCount, int mentorCount, int matchedCount,
            int settledCount, List<Proposal> proposals, List<Unmatched> unmatched, Duration solvingTime,
            boolean cancelled, boolean provenOptimal) {
        this(score, feasible, requestCount, mentorCount, matchedCount, settledCount, proposals, unmatched,
                solvingTime, cancelled, provenOptimal, provenOptimal);
    }

    /** A result not proven optimal. */
    public MatchingResult(String score, boolean feasible, int requestCount, int mentorCount, int matchedCount,
            int settledCount, List<Proposal> proposals, List<Unmatched> unmatched, Duration solvingTime,
            boolean cancelled) {
        this(score, feasible, requestCount, mentorCount, matchedCount, settledCount, proposals, unmatched,
                solvingTime, cancelled, false);
    }

    /**
     * One proposed pair.
     *
     * @param explanation why, in the lines each reader sees
     * @param valid false only if it breaks a hard rule, which a feasible run never shows
     * @param pinned a coordinator pinned the pair: the run kept it rather than decided it
     */
    public record Proposal(String requestExternalId, String mentorExternalId, Explanation explanation,
            int affinity, int overlapMinutes, boolean valid, boolean pinned) {

        /** A pair the run decided. */
        public Proposal(String requestExternalId, String mentorExternalId, Explanation explanation, int affinity,
                int overlapMinutes, boolean valid) {
            this(requestExternalId, mentorExternalId, explanation, affinity, overlapMinutes, valid, false);
        }
    }

    /** One request left without a mentor, and why. */
    public record Unmatched(String requestExternalId, List<String> reasons) {
    }
}
