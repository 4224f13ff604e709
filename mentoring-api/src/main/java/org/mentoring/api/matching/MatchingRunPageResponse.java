package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of matching runs, newest first. */
@Schema(description = "A page of matching runs, newest first.")
record MatchingRunPageResponse(
        List<MatchingRunSummaryResponse> content,
        @Schema(description = "This page's number, from 0.") int page,
        @Schema(description = "Runs per page.") int size,
        long totalElements,
        int totalPages) {
}
