package org.mentoring.api.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.mentoring.api.lifecycle.LifecycleDtos.OfferResponse;
import org.mentoring.api.security.Viewer;
import org.mentoring.lifecycle.Candidate;
import org.mentoring.lifecycle.OverrideService;
import org.mentoring.matching.solver.Audience;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Offers")
class OverrideController {

    private final OverrideService overrides;

    OverrideController(OverrideService overrides) {
        this.overrides = overrides;
    }

    @Schema(description = "The mentor to propose instead.")
    record OverrideRequest(@NotBlank(message = "is required") String mentorExternalId) {
    }

    @PostMapping("/api/v1/proposals/{id}/override")
    @Operation(summary = "Give a proposal another mentor (ADMIN)",
            description = "For a DRAFT or OFFERED proposal; an OFFERED one is offered afresh (both answers cleared)."
                    + " Refused with 422 naming each hard rule the new pair would break, capacity included. The new"
                    + " mentor's place is taken in their ledger by one conditional update, so two admins moving"
                    + " proposals onto a mentor's last place at once never both succeed: the other gets the 422"
                    + " naming CAPACITY and the mentor.")
    @ApiResponse(responseCode = "200", description = "The proposal with its new mentor.")
    @ApiResponse(responseCode = "409", description = "The proposal is accepted, declined or withdrawn.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The new pair breaks a hard rule; the problem names it.",
            content = @Content(mediaType = "application/problem+json"))
    OfferResponse override(@PathVariable String id, @Valid @RequestBody OverrideRequest body,
            HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        viewer.requireAdmin();
        return OfferResponse.of(overrides.override(id, body.mentorExternalId(), viewer.email(), http.getRemoteAddr()),
                Audience.ADMIN);
    }

    @PostMapping("/api/v1/matching-runs/{runId}/unmatched/{requestId}/pair")
    @Operation(summary = "Pair a request a run left unmatched with a mentor (ADMIN)",
            description = "Before the run is published: the pair becomes one of the run's DRAFT proposals, offered"
                    + " when the run is published, and the request leaves the run's unmatched list. Refused with 422"
                    + " naming each hard rule the pair would break (capacity counts the run's other proposals).")
    @ApiResponse(responseCode = "200", description = "The new DRAFT proposal.")
    @ApiResponse(responseCode = "409", description = "The run is not completed, is published, or did not leave the"
            + " request unmatched.", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The pair breaks a hard rule; the problem names it.",
            content = @Content(mediaType = "application/problem+json"))
    OfferResponse pair(@PathVariable String runId, @PathVariable String requestId,
            @Valid @RequestBody OverrideRequest body, HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        viewer.requireAdmin();
        return OfferResponse.of(overrides.pairWith(runId, requestId, body.mentorExternalId(), viewer.email(),
                http.getRemoteAddr()), Audience.ADMIN);
    }

    @GetMapping("/api/v1/requests/{id}/candidates")
    @Operation(summary = "Mentors a request could have (ADMIN)",
            description = "Every mentor, allowed ones first, then by domain affinity, weekly time together and goals"
                    + " met; each with the hard rules the pair would break (CAPACITY when the mentor is full).")
    List<Candidate> candidates(@PathVariable String id) {
        Viewer.current().requireAdmin();
        return overrides.candidates(id);
    }
}
