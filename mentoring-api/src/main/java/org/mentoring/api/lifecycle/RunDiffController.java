package org.mentoring.api.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.mentoring.api.security.Viewer;
import org.mentoring.lifecycle.RunDiff;
import org.mentoring.lifecycle.RunDiffService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Matching runs")
class RunDiffController {

    private final RunDiffService diffs;

    RunDiffController(RunDiffService diffs) {
        this.diffs = diffs;
    }

    @Schema(description = "How a run's pairs (proposed and kept) differ from the previous completed run's.")
    record RunDiffResponse(
            String runId,
            @Schema(description = "The latest COMPLETED run before this one; null if none (every pair is new).")
            String previousRunId,
            @Schema(description = "Same request, same mentor.") List<RunDiff.PairChange> kept,
            @Schema(description = "Same request, another mentor.") List<RunDiff.PairChange> changed,
            @JsonProperty("new") @Schema(description = "Requests paired in this run only.")
            List<RunDiff.PairChange> added,
            @Schema(description = "Requests paired in the previous run only.") List<RunDiff.PairChange> dropped) {
    }

    @GetMapping("/api/v1/matching-runs/{id}/diff")
    @Operation(summary = "What a run changes (ADMIN)",
            description = "Its pairs, proposed and kept, against the previous completed run's, by request: kept,"
                    + " changed, new and dropped.")
    RunDiffResponse diff(@PathVariable String id) {
        Viewer.current().requireAdmin();
        RunDiff diff = diffs.diff(id);
        return new RunDiffResponse(diff.runId(), diff.previousRunId(), diff.kept(), diff.changed(), diff.added(),
                diff.dropped());
    }
}
