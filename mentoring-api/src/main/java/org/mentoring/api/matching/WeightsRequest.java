package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mentoring.api.problem.StrictBody;

/** Weights to change for one run; each from 0 (the preference is off) to 1000, and null keeps its default. */
@Schema(description = "Weights of the soft preferences, each from 0 (off) to 1000; a weight left out keeps its"
        + " default.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@StrictBody
record WeightsRequest(
        @Schema(description = "Per point of research-domain affinity.", example = "10") Integer domainAffinity,
        @Schema(description = "Per goal of the request among the mentor's topics.", example = "8") Integer goals,
        @Schema(description = "Per point of the mentee's mentor preference (3 first, 2 second, 1 later).",
                example = "6") Integer preferredMentor,
        @Schema(description = "Per 30 minutes a week together beyond the minimum, up to 2 hours.", example = "2")
        Integer extraOverlap,
        @Schema(description = "For placing a request flagged for equity.", example = "12") Integer priority,
        @Schema(description = "Per boundary a pair crosses: institution, country.", example = "1")
        Integer crossInstitution,
        @Schema(description = "Per mentor, times the square of their number of mentees.", example = "1")
        Integer loadBalance) {
}
