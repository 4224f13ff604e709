package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunCircle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The mentoring circles of a run. */
@RestController
@Tag(name = "Matching runs")
class RunCirclesController {

    private final MatchingRunService service;

    RunCirclesController(MatchingRunService service) {
        this.service = service;
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
