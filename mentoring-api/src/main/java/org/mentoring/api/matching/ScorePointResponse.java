package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;

/** One new best score in a run's history. */
@Schema(description = "A new best solution found while the run solved.")
record ScorePointResponse(
        @Schema(description = "Milliseconds since solving started.", example = "1250") long elapsedMillis,
        @Schema(description = "Its score.", example = "0hard/-12medium/4310soft") String score,
        @Schema(description = "Whether it breaks no hard rule.") boolean feasible,
        @Schema(description = "Open requests it places.", example = "138") int matchedCount) {
}
