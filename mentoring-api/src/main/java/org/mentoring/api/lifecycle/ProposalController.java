package org.mentoring.api.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.mentoring.accounts.Role;
import org.mentoring.api.lifecycle.LifecycleDtos.AnswerRequest;
import org.mentoring.api.lifecycle.LifecycleDtos.OfferResponse;
import org.mentoring.api.lifecycle.LifecycleDtos.PublicationResponse;
import org.mentoring.api.lifecycle.LifecycleDtos.PublishRequest;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.solver.Audience;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.persistence.RequestService;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Offers", description = "Publish a completed run as offers; each side accepts or declines; both"
        + " accepting starts an active mentorship.")
class ProposalController {

    private static final String NOT_YOURS = "This offer is not yours";

    private final LifecycleService lifecycle;
    private final RequestService requests;

    ProposalController(LifecycleService lifecycle, RequestService requests) {
        this.lifecycle = lifecycle;
        this.requests = requests;
    }

    @PostMapping("/api/v1/matching-runs/{id}/publish")
    @Operation(summary = "Publish a completed run (ADMIN)",
            description = "Turns the run's proposals into offers: each request becomes PROPOSED and both sides get a"
                    + " message. Each offer takes a place in its mentor's ledger first; a proposal whose request is"
                    + " no longer open, or whose mentor has no free place left, is withdrawn. Publishing again changes"
                    + " nothing and says so (alreadyPublished), except after a publication cut short (the run shows"
                    + " publishedAt without publishCompletedAt): then it offers the rest and tells whoever was not"
                    + " told yet, nobody twice. The optional body {\"answerWithinDays\": 14} gives both sides of"
                    + " each offer that many days (1 to 90, 14 when left out) to answer: each offer's answerBy. Three"
                    + " days before it whoever has not answered is reminded by email; at it an offer not answered by"
                    + " both sides becomes EXPIRED, its place is free again and its request OPEN.")
    @ApiResponse(responseCode = "200", description = "Published, or already published.")
    @ApiResponse(responseCode = "422", description = "answerWithinDays is not a whole number from 1 to 90, or the"
            + " body has another property; nothing is published.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The run is not COMPLETED (queued, solving, cancelled or failed; "
            + "code run-not-completed), or another run began publishing after this one was made (publications are"
            + " numbered by a counter, not by clocks), so its proposals no longer know every mentor's load (code"
            + " run-outdated: start a new run).",
            content = @Content(mediaType = "application/problem+json"))
    PublicationResponse publish(@PathVariable String id, @RequestBody(required = false) PublishRequest body,
            HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        viewer.requireAdmin();
        return PublicationResponse.of(lifecycle.publish(id, body == null ? null : body.answerWithinDays(),
                viewer.email(), http.getRemoteAddr()));
    }

    @PostMapping("/api/v1/proposals/{id}/accept")
    @Operation(summary = "Accept an offer",
            description = "By the researcher who owns the request or the mentor named, or by an ADMIN for one of them"
                    + " with {\"onBehalfOf\": \"RESEARCHER\"} or \"MENTOR\". Once both sides accept, the offer is"
                    + " ACCEPTED and an ACTIVE mentorship starts.")
    @ApiResponse(responseCode = "200", description = "The offer after the answer.")
    @ApiResponse(responseCode = "409", description = "This side has answered already, or the offer is no longer"
            + " open (declined, withdrawn or accepted), or its deadline (answerBy) has passed (code offer-expired,"
            + " saying when it expired).", content = @Content(mediaType = "application/problem+json"))
    OfferResponse accept(@PathVariable String id, @RequestBody(required = false) AnswerRequest body,
            HttpServletRequest http) {
        return answer(id, Answer.ACCEPTED, body, http);
    }

