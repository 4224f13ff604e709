package org.mentoring.matching.persistence;

import java.time.Instant;
import java.util.List;
import org.mentoring.matching.model.RunStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One matching run: its settings, status, live score history and final score. Its status changes only through
 * conditional atomic updates ({@link MatchingRunOperations#transition}); its inputs are in
 * {@link RunInputsDocument}s and its result in {@link ProposalDocument}s and {@link UnmatchedDocument}s.
 *
 * @param solverVersion OptaPlanner's version and the solver configuration's name
 * @param requestCount open requests read as input; null until the inputs are read
 * @param score the best score so far, then the final one; null until the solver has a first solution
 * @param history each recorded best score, in order
 * @param reason why it failed or was cancelled
 * @param publishedAt when an admin published its proposals as offers; null until then
 * @param publishCompletedAt when publishing last went through every proposal; null while it has not (never
 *     published, or a publication cut short: publishing again completes it)
 * @param provenOptimal whether its result is proven the best possible; null until it ends, and in runs saved before
 *     the field existed
 * @param cycle the code of the cycle whose open requests the run placed; null in runs saved before cycles existed
 *     (they placed every open request)
 * @param certified whether its answer is certified over every allowed pair, the ones the candidate pruning left out
 *     included; null as {@code provenOptimal}
 * @param circles the circle settings it forms mentoring circles with, defaults filled in; null for a run of pairs only
 *     (and runs saved before they were kept)
 */
// active runs started before a time; the completed run before another
@CompoundIndex(name = "status_createdAt", def = "{'status': 1, 'createdAt': -1}")
// a publication begun and not finished (PublicationOrder.unfinished)
@CompoundIndex(name = "publishCompletedAt_publishedAt", def = "{'publishCompletedAt': 1, 'publishedAt': 1}")
@Document(MatchingRunDocument.COLLECTION)
public record MatchingRunDocument(
        @Id String id,
        RunStatus status,
        int timeLimitSeconds,
        WeightsDocument weights,
        long seed,
        String solverVersion,
        String score,
        Boolean feasible,
        Integer requestCount,
        Integer mentorCount,
        Integer settledCount,
        Integer matchedCount,
        List<ScorePointDocument> history,
        @Indexed Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        String reason,
        @Indexed Instant publishedAt,
        Instant publishCompletedAt,
        @Version Long version,
        Boolean provenOptimal,
        String cycle,
        Boolean certified,
        org.mentoring.matching.model.RunCircleSettings circles) {

    public static final String COLLECTION = "matchingRuns";

    @PersistenceCreator
    public MatchingRunDocument {
    }

    /** A run of pairs only. */
    public MatchingRunDocument(String id, RunStatus status, int timeLimitSeconds, WeightsDocument weights, long seed,
            String solverVersion, String score, Boolean feasible, Integer requestCount, Integer mentorCount,
            Integer settledCount, Integer matchedCount, List<ScorePointDocument> history, Instant createdAt,
            Instant startedAt, Instant endedAt, String reason, Instant publishedAt, Instant publishCompletedAt,
            Long version, Boolean provenOptimal, String cycle, Boolean certified) {
        this(id, status, timeLimitSeconds, weights, seed, solverVersion, score, feasible, requestCount, mentorCount,
                settledCount, matchedCount, history, createdAt, startedAt, endedAt, reason, publishedAt,
                publishCompletedAt, version, provenOptimal, cycle, certified, null);
    }

    /** A run saved without its cycle and certificate. */
    public MatchingRunDocument(String id, RunStatus status, int timeLimitSeconds, WeightsDocument weights, long seed,
            String solverVersion, String score, Boolean feasible, Integer requestCount, Integer mentorCount,
            Integer settledCount, Integer matchedCount, List<ScorePointDocument> history, Instant createdAt,
            Instant startedAt, Instant endedAt, String reason, Instant publishedAt, Instant publishCompletedAt,
            Long version, Boolean provenOptimal) {
        this(id, status, timeLimitSeconds, weights, seed, solverVersion, score, feasible, requestCount, mentorCount,
                settledCount, matchedCount, history, createdAt, startedAt, endedAt, reason, publishedAt,
                publishCompletedAt, version, provenOptimal, null, null, null);
    }

    /** A run whose result is not known to be proven optimal. */
    public MatchingRunDocument(String id, RunStatus status, int timeLimitSeconds, WeightsDocument weights, long seed,
            String solverVersion, String score, Boolean feasible, Integer requestCount, Integer mentorCount,
            Integer settledCount, Integer matchedCount, List<ScorePointDocument> history, Instant createdAt,
            Instant startedAt, Instant endedAt, String reason, Instant publishedAt, Instant publishCompletedAt,
            Long version) {
        this(id, status, timeLimitSeconds, weights, seed, solverVersion, score, feasible, requestCount, mentorCount,
                settledCount, matchedCount, history, createdAt, startedAt, endedAt, reason, publishedAt,
                publishCompletedAt, version, null, null, null, null);
    }

    /** A new run, waiting for its inputs. */
    public static MatchingRunDocument queued(String id, int timeLimitSeconds, WeightsDocument weights, long seed,
            String solverVersion, Instant createdAt) {
        return queued(id, timeLimitSeconds, weights, seed, solverVersion, createdAt, null);
    }

    /** A new run of one cycle (null: every open request), waiting for its inputs. */
    public static MatchingRunDocument queued(String id, int timeLimitSeconds, WeightsDocument weights, long seed,
            String solverVersion, Instant createdAt, String cycle) {
        return queued(id, timeLimitSeconds, weights, seed, solverVersion, createdAt, cycle, null);
    }

    /** A new run of one cycle that also forms circles with these settings (null: pairs only). */
    public static MatchingRunDocument queued(String id, int timeLimitSeconds, WeightsDocument weights, long seed,
            String solverVersion, Instant createdAt, String cycle,
            org.mentoring.matching.model.RunCircleSettings circles) {
        return new MatchingRunDocument(id, RunStatus.QUEUED, timeLimitSeconds, weights, seed, solverVersion, null,
                null, null, null, null, null, List.of(), createdAt, null, null, null, null, null, null, null, cycle,
                null, circles);
    }
}
