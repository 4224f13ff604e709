package org.mentoring.web.offer;

import jakarta.servlet.http.HttpServletRequest;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.lifecycle.Answer;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
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
        Offer offer = lifecycle.get(id);
        Side side;
        if (viewer.role() == Role.MENTOR && viewer.isMentor(offer.mentorExternalId())) {
            side = Side.MENTOR;
        } else if (viewer.role() == Role.RESEARCHER
                && viewer.ownsRequest(lifecycle.requestOf(offer).request().email())) {
            side = Side.RESEARCHER;
        } else {
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
}
