package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One proposed pair. */
@Schema(description = "A mentor proposed for a request, with why.")
record ProposalResponse(
        @Schema(description = "The proposal's id.") String id,
        @Schema(example = "r-104") String requestExternalId,
        @Schema(example = "m-017") String mentorExternalId,
        @Schema(description = "Why this pair, in plain words: shared domains, hours of overlap in both local times,"
                + " preferences met; in the third person, naming the researcher and the mentor.")
        List<String> explanation,
        @Schema(description = "Research-domain affinity points of the pair.") int affinity,
        @Schema(description = "Weekly minutes both are available.") int overlapMinutes,
        @Schema(description = "False only if the pair breaks a hard rule, which a feasible run never shows.")
        boolean valid,
        @Schema(description = "True when the run kept the pair because a coordinator pinned it"
                + " (`POST /api/v1/proposals/{id}/pin` on an earlier run's proposal).")
        boolean pinned) {
}
