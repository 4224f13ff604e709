package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a finished run proposes. */
@Schema(description = "A finished run's proposals, ordered by request, and the requests it could not place.")
record RunProposalsResponse(List<ProposalResponse> proposals, List<UnmatchedResponse> unmatched) {
}
