package org.mentoring.web.offer;

import jakarta.servlet.http.HttpServletRequest;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.NotFoundException;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.Side;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /**
     * Declines only when the page's confirmation was given ({@code confirm=yes}); without it, nothing changes and
     * the page asks again. The optional reason goes to the proposal and the audit trail.
     */
    @PostMapping("/offers/{id}/decline")
    String decline(@PathVariable String id, @RequestParam(defaultValue = "") String confirm,
            @RequestParam(defaultValue = "") String reason, HttpServletRequest request, RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            Side side = sideOf(Viewer.current(), id);
            if (side == null) {
                throw new ForbiddenException("Not your offer");
            }
            redirect.addFlashAttribute("offerError", "Nothing was declined: open Decline, then confirm with "
                    + "\"Yes, decline\".");
            return side == Side.MENTOR ? "redirect:/mentor" : "redirect:/my-request";
        }
        return answer(id, Answer.DECLINED, reason, request, redirect);
    }

    private String answer(String id, Answer answer, HttpServletRequest request, RedirectAttributes redirect) {
        return answer(id, answer, null, request, redirect);
    }

    private String answer(String id, Answer answer, String reason, HttpServletRequest request,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.current();
        Side side = sideOf(viewer, id);
        if (side == null) {
            // an unknown offer is answered like someone else's, as the API does, so that ids cannot be probed
            throw new ForbiddenException("Not your offer");
        }
        try {
            lifecycle.answer(id, side, answer, viewer.email(), false, request.getRemoteAddr(), reason);
            redirect.addFlashAttribute("offerNotice", answer == Answer.ACCEPTED
                    ? "You accepted. When both of you have accepted, the mentorship starts."
                    : "You declined. You will not be proposed to each other again.");
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
