package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.InvalidInputException;
import org.mentoring.lifecycle.CircleOffers;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunCircle;
import org.mentoring.matching.run.RunReader;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The mentoring circles of a run, and a free seat of one offered by hand. */
@RestController
@Tag(name = "Matching runs")
class RunCirclesController {

    /** The longest request externalId taken; a longer one is no request's. */
    static final int MAX_ID_LENGTH = 200;

    private final MatchingRunService service;
    private final RunReader runs;
    private final CircleOffers circleOffers;

    RunCirclesController(MatchingRunService service, RunReader runs, CircleOffers circleOffers) {
        this.service = service;
        this.runs = runs;
        this.circleOffers = circleOffers;
    }

    @PostMapping("/api/v1/matching-runs/{id}/circles/{circleId}/seats")
    @Operation(summary = "Offer a seat in a mentoring circle",
            description = "What \"Offer a seat\" on the run's Circles page does: offers an OPEN request open to"
                    + " circles a seat in one of the run's published circles that has not started, as publication"
                    + " does (the circle held in its mentor's places ledger, the request PROPOSED, the member told by"
                    + " email, audited as circle.seat.offer). The member answers it like any offer. Refused when the"
                    + " circle is full (maxSize seats accepted or waiting: 409 circle-full), has started (409"
                    + " circle-started), was never published, or the request no longer fits: not open, offered a seat"
                    + " in this circle before, one-to-one only, the meeting outside its week, no shared language, the"
                    + " mentor excluded (409 seat-unfit, naming requestExternalId). Admins only.")
    @ApiResponse(responseCode = "201", description = "The seat, OFFERED.")
    @ApiResponse(responseCode = "404", description = "No such run, no such circle in it, or no such request.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "circle-full, circle-started or seat-unfit, with the reason.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "requestExternalId missing, blank or too long.",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<SeatResponse> offerSeat(@PathVariable String id, @PathVariable String circleId,
            @RequestBody(required = false) OfferSeatRequest body, HttpServletRequest http) {
        String requestId = body == null || body.requestExternalId() == null ? "" : body.requestExternalId().strip();
        if (requestId.isEmpty()) {
            throw new InvalidInputException("requestExternalId", "requestExternalId: give the externalId of the open"
                    + " request to offer the seat to");
        }
        if (requestId.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException("requestExternalId", "requestExternalId: at most " + MAX_ID_LENGTH
                    + " characters");
        }
        runs.get(id);
        ProposalDocument seat = circleOffers.offerSeatInRun(id, circleId, requestId, Viewer.actorName(),
                http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + seat.id())).body(SeatResponse.of(seat));
    }

    @GetMapping("/api/v1/matching-runs/{id}/circles")
    @Operation(summary = "Mentoring circles of a run",
            description = "Every circle a run with circle settings formed: its mentor, its members and its weekly"
                    + " meeting in UTC, with why each member is in it. Empty for a run without circles and while a"
                    + " run is queued or solving. Requests placed in no pair and no circle are in the proposals'"
                    + " unmatched, with the reasons (circle ones included). Admins only.")
    @ApiResponse(responseCode = "200", description = "The circles.")
    @ApiResponse(responseCode = "404", description = "No such run.",
            content = @Content(mediaType = "application/problem+json"))
    RunCirclesResponse circles(@PathVariable String id) {
        return new RunCirclesResponse(service.circles(id).stream().map(RunCirclesController::toResponse).toList());
    }

    private static RunCirclesResponse.CircleResponse toResponse(RunCircle circle) {
        return new RunCirclesResponse.CircleResponse(circle.id(), circle.mentorExternalId(), circle.members(),
                new RunCirclesResponse.MeetingResponse(circle.day().name(), circle.start().toString(),
                        circle.end().toString()),
                circle.explanation());
    }
}
