package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.People;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

class MatchingEngineTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";
    private static final String EXTREME_WEATHER = "planetary-health/climate-health/extreme-weather";
    private static final String ZOONOSES = "planetary-health/one-health/zoonoses";
    private static final Duration SHORT = Duration.ofSeconds(1);

    private final MatchingEngine engine = new MatchingEngine();
    /** Searches on after the proven optimum, as every run did before runs stopped at proof: a run to cancel. */
    private final MatchingEngine searching = new MatchingEngine(true);

    /**
     * Everyone in UTC, at one institution, speaking English, meeting exactly the 60-minute minimum, so that only
     * domain affinity (weight 10) and load balance (weight 1) score. Mentors: A heat-health (1 place, Monday),
     * B extreme-weather (1 place, Tuesday), C zoonoses (2 places, Wednesday). Requests: r1 heat-health (Monday or
     * Tuesday), r2 heat-health (Monday only), r3 extreme-weather (Tuesday or Wednesday), r4 zoonoses (Wednesday
     * only).
     *
     * <p>Greedy in input order places r1 with A (its best), leaves r2 without a mentor, r3 with B, r4 with C: three
     * matches. The only way to match all four moves r1 to B and r3 to C: r1-B, r2-A, r3-C, r4-C. Affinity: r1-B same
     * parent 3 x 2 = 6, r2-A exact 9, r3-C same root 3 x 1 = 3, r4-C exact 9, 27 x 10 = 270; load 1 + 1 + 2 x 2 = 6.
     * Score 0hard/0medium/264soft.
     */
    @Test
    void solvesASmallInstanceToItsKnownOptimum() {
        List<Mentor> mentors = List.of(
                sameSite(People.mentor("m-a").domains(HEAT).capacity(1).slots("MON 10:00-11:00")),
                sameSite(People.mentor("m-b").domains(EXTREME_WEATHER).capacity(1).slots("TUE 10:00-11:00")),
                sameSite(People.mentor("m-c").domains(ZOONOSES).capacity(2).slots("WED 10:00-11:00")));
        List<MentorshipRequest> requests = List.of(
                sameSite(People.request("r1").domains(HEAT).slots("MON 10:00-11:00", "TUE 10:00-11:00")),
                sameSite(People.request("r2").domains(HEAT).slots("MON 10:00-11:00")),
                sameSite(People.request("r3").domains(EXTREME_WEATHER).slots("TUE 10:00-11:00", "WED 10:00-11:00")),
                sameSite(People.request("r4").domains(ZOONOSES).slots("WED 10:00-11:00")));

        MatchingResult result = engine.solve(
                MatchingProblem.of(requests, mentors, MatchingWeights.defaults(), SHORT, 42L));

        assertThat(pairs(result))
                .containsExactlyInAnyOrderEntriesOf(Map.of("r1", "m-b", "r2", "m-a", "r3", "m-c", "r4", "m-c"));
        assertThat(result.score()).isEqualTo("0hard/0medium/264soft");
        assertThat(result.feasible()).isTrue();
        assertThat(result.requestCount()).isEqualTo(4);
        assertThat(result.mentorCount()).isEqualTo(3);
        assertThat(result.matchedCount()).isEqualTo(4);
        assertThat(result.unmatched()).isEmpty();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.proposals()).allMatch(MatchingResult.Proposal::valid);
        assertThat(result.proposals()).filteredOn(p -> p.requestExternalId().equals("r1")).singleElement()
                .extracting(MatchingResult.Proposal::affinity, MatchingResult.Proposal::overlapMinutes)
                .containsExactly(6, 60);
    }

    /**
     * r-settled has accepted m-a (1 place) although they share no time: settled, it is neither moved nor penalised,
     * and it fills m-a. So r-open, who fits m-a best, goes to m-b. Affinity r-settled-A 9 and r-open-B 6 (same
     * parent), x 10 = 150; load 1 + 1. Score 0hard/0medium/148soft.
     */
    @Test
    void settledPairsStayAndTakeTheirPlace() {
        Mentor a = sameSite(People.mentor("m-a").domains(HEAT).capacity(1).slots("MON 10:00-11:00"));
        Mentor b = sameSite(People.mentor("m-b").domains(EXTREME_WEATHER).capacity(1).slots("TUE 10:00-11:00"));
        MentorshipRequest settled = sameSite(People.request("r-settled").domains(HEAT).slots("FRI 10:00-11:00"));
        MentorshipRequest open = sameSite(People.request("r-open").domains(HEAT)
                .slots("MON 10:00-11:00", "TUE 10:00-11:00"));

        MatchingResult result = engine.solve(new MatchingProblem(List.of(open), List.of(a, b),
                Map.of(settled, "m-a"), MatchingWeights.defaults(), SHORT, 42L));

        assertThat(pairs(result)).containsExactlyEntriesOf(Map.of("r-open", "m-b"));
        assertThat(result.score()).isEqualTo("0hard/0medium/148soft");
        assertThat(result.settledCount()).isEqualTo(1);
        assertThat(result.requestCount()).isEqualTo(1);
        assertThat(result.matchedCount()).isEqualTo(1);
    }

    @Test
    void aRequestWhoseOnlyMentorIsExcludedStaysUnmatchedAndSaysWhy() {
        Mentor only = sameSite(People.mentor("m-a").domains(HEAT).capacity(3).slots("MON 10:00-11:00"));
        MentorshipRequest request = sameSite(People.request("r-1").domains(HEAT).excluded("m-a")
                .slots("MON 10:00-11:00"));

        MatchingResult result = engine.solve(
                MatchingProblem.of(List.of(request), List.of(only), MatchingWeights.defaults(), SHORT, 42L));

        assertThat(result.proposals()).isEmpty();
        assertThat(result.score()).isEqualTo("0hard/-1medium/0soft");
        assertThat(result.feasible()).isTrue();
        assertThat(result.unmatched()).singleElement().satisfies(unmatched -> {
            assertThat(unmatched.requestExternalId()).isEqualTo("r-1");
            assertThat(unmatched.reasons()).containsExactly(
                    "1 mentor shares the request's first-choice domain heat-health: 1 is excluded as a "
                            + "conflict of interest",
                    "1 mentor is excluded as a conflict of interest");
        });
    }

    @Test
    void aRequestWithNoSharedLanguageStaysUnmatchedAndSaysWhy() {
        List<Mentor> mentors = List.of(
                sameSite(People.mentor("m-a").domains(HEAT).languages("en").slots("MON 10:00-11:00")),
                sameSite(People.mentor("m-b").domains(HEAT).languages("fr", "sw").slots("MON 10:00-11:00")));
        MentorshipRequest request = sameSite(People.request("r-pt").domains(HEAT).languages("pt")
                .slots("MON 10:00-11:00"));

        MatchingResult result = engine.solve(
                MatchingProblem.of(List.of(request), mentors, MatchingWeights.defaults(), SHORT, 42L));

        assertThat(result.proposals()).isEmpty();
        assertThat(result.unmatched()).singleElement().satisfies(unmatched -> assertThat(unmatched.reasons())
                .containsExactly("No mentor shares a language with the researcher (who speaks Portuguese)"));
    }

    /**
     * Vancouver TUE 07:00-09:00 on 2026-02-02 (-08:00) is Tue 15:00-17:00 UTC; Nairobi TUE 18:00-20:00 (+03:00) is
     * the same two hours.
     */
    @Test
    void aProposalExplainsDomainsHoursInBothLocalTimesAndLanguage() {
        Mentor nairobi = People.mentor("m-017").zone("Africa/Nairobi").institution("University of Nairobi")
                .country("KE").languages("en", "sw").domains(HEAT, "methods/epidemiology/causal-inference")
                .topics("grant-writing", "publishing").capacity(3).slots("TUE 18:00-20:00").build();
        MentorshipRequest vancouver = People.request("r-104").zone("America/Vancouver")
                .institution("University of British Columbia").country("CA").languages("en", "fr")
                .domains(HEAT, "methods/epidemiology").goals("grant-writing").startDate(LocalDate.of(2026, 2, 2))
                .slots("TUE 07:00-09:00").preferred("m-017").priority(true).build();

        MatchingResult result = engine.solve(
                MatchingProblem.of(List.of(vancouver), List.of(nairobi), MatchingWeights.defaults(), SHORT, 42L));

        // Affinity 15 x 10, one goal x 8, first preferred 3 x 6, 60 minutes more (2 half-hours) x 2, priority 12,
        // two boundaries crossed x 1, load 1 x 1: 150 + 8 + 18 + 4 + 12 + 2 - 1.
        assertThat(result.score()).isEqualTo("0hard/0medium/193soft");
        MatchingResult.Proposal proposal = result.proposals().get(0);
        assertThat(proposal.mentorExternalId()).isEqualTo("m-017");
        assertThat(proposal.affinity()).isEqualTo(9 + 6);
        assertThat(proposal.overlapMinutes()).isEqualTo(120);
        assertThat(proposal.explanation().researcher()).containsExactlyInAnyOrder(
                "Research domains: heat-health matches exactly (your first choice); "
                        + "epidemiology matches exactly (your second choice)",
                "2 h a week together: Tue 07:00-09:00 your time (Tue 18:00-20:00 in Africa/Nairobi)",
                "Shared language: English",
                "Goals the mentor offers help with: grant-writing",
                "You ranked this mentor first among your preferred mentors",
                "Equity priority: the programme flagged your request to be placed first",
                "Connects across institutions (University of British Columbia and University of Nairobi) "
                        + "and countries (Canada and Kenya)");
        assertThat(proposal.explanation().researcher().subList(0, 3)).containsExactly(
                "Research domains: heat-health matches exactly (your first choice); "
                        + "epidemiology matches exactly (your second choice)",
                "2 h a week together: Tue 07:00-09:00 your time (Tue 18:00-20:00 in Africa/Nairobi)",
                "Shared language: English");
        assertThat(proposal.explanation().mentor()).containsExactlyInAnyOrder(
                "Research domains: heat-health matches yours exactly (their first choice); "
                        + "epidemiology matches yours exactly (their second choice)",
                "2 h a week together: Tue 18:00-20:00 your time (Tue 07:00-09:00 theirs, in America/Vancouver)",
                "Shared language: English",
                "Their goals you offer help with: grant-writing",
                "They ranked you first among their preferred mentors",
                "Equity priority: the programme flagged their request to be placed first",
                "Connects across institutions (University of British Columbia and University of Nairobi) "
                        + "and countries (Canada and Kenya)");
        assertThat(proposal.explanation().admin()).containsExactlyInAnyOrder(
                "Research domains: heat-health matches exactly (the researcher's first choice); "
                        + "epidemiology matches exactly (the researcher's second choice)",
                "2 h a week together: Tue 07:00-09:00 researcher's time (Tue 18:00-20:00 mentor's time); "
                        + "researcher in America/Vancouver, mentor in Africa/Nairobi",
                "Shared language: English",
                "Goals the mentor offers help with: grant-writing",
                "The researcher ranked this mentor first among their preferred mentors",
                "Equity priority: the programme flagged this request to be placed first",
                "Connects across institutions (University of British Columbia and University of Nairobi) "
                        + "and countries (Canada and Kenya)");
    }

    @Test
    void startReportsBetterSolutionsThenTheResult() {
        CommunityGenerator.Community community = new CommunityGenerator(11L).generate(150, 40);
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(2), 11L);
        RecordingListener listener = new RecordingListener();
        UUID runId = UUID.randomUUID();

        engine.start(runId, problem, listener);
        assertThatIllegalStateException().isThrownBy(() -> engine.start(runId, problem, new RecordingListener()))
                .withMessageContaining("already solving");

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.result.get() != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !engine.isSolving(runId));
        MatchingResult result = listener.result.get();
        assertThat(listener.error.get()).isNull();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.requestCount()).isEqualTo(150);
        assertThat(result.matchedCount()).isPositive().isEqualTo(result.proposals().size());
        assertThat(result.matchedCount() + result.unmatched().size()).isEqualTo(150);
        assertThat(listener.updates).isNotEmpty();
        List<HardMediumSoftLongScore> scores = listener.updates.stream()
                .map(update -> HardMediumSoftLongScore.parseScore(update.score())).toList();
        assertThat(scores).isSorted();
        assertThat(HardMediumSoftLongScore.parseScore(result.score())).isGreaterThanOrEqualTo(scores.get(0));
        assertThat(engine.cancel(runId)).isFalse();
    }

    @Test
    void cancelStopsALongRunAndKeepsTheBestSoFar() {
        CommunityGenerator.Community community = new CommunityGenerator(12L).generate(400, 100);
        Duration limit = Duration.ofSeconds(60);
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), limit, 12L);
        RecordingListener listener = new RecordingListener();
        UUID runId = UUID.randomUUID();

        searching.start(runId, problem, listener);
        await().atMost(Duration.ofSeconds(30)).until(() -> !listener.updates.isEmpty());
        assertThat(searching.cancel(runId)).isTrue();

        // Well before the 60 s limit.
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.result.get() != null);
        MatchingResult result = listener.result.get();
        assertThat(result.cancelled()).isTrue();
        assertThat(result.solvingTime()).isLessThan(limit);
        assertThat(result.score()).isNotNull();
        assertThat(result.matchedCount()).isPositive().isEqualTo(result.proposals().size());
        assertThat(result.matchedCount() + result.unmatched().size()).isEqualTo(400);
        assertThat(HardMediumSoftLongScore.parseScore(result.score())).isGreaterThanOrEqualTo(
                HardMediumSoftLongScore.parseScore(listener.updates.get(0).score()));
    }

    @Test
    void aCancelRightAfterTheStartAlwaysEndsTheRun() {
        CommunityGenerator.Community community = new CommunityGenerator(13L).generate(30, 10);
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(60), 13L);
        int beforeStart = 0;
        for (int attempt = 0; attempt < 25; attempt++) {
            RecordingListener listener = new RecordingListener();
            UUID runId = UUID.randomUUID();

            searching.start(runId, problem, listener);
            assertThat(searching.cancel(runId)).isTrue();

            // OptaPlanner drops a job cancelled before it starts without a word; the engine must still report it
            await().atMost(Duration.ofSeconds(20)).until(listener::ended);
            await().atMost(Duration.ofSeconds(10)).until(() -> !searching.isSolving(runId));
            assertThat(listener.error.get()).isNull();
            if (listener.cancelledBeforeStart.get()) {
                beforeStart++;
                assertThat(listener.result.get()).isNull();
            } else {
                assertThat(listener.result.get().cancelled()).isTrue();
            }
        }
        System.out.println("Cancelled before the solver started: " + beforeStart + " of 25");
    }

    @Test
    void aProblemThatCannotBeBuiltFails() {
        MentorshipRequest settled = People.request("r-settled").build();
        MatchingProblem problem = new MatchingProblem(List.of(), List.of(People.mentor("m-a").build()),
                Map.of(settled, "m-missing"), MatchingWeights.defaults(), SHORT, 1L);
        RecordingListener listener = new RecordingListener();
        UUID runId = UUID.randomUUID();

        engine.start(runId, problem, listener);

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.error.get() != null);
        assertThat(listener.error.get()).isInstanceOf(MatchingEngine.RunFailure.class)
                .hasMessage("failed while checking the pairs: settled mentorship of request r-settled names mentor"
                        + " m-missing, who is not in the run")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(listener.result.get()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> !engine.isSolving(runId));
    }

    @Test
    void aRunEndsAtTheFlowsProvenOptimumWithoutSearchingOn() {
        CommunityGenerator.Community community = new CommunityGenerator(12L).generate(400, 100);
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(60), 12L);
        RecordingListener listener = new RecordingListener();
        assertThat(engine.stopsAtProof(problem)).isTrue();
        assertThat(searching.stopsAtProof(problem)).isFalse();

        engine.start(UUID.randomUUID(), problem, listener);

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.result.get() != null);
        MatchingResult result = listener.result.get();
        assertThat(result.provenOptimal()).isTrue();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.solvingTime()).as("no local search for 10 s after the optimum")
                .isLessThan(Duration.ofSeconds(8));
        // the same answer as a run that searches on for 10 s after it: nothing better exists
        MatchingResult searched = searching.solve(MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(3), 12L));
        assertThat(HardMediumSoftLongScore.parseScore(result.score()))
                .isEqualTo(HardMediumSoftLongScore.parseScore(searched.score()));
    }

    /** Stands for the construction phase never running: a 1 s limit spent before it on a loaded machine. */
    public static class NoPhase implements CustomPhaseCommand<MatchingSolution> {
        @Override
        public void changeWorkingSolution(ScoreDirector<MatchingSolution> scoreDirector) {
        }
    }

    @Test
    void aRunWhoseTimeLimitEndsItBeforeTheFlowIsNotProvenOptimal() {
        SolverConfig unsolved = SolverConfig.createFromXmlResource(MatchingEngine.SOLVER_CONFIG);
        unsolved.setPhaseConfigList(List.of(new CustomPhaseConfig()
                .withCustomPhaseCommandClassList(List.of(NoPhase.class))));
        CommunityGenerator.Community community = new CommunityGenerator(12L).generate(60, 20);
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(10), 12L);
        RecordingListener listener = new RecordingListener();

        new MatchingEngine(unsolved).start(UUID.randomUUID(), problem, listener);

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.result.get() != null);
        MatchingResult result = listener.result.get();
        assertThat(result.matchedCount()).isZero();
        assertThat(result.provenOptimal()).as("an empty answer nobody solved is no proven optimum").isFalse();
        assertThat(result.certified()).isFalse();
    }

    /** Stands for a solver that runs out of memory: OptaPlanner hands no Error to its exception handler. */
    public static class OutOfMemoryPhase implements CustomPhaseCommand<MatchingSolution> {
        @Override
        public void changeWorkingSolution(ScoreDirector<MatchingSolution> scoreDirector) {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void anErrorWhileSolvingReachesTheListenerAtOnce() {
        SolverConfig failing = SolverConfig.createFromXmlResource(MatchingEngine.SOLVER_CONFIG);
        failing.setPhaseConfigList(List.of(new CustomPhaseConfig()
                .withCustomPhaseCommandClassList(List.of(OutOfMemoryPhase.class))));
        MatchingEngine failingEngine = new MatchingEngine(failing);
        CommunityGenerator.Community community = new CommunityGenerator(13L).generate(30, 10);
        RecordingListener listener = new RecordingListener();
        UUID runId = UUID.randomUUID();

        failingEngine.start(runId, MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(600), 13L), listener);

        await().atMost(Duration.ofSeconds(20)).until(listener::ended);
        assertThat(listener.error.get()).isInstanceOf(MatchingEngine.RunFailure.class)
                .hasCauseInstanceOf(OutOfMemoryError.class)
                .hasMessageStartingWith("out of memory while solving (Java heap space)");
        assertThat(listener.result.get()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> !failingEngine.isSolving(runId));
    }

    @Test
    void cancellingAnUnknownRunSaysSo() {
        assertThat(engine.cancel(UUID.randomUUID())).isFalse();
    }

    private static Mentor sameSite(People.MentorBuilder mentor) {
        return mentor.institution("University of Nairobi").country("KE").build();
    }

    private static MentorshipRequest sameSite(People.RequestBuilder request) {
        return request.institution("University of Nairobi").country("KE").build();
    }

    private static final class RecordingListener implements MatchingEngine.Listener {
        final List<ScoreUpdate> updates = new CopyOnWriteArrayList<>();
        final AtomicReference<MatchingResult> result = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final java.util.concurrent.atomic.AtomicBoolean cancelledBeforeStart =
                new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void onBestSolution(ScoreUpdate update) {
            updates.add(update);
        }

        @Override
        public void onFinished(MatchingResult finished) {
            result.set(finished);
        }

        @Override
        public void onFailed(Throwable failure) {
            error.set(failure);
        }

        @Override
        public void onCancelledBeforeStart() {
            cancelledBeforeStart.set(true);
        }

        boolean ended() {
            return result.get() != null || error.get() != null || cancelledBeforeStart.get();
        }
    }

    private static Map<String, String> pairs(MatchingResult result) {
        Map<String, String> pairs = new java.util.LinkedHashMap<>();
        result.proposals().forEach(p -> pairs.put(p.requestExternalId(), p.mentorExternalId()));
        return pairs;
    }
}
