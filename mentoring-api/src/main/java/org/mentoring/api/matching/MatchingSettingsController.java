package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.run.RunSettings;
import org.mentoring.matching.run.WeightSetting;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Matching runs")
class MatchingSettingsController {

    private final MatchingRunApiMapper mapper;

    MatchingSettingsController(MatchingRunApiMapper mapper) {
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/matching-settings/defaults")
    @Operation(summary = "Default run settings",
            description = "The time limit and every weight a run uses unless told otherwise, with what each weight"
                    + " rewards and the limits a run's settings must keep.")
    MatchingDefaultsResponse defaults() {
        return new MatchingDefaultsResponse(RunSettings.DEFAULT_TIME_LIMIT_SECONDS,
                RunSettings.MIN_TIME_LIMIT_SECONDS, RunSettings.MAX_TIME_LIMIT_SECONDS, 0, MatchingWeights.MAX_WEIGHT,
                mapper.toResponses(WeightSetting.all()));
    }
}
