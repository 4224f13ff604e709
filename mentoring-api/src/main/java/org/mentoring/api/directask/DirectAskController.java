package org.mentoring.api.directask;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.mentoring.api.directask.DirectAskDtos.DirectAskRequest;
import org.mentoring.api.directask.DirectAskDtos.DirectAskResponse;
import org.mentoring.api.directask.DirectAskDtos.DirectAskSettingsBody;
import org.mentoring.api.directask.DirectAskDtos.PendingAsksResponse;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.directask.DirectAskService;
import org.mentoring.directask.DirectAskSettings;
import org.mentoring.people.persistence.RequestService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Direct asks", description = "A researcher with an OPEN request asks one mentor from the directory; the "
        + "mentor answers as to any offer. The coordinator can turn direct asks off.")
class DirectAskController {

    private final DirectAskService asks;
    private final DirectAskSettings settings;
    private final RequestService requests;

    DirectAskController(DirectAskService asks, DirectAskSettings settings, RequestService requests) {
        this.asks = asks;
        this.settings = settings;
        this.requests = requests;
    }

    @PostMapping(path = "/api/v1/requests/{externalId}/direct-ask", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask a mentor directly", description = "By the RESEARCHER who owns the request (any other"
            + " request, or none, answers 403) or an ADMIN. The request must be OPEN and have no other ask waiting."
            + " The pair is checked against every hard rule as a run checks it (free place, time together, dates,"
            + " exclusions and same person, language); each rule broken is named in words. Otherwise the mentor gets"
            + " an offer with a deadline 14 days away, by email with the message; the researcher's acceptance is"
            + " recorded at once, the mentor accepts or declines with /api/v1/proposals/{id}/accept or decline. The"
            + " request is PROPOSED meanwhile, so runs leave it alone; declined or expired, it is OPEN again.")
    @ApiResponse(responseCode = "201", description = "Asked; Location names the offer")
    @ApiResponse(responseCode = "403", description = "Not an admin nor the researcher who owns the request",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Direct asks are turned off (code direct-asks-off); another ask"
            + " is waiting, named (direct-ask-pending); the request is not OPEN (request-not-open); or the mentor's"
            + " last place was just taken (mentor-full)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The message is missing, too long or has invisible characters;"
            + " no such mentor; or the pair breaks hard rules, each named under mentorExternalId",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<DirectAskResponse> ask(@PathVariable String externalId, @RequestBody DirectAskRequest body,
            HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        if (!viewer.isAdmin() && requests.find(externalId)
                .filter(stored -> viewer.ownsRequest(stored.request().email())).isEmpty()) {
            throw new ForbiddenException("Not your request");
        }
        DirectAskResponse asked = DirectAskResponse.of(asks.ask(externalId, body.mentorExternalId(), body.message(),
                viewer.email(), http.getRemoteAddr()));
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + asked.id())).body(asked);
    }

    @GetMapping(path = "/api/v1/settings/direct-asks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Whether direct asks are on", description = "Any signed-in person; on unless the"
            + " coordinator turned them off.")
    DirectAskSettingsBody settings() {
        Viewer.current();
        return new DirectAskSettingsBody(settings.enabled());
    }

    @PutMapping(path = "/api/v1/settings/direct-asks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Turn direct asks on or off (ADMIN)", description = "Asks already made stay as they are;"
            + " while off, new asks answer 409 and the directory shows no ask button. Recorded in the audit trail.")
    @ApiResponse(responseCode = "200", description = "The setting now")
    @ApiResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "enabled missing", content = @Content(mediaType =
            "application/problem+json"))
    DirectAskSettingsBody change(@RequestBody DirectAskSettingsBody body, HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        viewer.requireAdmin();
        if (body.enabled() == null) {
            throw new InvalidInputException("enabled", "enabled: say true (researchers may ask mentors directly) or"
                    + " false");
        }
        settings.setEnabled(body.enabled(), viewer.email(), http.getRemoteAddr());
        return new DirectAskSettingsBody(settings.enabled());
    }

    @GetMapping(path = "/api/v1/admin/direct-asks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Direct asks waiting for an answer (ADMIN)", description = "Who asked whom, when, and the"
            + " deadline, newest first.")
    PendingAsksResponse pending() {
        Viewer.current().requireAdmin();
        return new PendingAsksResponse(asks.pending().stream().map(DirectAskResponse::of).toList());
    }
}
