package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The default settings of a run and their limits. */
@Schema(description = "The settings a run uses unless told otherwise, and their limits.")
record MatchingDefaultsResponse(
        @Schema(description = "The default time limit, in seconds.", example = "30") int timeLimitSeconds,
        @Schema(example = "1") int minTimeLimitSeconds,
        @Schema(example = "3600") int maxTimeLimitSeconds,
        @Schema(example = "0") int minWeight,
        @Schema(example = "1000") int maxWeight,
        @Schema(description = "Every weight with its default and what it rewards, most important first.")
        List<WeightSettingResponse> weights) {
}
