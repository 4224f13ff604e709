package org.mentoring.web.offer;

import jakarta.servlet.http.HttpServletRequest;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.NotFoundException;
import org.mentoring.lifecycle.Answer;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.lifecycle.OfferStatus;
import org.mentoring.lifecycle.Side;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A researcher or mentor accepts or declines an offer made to them, from their own page. */
@Controller
class OfferPagesController {

    private final LifecycleService lifecycle;

    OfferPagesController(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/offers/{id}/accept")
    String accept(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return answer(id, Answer.ACCEPTED, request, redirect);
    }

    @PostMapping("/offers/{id}/decline")
    String decline(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return answer(id, Answer.DECLINED, request, redirect);
    }

    private String answer(String id, Answer answer, HttpServletRequest request, RedirectAttributes redirect) {
        Viewer viewer = Viewer.current();
        Side side = sideOf(viewer, id);
        if (side == null) {
            // an unknown offer is answered like someone else's, as the API does, so that ids cannot be probed
            throw new ForbiddenException("Not your offer");
        }
        try {
            lifecycle.answer(id, side, answer, viewer.email(), false, request.getRemoteAddr());
            redirect.addFlashAttribute("offerNotice", answer == Answer.ACCEPTED
                    ? "You accepted. When both of you have accepted, the mentorship starts."
                    : "You declined. This pair will not be proposed again.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("offerError", e.getMessage());
        }
        return side == Side.MENTOR ? "redirect:/mentor" : "redirect:/my-request";
    }

    /** The side the viewer is of this offer, or null for someone else's offer, a draft, or no such offer. */
    private Side sideOf(Viewer viewer, String id) {
        try {
            Offer offer = lifecycle.get(id);
            if (offer.status() == OfferStatus.DRAFT) {
                return null;
            }
            if (viewer.role() == Role.MENTOR && viewer.isMentor(offer.mentorExternalId())) {
                return Side.MENTOR;
            }
            if (viewer.role() == Role.RESEARCHER && viewer.ownsRequest(lifecycle.requestOf(offer).request().email())) {
                return Side.RESEARCHER;
            }
        } catch (NotFoundException e) {
            // answered like someone else's offer
        }
        return null;
    }
}
