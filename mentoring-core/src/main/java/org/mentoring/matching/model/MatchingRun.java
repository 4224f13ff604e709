package org.mentoring.matching.model;

import java.time.Instant;
import java.util.List;
import org.mentoring.matching.domain.MatchingWeights;

/**
 * A matching run as an admin sees it: its settings, where it is, how good its best solution is, and how the score
 * went while it solved. The counts and score are null until known (the counts once the inputs are read, the score
 * once the solver has a first solution).
 *
 * @param seed the solver's random seed: the same inputs, settings and seed repeat the run
 * @param solverVersion OptaPlanner's version and the solver configuration used
 * @param requestCount open requests the run places or tries to place
 * @param settledCount accepted mentorships kept as they are
 * @param matchedCount open requests its best solution places
 * @param history every recorded best score in order (left out, empty, where runs are listed)
 * @param elapsedMillis solving time so far, or in all once it ended; 0 before it starts
 * @param reason why it failed or was cancelled; null otherwise
 * @param publishedAt when its proposals were published as offers; null until then
 * @param publishCompletedAt when publishing last went through every proposal; null when it never finished
 * @param provenOptimal whether its result is proven the best possible under its weights (no answer scores
 *     better), so it ended as soon as that was known; null while active and for runs saved before this was recorded
 * @param cycle the code of the cycle whose open requests it places; null for runs saved before cycles existed
 * @param certified whether its answer is certified over every allowed pair, the ones the candidate pruning left out
 *     of the solver's graph included (always so when none was left out); null as {@code provenOptimal}
 * @param circles the circle settings it forms mentoring circles with; null for a run of pairs only
 */
public record MatchingRun(
        String id,
        RunStatus status,
        int timeLimitSeconds,
        MatchingWeights weights,
        long seed,
        String solverVersion,
        String score,
        Boolean feasible,
        Integer requestCount,
        Integer mentorCount,
        Integer settledCount,
        Integer matchedCount,
        List<ScorePoint> history,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        long elapsedMillis,
        String reason,
        Instant publishedAt,
        Instant publishCompletedAt,
        Boolean provenOptimal,
        String cycle,
        Boolean certified,
        RunCircleSettings circles) {

    /** A run of pairs only (or saved before circle settings were kept). */
    public MatchingRun(String id, RunStatus status, int timeLimitSeconds, MatchingWeights weights, long seed,
            String solverVersion, String score, Boolean feasible, Integer requestCount, Integer mentorCount,
            Integer settledCount, Integer matchedCount, List<ScorePoint> history, Instant createdAt,
            Instant startedAt, Instant endedAt, long elapsedMillis, String reason, Instant publishedAt,
            Instant publishCompletedAt, Boolean provenOptimal, String cycle, Boolean certified) {
        this(id, status, timeLimitSeconds, weights, seed, solverVersion, score, feasible, requestCount, mentorCount,
                settledCount, matchedCount, history, createdAt, startedAt, endedAt, elapsedMillis, reason,
                publishedAt, publishCompletedAt, provenOptimal, cycle, certified, null);
    }

    /** A run whose cycle and certificate are not known (saved before they were recorded). */
    public MatchingRun(String id, RunStatus status, int timeLimitSeconds, MatchingWeights weights, long seed,
            String solverVersion, String score, Boolean feasible, Integer requestCount, Integer mentorCount,
            Integer settledCount, Integer matchedCount, List<ScorePoint> history, Instant createdAt,
            Instant startedAt, Instant endedAt, long elapsedMillis, String reason, Instant publishedAt,
            Instant publishCompletedAt, Boolean provenOptimal) {
        this(id, status, timeLimitSeconds, weights, seed, solverVersion, score, feasible, requestCount, mentorCount,
                settledCount, matchedCount, history, createdAt, startedAt, endedAt, elapsedMillis, reason,
                publishedAt, publishCompletedAt, provenOptimal, null, null, null);
    }

    /** Whether publishing started and has not gone through every proposal yet (cut short, or still going). */
    public boolean publishUnfinished() {
        return publishedAt != null && publishCompletedAt == null;
    }

    public MatchingRun {
        history = history == null ? List.of() : List.copyOf(history);
    }
}
