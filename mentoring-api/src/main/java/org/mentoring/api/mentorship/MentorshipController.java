package org.mentoring.api.mentorship;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mentoring.mentorship.MentorshipService;
import org.mentoring.mentorship.MentorshipStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Mentorships", description = "Accepted mentorships.")
class MentorshipController {

    private final MentorshipService service;
    private final MentorshipApiMapper mapper;

    MentorshipController(MentorshipService service, MentorshipApiMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/mentorships")
    @Operation(summary = "List mentorships",
            description = "Accepted mentorships, ordered by request; each filter given narrows the list.")
    MentorshipPageResponse list(
            @Parameter(description = "Only this request's.") @RequestParam(required = false) String requestExternalId,
            @Parameter(description = "Only this mentor's.") @RequestParam(required = false) String mentorExternalId,
            @Parameter(description = "Only ACTIVE or only ENDED ones.") @RequestParam(required = false)
            MentorshipStatus status,
            @Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Mentorships per page, 1 to 500.") @RequestParam(defaultValue = "50") @Min(1)
            @Max(500) int size) {
        return mapper.toPage(service.list(requestExternalId, mentorExternalId, status,
                PageRequest.of(page, size, Sort.by("requestExternalId", "id"))));
    }
}
