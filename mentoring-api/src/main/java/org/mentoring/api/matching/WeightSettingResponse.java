package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;

/** One weight an admin can set. */
@Schema(description = "A soft preference an admin can weigh for a run.")
record WeightSettingResponse(
        @Schema(description = "Its name in the weights of POST /api/v1/matching-runs.", example = "domainAffinity")
        String name,
        @Schema(description = "Its name in words, as the new-run page shows it.", example = "Research domains")
        String label,
        @Schema(description = "Its default weight.", example = "10") int defaultWeight,
        @Schema(description = "What it rewards.") String description) {
}
