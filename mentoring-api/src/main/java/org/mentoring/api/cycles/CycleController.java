package org.mentoring.api.cycles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.mentoring.api.cycles.CycleDtos.CreateCycleRequest;
import org.mentoring.api.cycles.CycleDtos.CycleResponse;
import org.mentoring.api.cycles.CycleDtos.CyclesResponse;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.cycles.Cycle;
import org.mentoring.cycles.CycleService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/cycles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cycles", description = "The rounds a programme runs in: when researchers may ask, when mentorships run")
class CycleController {

    private final CycleService cycles;

    CycleController(CycleService cycles) {
        this.cycles = cycles;
    }

    @GetMapping
    @Operation(summary = "List the cycles", description = "Any signed-in user. Every cycle by the day its requests "
            + "open, with the one open for requests today (null when requests are closed) and the current one (what "
            + "a run places by default: the cycle whose requests are open, or else closed most recently). A "
            + "programme that never created a cycle has the single cycle 'default', always open.")
    CyclesResponse list() {
        return CyclesResponse.of(cycles.calendar());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a cycle", description = "ADMIN. Audited. A request names its cycle (`cycle`); "
            + "without one it goes into the cycle open for requests today. Once a cycle exists, 'default' no longer "
            + "takes researchers' requests.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the cycles list")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @ApiResponse(responseCode = "422", description = "Each wrong field named: a code that is not lowercase letters, "
            + "digits and dashes, is 'default' or is taken; a missing name or date; a date not yyyy-MM-dd; dates "
            + "out of order (requestsOpen ≤ requestsClose ≤ startsOn ≤ endsOn); a request window sharing a day with "
            + "another cycle's")
    ResponseEntity<CycleResponse> create(@RequestBody CreateCycleRequest body) {
        Viewer viewer = Viewer.current();
        if (!viewer.isAdmin()) {
            throw new ForbiddenException("Only admins create cycles");
        }
        if (body == null) {
            throw new InvalidInputException("code", "The body must be a cycle: code, name, requestsOpen, "
                    + "requestsClose, startsOn, endsOn");
        }
        Cycle created = cycles.create(body.toInput(), Viewer.actorName());
        return ResponseEntity.created(URI.create("/api/v1/cycles"))
                .body(CycleResponse.of(created, cycles.calendar().today()));
    }
}
