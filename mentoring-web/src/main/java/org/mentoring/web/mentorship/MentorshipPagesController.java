package org.mentoring.web.mentorship;

import jakarta.servlet.http.HttpServletRequest;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.feedback.FeedbackService;
import org.mentoring.feedback.FeedbackStage;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.Side;
import org.mentoring.mentorship.MentorshipEndings;
import org.mentoring.people.persistence.RequestService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A researcher or mentor ends their mentorship, or gives the feedback due, from their own page. */
@Controller
class MentorshipPagesController {

    private static final String NOT_YOURS = "Not your mentorship";

    private final MentorshipEndings endings;
    private final FeedbackService feedback;
    private final RequestService requests;

    MentorshipPagesController(MentorshipEndings endings, FeedbackService feedback, RequestService requests) {
        this.endings = endings;
        this.feedback = feedback;
        this.requests = requests;
    }

    @PostMapping("/mentorships/{id}/end")
    String end(@PathVariable String id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note, @RequestParam(required = false) String confirm,
            HttpServletRequest request, RedirectAttributes redirect) {
        Viewer viewer = Viewer.current();
        Side side = sideOf(viewer, id);
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("mentorshipError", "Tick \"Yes, end this mentorship\" to confirm; nothing was"
                    + " changed.");
        } else {
            try {
                endings.end(id, reason, note, viewer.email(), request.getRemoteAddr());
                redirect.addFlashAttribute("mentorshipNotice", "The mentorship has ended. You, the other person and"
                        + " the coordinators are told by email; please give your feedback below.");
            } catch (InvalidInputException e) {
                redirect.addFlashAttribute("mentorshipError", "Nothing was changed: " + String.join("; ",
                        e.errors().stream().map(error -> error.message().replaceFirst("^(reason|note):? ", ""))
                                .toList()));
            } catch (ConflictException e) {
                redirect.addFlashAttribute("mentorshipError", e.getMessage());
            }
        }
        return page(side);
    }

    @PostMapping("/mentorships/{id}/feedback")
    String feedback(@PathVariable String id, @RequestParam(required = false) FeedbackStage stage,
            @RequestParam(required = false) Integer rating, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.current();
        Side side = sideOf(viewer, id);
        try {
            feedback.give(id, side, stage, rating, comment, viewer.email());
            redirect.addFlashAttribute("mentorshipNotice", "Thank you: your feedback is recorded.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("mentorshipError", "Your feedback was not recorded: " + String.join("; ",
                    e.errors().stream().map(error -> error.field().equals("rating") ? "choose a rating from 1 to 5"
                            : error.message()).toList()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("mentorshipError", "You have given this feedback already.");
        }
        return page(side);
    }

    private static String page(Side side) {
        return side == Side.MENTOR ? "redirect:/mentor" : "redirect:/my-request";
    }

    /**
     * The side the viewer is of this mentorship: its mentor (by their account's profile) or the researcher whose
     * request it is (by canonical email). Anyone else, and an unknown id, is refused alike so ids cannot be probed.
     */
    private Side sideOf(Viewer viewer, String id) {
        try {
            Mentorship mentorship = endings.get(id);
            if (viewer.role() == Role.MENTOR && viewer.isMentor(mentorship.mentorExternalId())) {
                return Side.MENTOR;
            }
            if (viewer.role() == Role.RESEARCHER && requests.find(mentorship.requestExternalId())
                    .filter(stored -> viewer.ownsRequest(stored.request().email())).isPresent()) {
                return Side.RESEARCHER;
            }
        } catch (NotFoundException e) {
            // answered like someone else's
        }
        throw new ForbiddenException(NOT_YOURS);
    }
}
