package org.mentoring.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.pins.Pin;
import org.mentoring.pins.PinService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Pinning a run's proposal from the run's pages, so that later runs keep the pair, and unpinning it; back to the run
 * page or the request's page, whichever the form came from.
 */
@Controller
class AdminPinController {

    private final PinService pins;
    private final LifecycleService lifecycle;

    AdminPinController(PinService pins, LifecycleService lifecycle) {
        this.pins = pins;
        this.lifecycle = lifecycle;
    }

    @PostMapping("/admin/runs/{id}/requests/{requestId}/pin")
    String pin(@PathVariable String id, @PathVariable String requestId, @RequestParam String proposalId,
            @RequestParam(required = false) String from, HttpServletRequest http, RedirectAttributes redirect) {
        if (!belongs(proposalId, id, requestId)) {
            redirect.addFlashAttribute("actionError", "Not pinned: that proposal is not this request's in this run.");
            return back(id, requestId, from);
        }
        try {
            Pin pin = pins.pin(proposalId, Viewer.current().email(), http.getRemoteAddr());
            redirect.addFlashAttribute("done", "Pinned: later runs keep " + name(pin.requestName(),
                    pin.requestExternalId()) + " with " + name(pin.mentorName(), pin.mentorExternalId())
                    + ", taking one of the mentor's places, and place only the rest.");
        } catch (InvalidInputException e) {
            String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
            int breaks = message.indexOf(" breaks ");
            redirect.addFlashAttribute("actionError", "Not pinned: the pair breaks a hard rule. "
                    + (breaks < 0 ? message : message.substring(breaks + " breaks ".length())));
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("actionError", "Not pinned: " + e.getMessage());
        }
        return back(id, requestId, from);
    }

    @PostMapping("/admin/runs/{id}/requests/{requestId}/unpin")
    String unpin(@PathVariable String id, @PathVariable String requestId, @RequestParam String proposalId,
            @RequestParam(required = false) String from, HttpServletRequest http, RedirectAttributes redirect) {
        if (!belongs(proposalId, id, requestId)) {
            redirect.addFlashAttribute("actionError", "Not unpinned: that proposal is not this request's in this run.");
            return back(id, requestId, from);
        }
        boolean removed = pins.unpin(proposalId, Viewer.current().email(), http.getRemoteAddr());
        redirect.addFlashAttribute("done", removed ? "Unpinned: the next run decides this request's mentor again."
                : "This request had no pin.");
        return back(id, requestId, from);
    }

    private boolean belongs(String proposalId, String runId, String requestId) {
        try {
            Offer offer = lifecycle.get(proposalId);
            return runId.equals(offer.runId()) && offer.requestExternalId().equals(requestId);
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String name(String name, String id) {
        return name == null ? id : name;
    }

    private static String back(String runId, String requestId, String from) {
        if ("run".equals(from)) {
            return "redirect:" + UriComponentsBuilder.fromPath("/admin/runs/{id}").buildAndExpand(runId).encode()
                    .toUriString();
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/runs/{id}/requests/{r}")
                .buildAndExpand(runId, requestId).encode().toUriString();
    }
}
