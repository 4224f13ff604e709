package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import org.mentoring.api.security.Viewer;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunCancellation;
import org.mentoring.matching.run.RunReader;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/matching-runs")
@Tag(name = "Matching runs", description = "Start a matching run, watch its score improve, cancel it, and read"
        + " its proposals with their explanations. One run at a time.")
class MatchingRunController {

    static final String TEXT_CSV = "text/csv";

    private final MatchingRunService service;
    private final RunReader runs;
    private final RunCancellation cancellation;
    private final MatchingRunApiMapper mapper;

    private final org.mentoring.audit.AuditService audit;

    MatchingRunController(MatchingRunService service, RunReader runs, RunCancellation cancellation,
            MatchingRunApiMapper mapper, org.mentoring.audit.AuditService audit) {
        this.audit = audit;
        this.service = service;
        this.runs = runs;
        this.cancellation = cancellation;
        this.mapper = mapper;
    }

    @PostMapping
    @Operation(summary = "Start a matching run",
            description = "Queues a run over the mentors and open requests in the store and answers at once; the"
                    + " run then solves in the background for its time limit. Accepted mentorships stay as they"
                    + " are. Only one run may be queued or solving at a time.")
    @ApiResponse(responseCode = "202", description = "Queued; the Location header is the run's address.")
    @ApiResponse(responseCode = "409", description = "Another run is queued or solving (code run-already-active), or"
            + " a publication is unfinished (code publication-unfinished: publish that run again first); the problem"
            + " names the run.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "A setting is out of range; the problem names each field.",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<MatchingRunResponse> start(@RequestBody(required = false) StartRunRequest request) {
        MatchingRun run = service.start(mapper.toSettings(request));
        audit.record(Viewer.actorName(), "run.start", run.id(), "time limit " + run.timeLimitSeconds() + " s", null);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(run.id())
                .toUri();
        return ResponseEntity.accepted().location(location).body(mapper.toResponse(run));
    }

    @GetMapping
    @Operation(summary = "List matching runs", description = "Newest first, without their score histories.")
    MatchingRunPageResponse list(
            @Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Runs per page, 1 to 100.") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
            int size) {
        return mapper.toPage(runs.list(PageRequest.of(page, size)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One matching run",
            description = "Its status, best score so far, counts, elapsed time and score history: poll it while"
                    + " the run solves. A run that forms mentoring circles gives its circle settings in circles.")
    @ApiResponse(responseCode = "200", description = "The run.")
    @ApiResponse(responseCode = "404", description = "No such run.",
            content = @Content(mediaType = "application/problem+json"))
    MatchingRunResponse get(@PathVariable String id) {
        return mapper.toResponse(runs.get(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a matching run",
            description = "Stops a queued or solving run early. A solving run keeps the best solution found until"
                    + " then and ends CANCELLED; this waits a few seconds for that. A run with circles cancelled while"
                    + " its circles are being formed stops that search at once and ends CANCELLED without a result.")
    @ApiResponse(responseCode = "200", description = "The run has ended.")
    @ApiResponse(responseCode = "202", description = "The run is stopping and still saving its best solution.")
    @ApiResponse(responseCode = "404", description = "No such run.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The run had already ended.",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<MatchingRunResponse> cancel(@PathVariable String id) {
        MatchingRun run = cancellation.cancel(id);
        audit.record(Viewer.actorName(), "run.cancel", id, null, null);
        return ResponseEntity.status(run.status().isActive() ? 202 : 200).body(mapper.toResponse(run));
    }

    @GetMapping(value = "/{id}/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proposals of a finished run",
            description = "Every proposed pair with its explanation, ordered by request, and every request left"
                    + " without a mentor with the reasons. Also as CSV: ask for text/csv, or GET"
                    + " /api/v1/matching-runs/{id}/proposals.csv.")
    @ApiResponse(responseCode = "200", description = "The proposals.")
    @ApiResponse(responseCode = "404", description = "No such run.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The run is still queued or solving, or it failed.",
            content = @Content(mediaType = "application/problem+json"))
    RunProposalsResponse proposals(@PathVariable String id) {
        return mapper.toResponse(runs.proposals(id));
    }

    @GetMapping(value = "/{id}/proposals.csv", produces = TEXT_CSV)
    @Operation(summary = "Proposals of a finished run as CSV",
            description = "One row per proposal, then one per unmatched request (outcome UNMATCHED, its reasons in"
                    + " the explanation column); explanation lines are joined by \" | \". Cells a spreadsheet"
                    + " would read as formulas start with a single quote.")
    @ApiResponse(responseCode = "200", description = "The CSV table.",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such run.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The run is still queued or solving, or it failed.",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> proposalsCsv(@PathVariable String id) throws IOException {
        StringBuilder csv = new StringBuilder();
        runs.writeProposalsCsv(id, csv);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("proposals-" + id + ".csv").build().toString())
                .body(csv.toString());
    }

    /** The same CSV at the JSON address, for a client that asks for text/csv; documented with the JSON one. */
    @Hidden
    @GetMapping(value = "/{id}/proposals", produces = TEXT_CSV)
    ResponseEntity<String> proposalsCsvByAccept(@PathVariable String id) throws IOException {
        return proposalsCsv(id);
    }

}
