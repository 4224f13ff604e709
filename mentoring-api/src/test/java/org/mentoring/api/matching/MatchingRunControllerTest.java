package org.mentoring.api.matching;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.api.problem.ApiProblemHandler;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.ScorePoint;
import org.mentoring.matching.model.UnmatchedRequest;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunCancellation;
import org.mentoring.matching.run.RunReader;
import org.mentoring.matching.run.RunProposals;
import org.mentoring.matching.run.RunSettings;
import org.mentoring.matching.run.WeightOverrides;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// Security is tested in the web module over the whole app; this slice tests the controller alone.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest
@ContextConfiguration(classes = {MatchingRunController.class, MatchingSettingsController.class,
    MatchingRunApiMapperImpl.class, ApiProblemHandler.class})
class MatchingRunControllerTest {

    private static final String ID = "6f1c2a9e-3b7d-4c1e-9a51-0e2b7d4c8f10";
    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    org.mentoring.audit.AuditService audit;

    @MockitoBean
    private MatchingRunService service;
    @MockitoBean
    private RunReader runs;
    @MockitoBean
    private RunCancellation cancellation;

    private static MatchingRun run(RunStatus status) {
        boolean started = status != RunStatus.QUEUED;
        boolean ended = !status.isActive();
        return new MatchingRun(ID, status, 30, MatchingWeights.defaults(), 42, "OptaPlanner 10.1.0",
                started ? "0hard/-2medium/310soft" : null, started ? true : null, 60, 15, 0, started ? 58 : null,
                started ? List.of(new ScorePoint(120, "0hard/-3medium/290soft", true, 57),
                        new ScorePoint(900, "0hard/-2medium/310soft", true, 58)) : List.of(),
                CREATED, started ? CREATED.plusSeconds(1) : null, ended ? CREATED.plusSeconds(31) : null,
                started ? 30_000 : 0, status == RunStatus.CANCELLED ? "cancelled by an admin" : null, null, null,
                status == RunStatus.COMPLETED ? true : null);
    }

    @Test
    void startingARunAnswers202WithItsAddressAndTheRun() throws Exception {
        given(service.start(any())).willReturn(run(RunStatus.QUEUED));

        mvc.perform(post("/api/v1/matching-runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"timeLimitSeconds\": 30, \"weights\": {\"goals\": 0, \"priority\": 40},"
                                + " \"seed\": 42}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", endsWith("/api/v1/matching-runs/" + ID)))
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.timeLimitSeconds").value(30))
                .andExpect(jsonPath("$.seed").value(42))
                .andExpect(jsonPath("$.weights.domainAffinity").value(10));

        verify(service).start(new RunSettings(30, new WeightOverrides(null, 0, null, null, 40, null, null), 42L));
    }

