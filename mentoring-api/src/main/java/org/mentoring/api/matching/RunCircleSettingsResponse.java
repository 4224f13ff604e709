package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** The circle settings a run forms mentoring circles with, every default filled in. */
@Schema(description = "The circle settings the run forms mentoring circles with, every default filled in.")
record RunCircleSettingsResponse(
        @Schema(description = "Fewest members of a circle.", example = "3") int minSize,
        @Schema(description = "Most members of a circle.", example = "6") int maxSize,
        @Schema(description = "Length of the weekly meeting, in minutes.", example = "60") int meetingMinutes,
        @Schema(description = "The day the circles start.", example = "2027-03-01") LocalDate startDate) {
}
