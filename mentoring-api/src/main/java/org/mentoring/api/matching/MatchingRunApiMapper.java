package org.mentoring.api.matching;

import java.util.List;
import org.mapstruct.Mapper;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.run.RunProposals;
import org.mentoring.matching.run.RunSettings;
import org.mentoring.matching.run.WeightOverrides;
import org.mentoring.matching.run.WeightSetting;
import org.springframework.data.domain.Page;

/** Between the matching-run API's JSON and the core's records. */
@Mapper
interface MatchingRunApiMapper {

    RunSettings toSettings(StartRunRequest request);

    WeightOverrides toOverrides(WeightsRequest request);

    MatchingRunResponse toResponse(MatchingRun run);

    MatchingRunSummaryResponse toSummary(MatchingRun run);

    WeightsResponse toResponse(MatchingWeights weights);

    RunProposalsResponse toResponse(RunProposals proposals);

    List<WeightSettingResponse> toResponses(List<WeightSetting> settings);

    default MatchingRunPageResponse toPage(Page<MatchingRun> page) {
        return new MatchingRunPageResponse(page.getContent().stream().map(this::toSummary).toList(),
                page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
