package org.mentoring.api.pins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.mentoring.api.security.Viewer;
import org.mentoring.pins.Pin;
import org.mentoring.pins.PinService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Pins")
class PinController {

    private final PinService pins;

    PinController(PinService pins) {
        this.pins = pins;
    }

    @Schema(description = "A coordinator's pin: later runs keep the request with the mentor, taking one of the"
            + " mentor's places, and place only the rest.")
    record PinResponse(
            @Schema(example = "r-104") String requestExternalId,
            @Schema(description = "The researcher's name.", example = "J. Singh") String requestName,
            @Schema(example = "m-017") String mentorExternalId,
            @Schema(description = "The mentor's name.", example = "Dr. A. Mwangi") String mentorName,
            @Schema(description = "The email of the admin who pinned it.") String pinnedBy,
            Instant pinnedAt,
            @Schema(description = "The run whose proposal was pinned.") String runId,
            @Schema(description = "The proposal that was pinned.") String proposalId,
            @Schema(description = "True while later runs keep the pair; false once a run dropped the pin.")
            boolean active,
            @Schema(description = "When a run dropped it; absent while it holds.") Instant droppedAt,
            @Schema(description = "The run that dropped it.") String droppedByRun,
            @Schema(description = "Why that run could no longer keep the pair, in plain words (the request was"
                    + " withdrawn, offered elsewhere, or the pair now breaks a hard rule, naming it).")
            String droppedReason) {

        static PinResponse of(Pin pin) {
            return new PinResponse(pin.requestExternalId(), pin.requestName(), pin.mentorExternalId(),
                    pin.mentorName(), pin.pinnedBy(), pin.pinnedAt(), pin.runId(), pin.proposalId(), pin.active(),
                    pin.droppedAt(), pin.droppedByRun(), pin.droppedReason());
        }
    }

    @Schema(description = "Every pin: those later runs keep first, then those a run dropped, with why.")
    record PinsResponse(List<PinResponse> pins) {
    }

    @PostMapping("/api/v1/proposals/{id}/pin")
    @Operation(summary = "Pin a proposal's pair so that later runs keep it (ADMIN)",
            description = "For a run's DRAFT proposal whose request is open: the next runs assign the request to this"
                    + " mentor before placing the rest (the pair takes one of the mentor's places, is listed among the"
                    + " run's proposals with `pinned: true` and is not decided again). Pinning the same pair again"
                    + " changes nothing; pinning another proposal of the request moves its pin. A run drops a pin,"
                    + " saying why (`GET /api/v1/pins`), when the request is withdrawn, offered or matched, or the pair"
                    + " no longer passes the hard rules. Refused with 422 naming each hard rule the pair breaks, the"
                    + " mentor's places (mentorships, offers awaiting answers and other pins) included.")
    @ApiResponse(responseCode = "200", description = "The pin.")
    @ApiResponse(responseCode = "404", description = "No such proposal.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The request is withdrawn, in a mentorship or offered"
            + " (`request-withdrawn`, `request-in-mentorship`, `request-offered`), the proposal is no longer a draft"
            + " (`proposal-not-draft`), or it is a researcher's direct ask (`direct-ask`).",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The pair breaks a hard rule; the problem names it.",
            content = @Content(mediaType = "application/problem+json"))
    PinResponse pinProposal(@PathVariable String id, HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        viewer.requireAdmin();
        return PinResponse.of(pins.pin(id, viewer.email(), http.getRemoteAddr()));
    }

    @DeleteMapping("/api/v1/proposals/{id}/pin")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unpin a proposal's request (ADMIN)",
            description = "Removes the pin of the proposal's request, so that the next run decides its mentor again;"
                    + " nothing to do when it has none.")
    @ApiResponse(responseCode = "204", description = "The request has no pin now.")
    @ApiResponse(responseCode = "404", description = "No such proposal.",
            content = @Content(mediaType = "application/problem+json"))
    void unpinProposal(@PathVariable String id, HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        viewer.requireAdmin();
        pins.unpin(id, viewer.email(), http.getRemoteAddr());
    }

    @GetMapping("/api/v1/pins")
    @Operation(summary = "The coordinators' pins (ADMIN)",
            description = "Those later runs keep first (newest first), then those a run dropped, with the run and why;"
                    + " each with the researcher's and the mentor's names.")
    PinsResponse listPins() {
        Viewer.current().requireAdmin();
        return new PinsResponse(pins.list().stream().map(PinResponse::of).toList());
    }
}
