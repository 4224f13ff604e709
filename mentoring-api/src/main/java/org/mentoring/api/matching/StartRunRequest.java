package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mentoring.api.problem.StrictBody;

/** The body of {@code POST /api/v1/matching-runs}. */
@Schema(description = "Settings of a new matching run; every part is optional.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@StrictBody
record StartRunRequest(
        @Schema(description = "How long the solver works, in seconds, from 1 to 3600; 30 when left out.",
                example = "30", minimum = "1", maximum = "3600")
        Integer timeLimitSeconds,
        @Schema(description = "Weights to change from their defaults, any subset; the others keep their defaults"
                + " (GET /api/v1/matching-settings/defaults lists them).")
        WeightsRequest weights,
        @Schema(description = "The solver's random seed: the same inputs, settings and seed give the same result."
                + " A random one is chosen, and shown on the run, when left out.", example = "42")
        Long seed,
        @Schema(description = "The code of the cycle whose OPEN requests the run places (GET /api/v1/cycles); when "
                + "left out, the cycle whose requests are open today, or else the one whose requests closed most "
                + "recently ('default' in a programme without cycles). Active mentorships of every cycle keep "
                + "holding their mentors' places. An unknown code is 422 naming cycle.", example = "2027-spring")
        String cycle,
        @Schema(description = "Also form mentoring circles with these settings (GET /api/v1/matching-runs/{id}/circles"
                + " lists them); a setting out of range is 422 naming it, for example circles.minSize. Left out: no"
                + " circles, the run places pairs only, exactly as before.")
        CirclesRequest circles) {
}
