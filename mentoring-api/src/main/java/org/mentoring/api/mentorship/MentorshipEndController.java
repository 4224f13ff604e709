package org.mentoring.api.mentorship;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.mentoring.api.problem.StrictBody;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.mentorship.MentorshipEndings;
import org.mentoring.people.persistence.RequestService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Mentorships")
class MentorshipEndController {

    private final MentorshipEndings endings;
    private final MentorshipApiMapper mapper;
    private final RequestService requests;

    MentorshipEndController(MentorshipEndings endings, MentorshipApiMapper mapper, RequestService requests) {
        this.endings = endings;
        this.mapper = mapper;
        this.requests = requests;
    }

    @StrictBody
    @Schema(description = "How a mentorship ends.")
    record EndRequest(
            @Schema(description = "COMPLETED (it ran its course) or ENDED_EARLY (it stops before its agreed end).",
                    example = "ENDED_EARLY") String reason,
            @Schema(description = "Why, in plain text up to 2000 characters; required for ENDED_EARLY. Both sides and"
                    + " the coordinators read it.", example = "My mentee took up a post abroad.") String note) {
    }

    @PostMapping("/api/v1/mentorships/{id}/end")
    @Operation(summary = "End a mentorship",
            description = "By the researcher whose request it is or by its mentor (by their account), or by an ADMIN."
                    + " The mentorship becomes COMPLETED or ENDED_EARLY, the mentor's place is free again (once, even"
                    + " when two calls end it at the same moment), both sides are told and asked for their end"
                    + " feedback, the coordinators are told, and the end is in the audit trail. The request stays"
                    + " MATCHED: it is not placed again in its cycle. An ACTIVE mentorship also completes by itself on"
                    + " its agreed end date (its endDate).")
    @ApiResponse(responseCode = "200", description = "The mentorship, ended.")
    @ApiResponse(responseCode = "403", description = "Not a side of this mentorship nor an admin (also for an id that"
            + " does not exist, so that ids cannot be probed).",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such mentorship (answered to admins).",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "It has ended already (code mentorship-not-active).",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "A reason other than COMPLETED or ENDED_EARLY, a note too long"
            + " or with characters that cannot be shown, or ENDED_EARLY without a note; each field named.",
            content = @Content(mediaType = "application/problem+json"))
    MentorshipResponse end(@PathVariable String id, @RequestBody EndRequest body, HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        if (!viewer.isAdmin()) {
            try {
                Mentorship mentorship = endings.get(id);
                boolean side = viewer.isMentor(mentorship.mentorExternalId()) || requests.find(
                        mentorship.requestExternalId()).filter(stored -> viewer.ownsRequest(stored.request().email()))
                        .isPresent();
                if (!side) {
                    throw new ForbiddenException("This mentorship is not yours");
                }
            } catch (NotFoundException e) {
                throw new ForbiddenException("This mentorship is not yours");
            }
        }
        return mapper.toResponse(endings.end(id, body.reason(), body.note(), viewer.email(), http.getRemoteAddr()));
    }
}
