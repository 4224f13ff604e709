package org.mentoring.matching.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mentoring.matching.model.RunStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The writes a run's state machine needs, each one conditional atomic update of one document: safe without
 * transactions, for two admins at once and for several application instances.
 */
public interface MatchingRunOperations {

    /**
     * Moves a run to {@code target} if, at that instant, it is in a status the state machine allows to move there
     * ({@link RunStatus#sourcesOf}), applying {@code changes} in the same update.
     *
     * @return the run after the move, or empty if it does not exist or its status forbids the move
     */
    Optional<MatchingRunDocument> transition(String id, RunStatus target, Update changes);

    /** Adds a best score to a SOLVING run's history and makes it the run's current score; ignored otherwise. */
    boolean recordProgress(String id, ScorePointDocument point);

    /** Sets the input counts of a QUEUED run; false if it is no longer queued. */
    boolean recordInputCounts(String id, int requestCount, int mentorCount, int settledCount);

    /** A page of runs without their score histories (null), the sort of {@code pageable} or newest first. */
    Page<MatchingRunDocument> findPageWithoutHistory(Pageable pageable);

    /** Runs QUEUED or SOLVING that were created before {@code instant}. */
    List<MatchingRunDocument> findActiveCreatedBefore(Instant instant);
}
