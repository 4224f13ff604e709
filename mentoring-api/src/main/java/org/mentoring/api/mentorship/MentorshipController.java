package org.mentoring.api.mentorship;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ForbiddenException;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.mentorship.MentorshipService;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.persistence.RequestService;
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
    private final RequestService requests;

    MentorshipController(MentorshipService service, MentorshipApiMapper mapper, RequestService requests) {
        this.service = service;
        this.mapper = mapper;
        this.requests = requests;
    }

    @GetMapping("/api/v1/mentorships")
    @Operation(summary = "List mentorships",
            description = "Accepted mentorships, ordered by request; each filter given narrows the list. An ADMIN "
                    + "sees all, a MENTOR only theirs, a RESEARCHER only their own request's.")
    MentorshipPageResponse list(
            @Parameter(description = "Only this request's.") @RequestParam(required = false) String requestExternalId,
            @Parameter(description = "Only this mentor's.") @RequestParam(required = false) String mentorExternalId,
            @Parameter(description = "Only mentorships in this status: ACTIVE, COMPLETED or ENDED_EARLY.") @RequestParam(required = false)
            MentorshipStatus status,
            @Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Mentorships per page, 1 to 500.") @RequestParam(defaultValue = "50") @Min(1)
            @Max(500) int size) {
        Viewer viewer = Viewer.current();
        if (!viewer.isAdmin()) {
            if (viewer.role() == Role.MENTOR) {
                if (mentorExternalId != null && !mentorExternalId.equals(viewer.personExternalId())) {
                    throw new ForbiddenException("Not your mentorships");
                }
                mentorExternalId = viewer.personExternalId() == null ? "-" : viewer.personExternalId();
            } else {
                List<String> own = requests.find(RequestFilter.ALL.ownedBy(viewer.email()), PageRequest.of(0, 50))
                        .map(stored -> stored.request().externalId()).getContent();
                if (requestExternalId != null && !own.contains(requestExternalId)) {
                    throw new ForbiddenException("Not your mentorships");
                }
                requestExternalId = requestExternalId != null ? requestExternalId
                        : own.isEmpty() ? "-" : own.get(0);
            }
        }
        return mapper.toPage(service.list(requestExternalId, mentorExternalId, status,
                PageRequest.of(page, size, Sort.by("requestExternalId", "id"))));
    }
}
