package org.mentoring.api.importing;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mentoring.api.problem.StrictBody;
import java.util.List;
import org.mentoring.api.people.CreateMentorRequest;
import org.mentoring.api.people.CreateMentorshipRequestRequest;

/** The JSON body of an import. */
@Schema(description = "Mentors and requests to import, each upserted by externalId; either list may be absent. "
        + "Requests may name mentors of the same import as preferred or excluded.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@StrictBody
public record ImportRequest(
        @Schema(description = "Mentors, written before the requests") List<CreateMentorRequest> mentors,
        @Schema(description = "Mentorship requests; a new one starts OPEN, an existing one keeps its status")
        List<CreateMentorshipRequestRequest> requests) {
}
