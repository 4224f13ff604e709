package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.mentoring.api.problem.StrictBody;

/** A run's {@code circles} setting: the run also forms mentoring circles. */
@Schema(description = "The run also forms mentoring circles (learning hubs): small groups of requests open to"
        + " circles (format CIRCLE or EITHER) who meet a mentor with circles > 0 together every week at one time"
        + " inside everyone's week, sharing one language. Every part is optional; leave circles out for a run of"
        + " pairs only.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@StrictBody
record CirclesRequest(
        @Schema(description = "Fewest members of a circle, 2 to 12; 3 when left out.", example = "3",
                minimum = "2", maximum = "12")
        Integer minSize,
        @Schema(description = "Most members of a circle, minSize to 12; 6 when left out.", example = "6",
                minimum = "2", maximum = "12")
        Integer maxSize,
        @Schema(description = "Length of the weekly meeting, 30 to 180 minutes in steps of 15; 60 when left out.",
                example = "60", minimum = "30", maximum = "180", multipleOf = 15)
        Integer meetingMinutes,
        @Schema(description = "The day circles start (each person's weekly times are turned into UTC with their"
                + " zone's offset on it, and the mentor must be available on it); the run's cycle's startsOn, or"
                + " the run's date, when left out.", example = "2027-03-01")
        LocalDate startDate) {
}
