package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A request left without a mentor. */
@Schema(description = "A request the run could not place, with the reasons no mentor fits.")
record UnmatchedResponse(
        @Schema(example = "r-233") String requestExternalId,
        @Schema(description = "For example \"no mentor shares a language\".") List<String> reasons) {
}