    @PostMapping("/api/v1/proposals/{id}/decline")
    @Operation(summary = "Decline an offer",
            description = "Like accept. The offer becomes DECLINED, the request OPEN again, and this mentor is never"
                    + " proposed for this request again.")
    @ApiResponse(responseCode = "200", description = "The offer after the answer.")
    @ApiResponse(responseCode = "409", description = "This side has answered already, or the offer is no longer"
            + " open, or its deadline has passed (code offer-expired).",
            content = @Content(mediaType = "application/problem+json"))
    OfferResponse decline(@PathVariable String id, @RequestBody(required = false) AnswerRequest body,
            HttpServletRequest http) {
        return answer(id, Answer.DECLINED, body, http);
    }

    private OfferResponse answer(String id, Answer answer, AnswerRequest body, HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        Offer offer = visible(id, viewer);
        Side side;
        if (viewer.isAdmin()) {
            if (body == null || body.onBehalfOf() == null) {
                throw new InvalidInputException("onBehalfOf",
                        "onBehalfOf: say whether you answer for the RESEARCHER or the MENTOR");
            }
            side = body.onBehalfOf();
        } else if (viewer.isMentor(offer.mentorExternalId())) {
            side = Side.MENTOR;
        } else {
            side = Side.RESEARCHER;
        }
        return OfferResponse.of(lifecycle.answer(id, side, answer, viewer.email(), viewer.isAdmin(),
                http.getRemoteAddr()), reader(viewer, offer));
    }

    @GetMapping("/api/v1/proposals/mine")
    @Operation(summary = "My offers",
            description = "The signed-in researcher's offers (for their requests) or mentor's offers, newest first,"
                    + " with their explanations in the reader's words; drafts of unpublished runs are not shown. Empty"
                    + " for an ADMIN.")
    List<OfferResponse> mine() {
        Viewer viewer = Viewer.current();
        List<Offer> offers = new ArrayList<>();
        boolean mentor = viewer.role() == Role.MENTOR && viewer.personExternalId() != null;
        if (mentor) {
            offers.addAll(lifecycle.forMentor(viewer.personExternalId()));
        } else if (viewer.role() == Role.RESEARCHER) {
            List<String> own = requests.find(RequestFilter.ALL.ownedBy(viewer.email()), PageRequest.of(0, 500))
                    .map(stored -> stored.request().externalId()).getContent();
            offers.addAll(lifecycle.forRequests(own));
        }
        Audience reader = mentor ? Audience.MENTOR : Audience.RESEARCHER;
        return offers.stream().map(offer -> OfferResponse.of(offer, reader)).toList();
    }

    @GetMapping("/api/v1/proposals/{id}")
    @Operation(summary = "One offer", description = "For an ADMIN, or either side of a published offer.")
    @ApiResponse(responseCode = "200", description = "The offer.")
    @ApiResponse(responseCode = "403", description = "Not an admin nor a side of this published offer.",
            content = @Content(mediaType = "application/problem+json"))
    OfferResponse get(@PathVariable String id) {
        Viewer viewer = Viewer.current();
        Offer offer = visible(id, viewer);
        return OfferResponse.of(offer, reader(viewer, offer));
    }

    /** Whose words the viewer reads an offer in: an admin's, the named mentor's, or else the researcher's. */
    private static Audience reader(Viewer viewer, Offer offer) {
        if (viewer.isAdmin()) {
            return Audience.ADMIN;
        }
        return viewer.isMentor(offer.mentorExternalId()) ? Audience.MENTOR : Audience.RESEARCHER;
    }

    /**
     * The offer if the viewer may see it: an admin any proposal, a side only their own published one. Others get
     * 403 whether or not it exists, so that ids cannot be probed.
     */
    private Offer visible(String id, Viewer viewer) {
        if (viewer.isAdmin()) {
            return lifecycle.get(id);
        }
        try {
            Offer offer = lifecycle.get(id);
            boolean side = viewer.isMentor(offer.mentorExternalId())
                    || viewer.ownsRequest(lifecycle.requestOf(offer).request().email());
            if (side && offer.status() != OfferStatus.DRAFT) {
                return offer;
            }
        } catch (NotFoundException e) {
            // answered like someone else's offer
        }
        throw new ForbiddenException(NOT_YOURS);
    }
}
