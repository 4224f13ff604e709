package org.mentoring.api.problem;

import io.swagger.v3.oas.annotations.media.Schema;

/** One wrong field of a request, as listed in a problem's {@code errors}. */
@Schema(description = "One wrong field")
public record FieldProblem(
        @Schema(description = "Path of the field, for example mentors[3].timeZone or the name of a query parameter",
                example = "mentors[3].timeZone")
        String field,
        @Schema(description = "What is wrong with it", example = "timeZone 'Mars/Olympus' is not an IANA time zone "
                + "such as Africa/Nairobi")
        String message) {
}