    @Test
    void aRunCanBeStartedWithoutABody() throws Exception {
        given(service.start(any())).willReturn(run(RunStatus.QUEUED));

        mvc.perform(post("/api/v1/matching-runs"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("QUEUED"));
    }

    @Test
    void aSecondStartIsAConflictNamingTheActiveRun() throws Exception {
        given(service.start(any())).willThrow(new ConflictException("run-already-active",
                "Another matching run is active: run " + ID + " is SOLVING; wait for it to end or cancel it"));

        mvc.perform(post("/api/v1/matching-runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"timeLimitSeconds\": 30}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString(ID + " is SOLVING")));
    }

    @Test
    void aRunShowsTheContractFieldsAndItsScoreHistory() throws Exception {
        given(runs.get(ID)).willReturn(run(RunStatus.SOLVING));

        mvc.perform(get("/api/v1/matching-runs/{id}", ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.status").value("SOLVING"))
                .andExpect(jsonPath("$.score").value("0hard/-2medium/310soft"))
                .andExpect(jsonPath("$.feasible").value(true))
                .andExpect(jsonPath("$.requestCount").value(60))
                .andExpect(jsonPath("$.mentorCount").value(15))
                .andExpect(jsonPath("$.matchedCount").value(58))
                .andExpect(jsonPath("$.timeLimitSeconds").value(30))
                .andExpect(jsonPath("$.elapsedMillis").value(30_000))
                .andExpect(jsonPath("$.createdAt").value("2026-03-01T10:00:00Z"))
                .andExpect(jsonPath("$.history", hasSize(2)))
                .andExpect(jsonPath("$.history[1].elapsedMillis").value(900))
                .andExpect(jsonPath("$.history[1].score").value("0hard/-2medium/310soft"))
                .andExpect(jsonPath("$.history[1].matchedCount").value(58));
    }

    @Test
    void aCompletedRunSaysWhetherItsResultIsProvenOptimal() throws Exception {
        given(runs.get(ID)).willReturn(run(RunStatus.COMPLETED));
        mvc.perform(get("/api/v1/matching-runs/{id}", ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provenOptimal").value(true));

        given(runs.get(ID)).willReturn(run(RunStatus.SOLVING));
        mvc.perform(get("/api/v1/matching-runs/{id}", ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provenOptimal").value(nullValue()));
    }

    @Test
    void anUnknownRunIsNotFound() throws Exception {
        given(runs.get("nope")).willThrow(new NotFoundException("matching run", "nope"));

        mvc.perform(get("/api/v1/matching-runs/{id}", "nope")).andExpect(status().isNotFound());
    }

    @Test
    void runsAreListedAPageAtATime() throws Exception {
        given(runs.list(PageRequest.of(1, 2)))
                .willReturn(new PageImpl<>(List.of(run(RunStatus.COMPLETED)), PageRequest.of(1, 2), 3));

        mvc.perform(get("/api/v1/matching-runs").param("page", "1").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(ID))
                .andExpect(jsonPath("$.content[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$.content[0].history").doesNotExist())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void aPageSizeOutOfRangeIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/matching-runs").param("size", "0")).andExpect(status().isBadRequest());
    }

    @Test
    void cancellingAnswersWithTheEndedRun() throws Exception {
        given(cancellation.cancel(ID)).willReturn(run(RunStatus.CANCELLED));

        mvc.perform(post("/api/v1/matching-runs/{id}/cancel", ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.reason").value("cancelled by an admin"));
    }

    @Test
    void cancellingARunStillSavingItsResultAnswers202() throws Exception {
        given(cancellation.cancel(ID)).willReturn(run(RunStatus.SOLVING));

        mvc.perform(post("/api/v1/matching-runs/{id}/cancel", ID))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("SOLVING"));
    }

    @Test
    void cancellingAnEndedRunIsAConflict() throws Exception {
        given(cancellation.cancel(ID)).willThrow(new ConflictException("run-already-ended", "Run is COMPLETED"));

        mvc.perform(post("/api/v1/matching-runs/{id}/cancel", ID)).andExpect(status().isConflict());
    }

    private static RunProposals proposals() {
        return new RunProposals(
                List.of(new Proposal(ID + "-000001", ID, "r-104", "=m-017",
                        List.of("Shares heat-health, your first choice", "2 h a week together"), 9, 120, true)),
                List.of(new UnmatchedRequest("r-233", List.of("no mentor shares a language"))));
    }

    @Test
    void proposalsKeepTheContractShape() throws Exception {
        given(runs.proposals(ID)).willReturn(proposals());

        mvc.perform(get("/api/v1/matching-runs/{id}/proposals", ID))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.proposals[0].id").value(ID + "-000001"))
                .andExpect(jsonPath("$.proposals[0].requestExternalId").value("r-104"))
                .andExpect(jsonPath("$.proposals[0].mentorExternalId").value("=m-017"))
                .andExpect(jsonPath("$.proposals[0].explanation[0]").value("Shares heat-health, your first choice"))
                .andExpect(jsonPath("$.proposals[0].overlapMinutes").value(120))
                .andExpect(jsonPath("$.unmatched[0].requestExternalId").value("r-233"))
                .andExpect(jsonPath("$.unmatched[0].reasons[0]").value("no mentor shares a language"));
    }

    @Test
    void proposalsAreJsonWhateverTheClientAccepts() throws Exception {
        given(runs.proposals(ID)).willReturn(proposals());

        mvc.perform(get("/api/v1/matching-runs/{id}/proposals", ID).accept(MediaType.ALL))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private void csvOf(String text) throws Exception {
        willAnswer(invocation -> {
            invocation.<Appendable>getArgument(1).append(text);
            return null;
        }).given(runs).writeProposalsCsv(eq(ID), any());
    }

    @Test
    void proposalsComeAsCsvWhenAskedFor() throws Exception {
        csvOf("outcome,proposalId\r\nPROPOSED,p1\r\n");

        mvc.perform(get("/api/v1/matching-runs/{id}/proposals", ID).accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"proposals-" + ID + ".csv\""))
                .andExpect(content().string("outcome,proposalId\r\nPROPOSED,p1\r\n"));
    }

    @Test
    void proposalsComeAsCsvAtTheirCsvAddress() throws Exception {
        csvOf("outcome\r\n");

        mvc.perform(get("/api/v1/matching-runs/{id}/proposals.csv", ID))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(not(emptyString())));
    }

    @Test
    void csvProposalsOfAnUnknownRunAreNotFound() throws Exception {
        willAnswer(invocation -> {
            throw new NotFoundException("matching run", "nope");
        }).given(runs).writeProposalsCsv(eq("nope"), any());

        mvc.perform(get("/api/v1/matching-runs/{id}/proposals.csv", "nope")).andExpect(status().isNotFound());
    }

    @Test
    void theDefaultSettingsListEveryWeightWithItsDescription() throws Exception {
        mvc.perform(get("/api/v1/matching-settings/defaults"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeLimitSeconds").value(30))
                .andExpect(jsonPath("$.maxTimeLimitSeconds").value(3600))
                .andExpect(jsonPath("$.maxWeight").value(1000))
                .andExpect(jsonPath("$.weights", hasSize(7)))
                .andExpect(jsonPath("$.weights[0].name").value("domainAffinity"))
                .andExpect(jsonPath("$.weights[0].label").value("Research domains"))
                .andExpect(jsonPath("$.weights[0].defaultWeight").value(MatchingWeights.defaults().domainAffinity()))
                .andExpect(jsonPath("$.weights[0].description").value(not(emptyString())));
    }
}
