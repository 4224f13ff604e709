package org.mentoring.api.mentorship;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of mentorships. */
@Schema(description = "A page of mentorships.")
record MentorshipPageResponse(
        List<MentorshipResponse> content,
        @Schema(description = "This page's number, from 0.") int page,
        int size,
        long totalElements,
        int totalPages) {
}
