package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.mentoring.matching.model.RunStatus;

/** A matching run in a listing: as {@link MatchingRunResponse} without the score history. */
@Schema(description = "A matching run in a listing, without its score history.")
record MatchingRunSummaryResponse(
        String id,
        RunStatus status,
        String score,
        Boolean feasible,
        Integer requestCount,
        Integer mentorCount,
        Integer settledCount,
        Integer matchedCount,
        int timeLimitSeconds,
        long elapsedMillis,
        long seed,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        String reason,
        @Schema(description = "The code of the cycle the run places", example = "2027-spring") String cycle) {
}
