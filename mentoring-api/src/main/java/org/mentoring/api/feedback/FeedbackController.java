package org.mentoring.api.feedback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.NotFoundException;
import org.mentoring.feedback.Feedback;
import org.mentoring.feedback.FeedbackService;
import org.mentoring.feedback.FeedbackStage;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.Side;
import org.mentoring.people.persistence.RequestService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Mentorships")
class FeedbackController {

    private static final String NOT_YOURS = "This mentorship is not yours";

    private final FeedbackService feedback;
    private final RequestService requests;

    FeedbackController(FeedbackService feedback, RequestService requests) {
        this.feedback = feedback;
        this.requests = requests;
    }

    @Schema(description = "One side's feedback at one stage.")
    record FeedbackRequest(
            @Schema(description = "MID or END.") FeedbackStage stage,
            @Schema(description = "1 (poor) to 5 (excellent).") Integer rating,
            @Schema(description = "Free text, up to 4000 characters.") String comment) {
    }

    @PostMapping("/api/v1/mentorships/{id}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Give feedback on one's mentorship",
            description = "By the researcher whose request it is or by its mentor, once per stage (MID, END).")
    @ApiResponse(responseCode = "201", description = "Recorded.")
    @ApiResponse(responseCode = "409", description = "This side has given feedback at this stage already.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "A rating outside 1 to 5, no stage, or a comment too long.",
            content = @Content(mediaType = "application/problem+json"))
    Feedback give(@PathVariable String id, @RequestBody FeedbackRequest body) {
        Viewer viewer = Viewer.current();
        Side side = sideOf(viewer, id);
        if (side == null) {
            throw new ForbiddenException(NOT_YOURS);
        }
        return feedback.give(id, side, body.stage(), body.rating(), body.comment(), viewer.email());
    }

    @GetMapping("/api/v1/mentorships/{id}/feedback")
    @Operation(summary = "A mentorship's feedback", description = "For an ADMIN or either side; oldest first.")
    List<Feedback> list(@PathVariable String id) {
        Viewer viewer = Viewer.current();
        if (viewer.isAdmin()) {
            feedback.mentorship(id);
        } else if (sideOf(viewer, id) == null) {
            throw new ForbiddenException(NOT_YOURS);
        }
        return feedback.of(id);
    }

    /** The side the viewer is in this mentorship, or null; an unknown mentorship counts as someone else's. */
    private Side sideOf(Viewer viewer, String mentorshipId) {
        try {
            Mentorship mentorship = feedback.mentorship(mentorshipId);
            if (viewer.isMentor(mentorship.mentorExternalId())) {
                return Side.MENTOR;
            }
            if (viewer.ownsRequest(requests.get(mentorship.requestExternalId()).request().email())) {
                return Side.RESEARCHER;
            }
        } catch (NotFoundException e) {
            // answered like someone else's
        }
        return null;
    }
}
