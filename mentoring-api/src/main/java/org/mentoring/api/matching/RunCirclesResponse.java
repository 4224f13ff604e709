package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The mentoring circles a run formed. */
@Schema(description = "The mentoring circles a run formed; empty for a run without circles, and until it ends.")
record RunCirclesResponse(List<CircleResponse> circles) {

    @Schema(description = "One circle: its mentor, its members (requests' externalIds) and its weekly meeting.")
    record CircleResponse(
            @Schema(example = "6f1c...-000001") String id,
            @Schema(example = "m-17") String mentorExternalId,
            @Schema(example = "[\"r-1\", \"r-7\", \"r-12\"]") List<String> members,
            MeetingResponse meeting,
            @Schema(description = "Why each member is in this circle, a line per member: the research domains they"
                    + " share with the mentor and the other members, the meeting in their own zone, the language.")
            List<String> explanation) {
    }

    @Schema(description = "The weekly meeting, in UTC (the end is on the next day when it crosses midnight UTC).")
    record MeetingResponse(
            @Schema(example = "TUESDAY") String day,
            @Schema(example = "14:00") String start,
            @Schema(example = "15:00") String end) {
    }
}
