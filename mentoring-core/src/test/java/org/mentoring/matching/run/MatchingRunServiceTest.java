package org.mentoring.matching.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.EmbeddedMongoTestConfiguration;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.ScorePoint;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MatchingPersistenceMapperImpl;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MatchingRunLock;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunInputStore;
import org.mentoring.matching.persistence.RunInputsDocument;
import org.mentoring.matching.persistence.RunLeases;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.matching.persistence.UnmatchedDocument;
import org.mentoring.matching.persistence.WeightsDocument;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingSolution;
import org.mentoring.people.MentorshipRequest;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

// runs stop at their proven optimum, as the application's do, so that a run that must complete costs well under a
// second, not its whole time limit; a test that needs a run to cancel, to refuse a second start for or to shut down
// mid-run asks for one that searches on after the proof (searchOnAfterProof); the tests of stopping at proof and of
// failures build services of their own
@DataMongoTest(properties = "spring.data.mongodb.auto-index-creation=true")
@Import({EmbeddedMongoTestConfiguration.class, MatchingRunServiceTest.Beans.class, MatchingRunService.class,
    RunStore.class, RunInstance.class, RunReader.class, RunEndings.class, RunRecovery.class, RunCancellation.class,
    RunLeaseKeeper.class, RunShutdown.class, MatchingRunLock.class, RunLeases.class, RunResultStore.class, RunInputStore.class,
    MatchingPersistenceMapperImpl.class})
class MatchingRunServiceTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        FakeMatchingInputs matchingInputs() {
            return new FakeMatchingInputs();
        }

        /** The service's engine, as MatchingRunConfiguration makes it (closed by RunShutdown, not by the context). */
        @Bean(destroyMethod = "")
        SwitchableEngine matchingEngine() {
            return new SwitchableEngine();
        }

        @Bean
        InstanceRuns instanceRuns(MatchingRunService launcher, RunReader reader, RunCancellation cancellation,
                RunRecovery recovery, RunLeaseKeeper leaseKeeper, RunShutdown shutdown) {
            return new InstanceRuns(launcher, reader, cancellation, recovery, leaseKeeper, shutdown);
        }
    }

    /**
     * An engine that stops at proof, as the application's does ({@code mentoring.runs.search-after-proof=false}), or
     * searches on after it until the time limit, as with {@code mentoring.runs.search-after-proof=true}; the choice
     * is made when a run starts.
     */
    static final class SwitchableEngine extends MatchingEngine {
        private volatile boolean searchAfterProof;

        void searchAfterProof(boolean searchAfterProof) {
            this.searchAfterProof = searchAfterProof;
        }

        @Override
        public boolean stopsAtProof(MatchingProblem problem) {
            return !searchAfterProof && super.stopsAtProof(problem);
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private InstanceRuns service;
    @Autowired
    private FakeMatchingInputs inputs;
    @Autowired
    private MatchingRunRepository runs;
    @Autowired
    private MatchingRunLock lock;
    @Autowired
    private RunResultStore results;
    @Autowired
    private RunInputStore inputStore;
    @Autowired
    private MatchingPersistenceMapper mapper;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private RunLeases leases;
    @Autowired
    private SwitchableEngine engine;

    @BeforeEach
    void emptyStore() {
        inputs.use(60, 15);
        engine.searchAfterProof(false);
        for (Class<?> type : List.of(MatchingRunDocument.class, ProposalDocument.class, UnmatchedDocument.class,
                RunInputsDocument.class)) {
            mongo.remove(new Query(), type);
        }
        mongo.remove(new Query(), "matchingRunLock");
    }

    @AfterEach
    void endActiveRuns() {
        for (MatchingRunDocument run : runs.findAll()) {
            if (run.status().isActive()) {
                try {
                    service.cancel(run.id());
                } catch (ConflictException ended) {
                    // it ended on its own meanwhile
                }
                await().atMost(PATIENCE).until(() -> !service.get(run.id()).status().isActive());
            }
        }
    }

    /** The runs the service starts from now on search on after their proven optimum: they take their time limit. */
    private void searchOnAfterProof() {
        engine.searchAfterProof(true);
    }

    /** The runs the service starts from now on end at their proven optimum. */
    private void stopAtProof() {
        engine.searchAfterProof(false);
    }

    private MatchingRun awaitStatus(String id, RunStatus status) {
        await().atMost(PATIENCE).until(() -> service.get(id).status() == status);
        return service.get(id);
    }

    private MatchingRun awaitFirstScore(String id) {
        await().atMost(PATIENCE).until(() -> !service.get(id).history().isEmpty());
        return service.get(id);
    }

    @Test
    void aRunSolvesAndSavesItsProposalsHistoryAndCounts() {
        MatchingRun queued = service.start(new RunSettings(2, null, 11L));

        assertThat(queued.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(queued.timeLimitSeconds()).isEqualTo(2);
        assertThat(queued.seed()).isEqualTo(11);
        assertThat(queued.weights()).isEqualTo(MatchingWeights.defaults());
        assertThat(queued.solverVersion()).startsWith("OptaPlanner 10.").contains("matchingSolverConfig.xml");

        MatchingRun solving = awaitFirstScore(queued.id());
        assertThat(solving.status()).isIn(RunStatus.SOLVING, RunStatus.COMPLETED);
        assertThat(solving.requestCount()).isEqualTo(60);
        assertThat(solving.mentorCount()).isEqualTo(15);

        MatchingRun done = awaitStatus(queued.id(), RunStatus.COMPLETED);
        assertThat(done.score()).isNotBlank();
        assertThat(done.feasible()).isTrue();
        assertThat(done.matchedCount()).isPositive().isLessThanOrEqualTo(60);
        assertThat(done.history()).isNotEmpty();
        assertThat(done.history().get(done.history().size() - 1).matchedCount()).isEqualTo(done.matchedCount());
        assertThat(done.history()).extracting(ScorePoint::elapsedMillis).isSorted();
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.endedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.elapsedMillis()).isPositive();
        assertThat(done.reason()).isNull();

        RunProposals proposals = service.proposals(queued.id());
        assertThat(proposals.proposals()).hasSize(done.matchedCount());
        assertThat(proposals.proposals().size() + proposals.unmatched().size()).isEqualTo(60);
        assertThat(proposals.proposals()).extracting(Proposal::requestExternalId).isSorted().doesNotHaveDuplicates();
        assertThat(proposals.proposals()).allSatisfy(p -> {
            assertThat(p.id()).startsWith(queued.id() + "-");
            assertThat(p.runId()).isEqualTo(queued.id());
            assertThat(p.mentorExternalId()).startsWith("m-");
            assertThat(p.explanation()).as("an admin reads both sides in the third person")
                    .anySatisfy(line -> assertThat(line).contains("researcher's time ("))
                    .noneSatisfy(line -> assertThat(line).containsPattern("\\b[Yy]our?\\b"));
            assertThat(p.valid()).isTrue();
        });
        assertThat(proposals.unmatched()).allSatisfy(u -> assertThat(u.reasons()).isNotEmpty());
        assertThat(lock.holder()).as("the lock is free once the run ends").isEmpty();
    }

    @Test
    void aRunKeepsTheInputsItReadWhateverChangesLater() {
        CommunitySnapshot before = CommunitySnapshot.of(inputs);
        MatchingRun run = service.start(RunSettings.withTimeLimit(1));
        awaitStatus(run.id(), RunStatus.COMPLETED);
        inputs.use(10, 3);

        InputSnapshot kept = service.inputs(run.id());

        assertThat(kept.mentors()).isEqualTo(before.snapshot().mentors());
        assertThat(kept.openRequests()).isEqualTo(before.snapshot().openRequests());
        assertThat(kept.settled()).isEmpty();
    }

    private record CommunitySnapshot(InputSnapshot snapshot) {
        static CommunitySnapshot of(MatchingInputs inputs) {
            return new CommunitySnapshot(InputSnapshot.of(inputs));
        }
    }

    @Test
    void settledPairsAreKeptAndNotProposedAgain() {
        InputSnapshot community = InputSnapshot.of(inputs);
        MentorshipRequest settledRequest = community.openRequests().get(0);
        String mentorId = community.mentors().get(0).externalId();
        Map<MentorshipRequest, String> settled = new HashMap<>();
        settled.put(settledRequest, mentorId);
        inputs.use(new InputSnapshot(community.mentors(),
                community.openRequests().subList(1, community.openRequests().size()), settled));

        MatchingRun run = service.start(RunSettings.withTimeLimit(1));
        MatchingRun done = awaitStatus(run.id(), RunStatus.COMPLETED);

        assertThat(done.requestCount()).isEqualTo(59);
        assertThat(done.settledCount()).isEqualTo(1);
        RunProposals proposals = service.proposals(run.id());
        assertThat(proposals.proposals()).extracting(Proposal::requestExternalId)
                .doesNotContain(settledRequest.externalId());
        assertThat(service.inputs(run.id()).settled()).containsEntry(settledRequest, mentorId);
    }

    @Test
    void aSecondStartWhileOneIsActiveIsRefusedNamingTheActiveRun() {
        searchOnAfterProof();
        MatchingRun first = service.start(RunSettings.withTimeLimit(60));

        assertThatThrownBy(() -> service.start(RunSettings.withTimeLimit(60)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("run-already-active");
                    assertThat(e.getMessage()).contains(first.id()).containsAnyOf("QUEUED", "SOLVING");
                });
        awaitFirstScore(first.id());
        assertThatThrownBy(() -> service.start(RunSettings.withTimeLimit(60)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains("run " + first.id() + " is SOLVING"));
        assertThat(runs.count()).as("nothing saved for the refused starts").isEqualTo(1);
    }

    @Test
    void twoAdminsStartingAtOnceGetOneRun() throws Exception {
        searchOnAfterProof();
        ExecutorService admins = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(() -> {
                    try {
                        return service.start(RunSettings.withTimeLimit(60)).id();
                    } catch (ConflictException refused) {
                        return null;
                    }
                });
            }
            List<String> started = new ArrayList<>();
            for (Future<String> result : admins.invokeAll(starts)) {
                if (result.get() != null) {
                    started.add(result.get());
                }
            }

            assertThat(started).hasSize(1);
            assertThat(runs.count()).isEqualTo(1);
        } finally {
            admins.shutdownNow();
        }
    }

    @Test
    void cancellingKeepsTheBestSolutionSoFar() {
        searchOnAfterProof();
        MatchingRun run = service.start(RunSettings.withTimeLimit(120));
        awaitFirstScore(run.id());

        service.cancel(run.id());

        MatchingRun cancelled = awaitStatus(run.id(), RunStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo(MatchingRunService.CANCELLED_REASON);
        assertThat(cancelled.matchedCount()).isPositive();
        assertThat(cancelled.elapsedMillis()).isLessThan(120_000);
        assertThat(service.proposals(run.id()).proposals()).hasSize(cancelled.matchedCount());
        assertThat(lock.holder()).isEmpty();
        stopAtProof();
        // 3 s, not 1 s: on a loaded machine a 1 s limit can end the run before its flow (the run stops at its proof,
        // so a longer limit costs nothing)
        MatchingRun next = service.start(RunSettings.withTimeLimit(3));
        assertThat(awaitStatus(next.id(), RunStatus.COMPLETED).matchedCount()).isPositive();
    }

    @Test
    void cancellingAnEndedRunIsAConflict() {
        MatchingRun run = service.start(RunSettings.withTimeLimit(1));
        awaitStatus(run.id(), RunStatus.COMPLETED);

        assertThatThrownBy(() -> service.cancel(run.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("run-already-ended");
                    assertThat(e.getMessage()).contains("COMPLETED");
                });
        assertThat(service.get(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void proposalsOfARunStillSolvingAreAConflict() {
        searchOnAfterProof();
        MatchingRun run = service.start(RunSettings.withTimeLimit(60));

        assertThatThrownBy(() -> service.proposals(run.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("run-not-finished"));
    }

    @Test
    void anUnknownRunIsNotFound() {
        assertThatThrownBy(() -> service.get("no-such-run")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.cancel("no-such-run")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.proposals("no-such-run")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTimeLimitOfZeroOrADayIsRefusedNamingTheFieldAndNothingIsSaved() {
        for (int seconds : new int[] {0, 86_400}) {
            assertThatThrownBy(() -> service.start(RunSettings.withTimeLimit(seconds)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("timeLimitSeconds"));
        }
        assertThat(runs.count()).isZero();
        assertThat(lock.holder()).isEmpty();
    }

    @Test
    void startupRecoveryFailsRunsLeftSolvingAndFreesTheirLock() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        MatchingRunDocument leftOver = new MatchingRunDocument("left-over", RunStatus.SOLVING, 30,
                new WeightsDocument(10, 8, 6, 2, 12, 1, 1), 1, "OptaPlanner", "0hard/-5medium/100soft", true, 60, 15,
                0, 55, List.of(), anHourAgo, anHourAgo, null, null, null, null, null);
        runs.insert(leftOver);
        assertThat(lock.tryAcquire("left-over", anHourAgo)).isTrue();

        int recovered = service.recoverInterruptedRuns();

        assertThat(recovered).isEqualTo(1);
        MatchingRun failed = service.get("left-over");
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.reason()).startsWith("the application stopped while this run was solving")
                .contains("no heartbeat since " + anHourAgo.truncatedTo(ChronoUnit.MILLIS)).endsWith("; start a new run");
        assertThat(failed.endedAt()).isNotNull();
        assertThat(lock.holder()).isEmpty();
        assertThatThrownBy(() -> service.proposals("left-over")).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("run-failed"));
    }

    @Test
    void startupRecoveryLeavesRunsStartedSinceAlone() {
        searchOnAfterProof();
        MatchingRun run = service.start(RunSettings.withTimeLimit(60));

        assertThat(service.recoverInterruptedRuns()).isZero();

        assertThat(service.get(run.id()).status().isActive()).isTrue();
        assertThat(lock.holder()).get().extracting(MatchingRunLock.Holder::runId).isEqualTo(run.id());
    }

    @Test
    void aRunWhoseResultIsStoredOnlyInPartIsFailedNeverCompleted() {
        // one proposal per run at most: the second proposal of the run's result cannot be stored, while its
        // unmatched requests can (they are written at the same time)
        String index = mongo.getCollection(ProposalDocument.COLLECTION).createIndex(new org.bson.Document("runId", 1),
                new com.mongodb.client.model.IndexOptions().unique(true).name("oneProposalPerRunForThisTest"));
        try {
            MatchingRun run = service.start(RunSettings.withTimeLimit(2));

            await().atMost(PATIENCE).until(() -> !service.get(run.id()).status().isActive());
            MatchingRun ended = service.get(run.id());
            assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
            assertThat(ended.reason()).startsWith("the result could not be saved: ").contains("duplicate key");
            assertThat(ended.endedAt()).isNotNull();
            assertThat(lock.holder()).isEmpty();
        } finally {
            mongo.getCollection(ProposalDocument.COLLECTION).dropIndex(index);
        }
    }

    @Test
    void aLockLeftByARunThatEndedIsFreedByTheNextStart() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        runs.insert(new MatchingRunDocument("ended", RunStatus.COMPLETED, 30,
                new WeightsDocument(10, 8, 6, 2, 12, 1, 1), 1, "OptaPlanner", null, null, null, null, null, null,
                List.of(), anHourAgo, anHourAgo, anHourAgo, null, null, null, null));
        lock.tryAcquire("ended", anHourAgo);

        MatchingRun run = service.start(RunSettings.withTimeLimit(3));

        assertThat(awaitStatus(run.id(), RunStatus.COMPLETED).matchedCount()).isPositive();
    }

    @Test
    void aRunOfAnotherLiveInstanceIsLeftAloneAndItsCancelReachesItsOwner() {
        InstanceRuns other = InstanceRuns.of(runs, results, inputStore, lock, inputs,
                new MatchingEngine(true), mapper, leases, Optional.empty(), Duration.ofSeconds(3),
                Duration.ofSeconds(30));
        try {
            MatchingRun run = other.start(RunSettings.withTimeLimit(120));
            await().atMost(PATIENCE).until(() -> service.get(run.id()).status() == RunStatus.SOLVING);
            assertThat(leases.find(run.id())).get().extracting(RunLeases.Lease::owner)
                    .isEqualTo(other.instanceId());

            assertThat(service.recoverInterruptedRuns()).isZero();
            assertThat(service.failSilentRuns()).isZero();
            assertThat(service.get(run.id()).status()).isEqualTo(RunStatus.SOLVING);

            MatchingRun asked = service.cancel(run.id());
            assertThat(leases.find(run.id())).get().extracting(RunLeases.Lease::cancelAsked).isEqualTo(true);
            assertThat(asked.status()).as("the owner has not beaten yet").isEqualTo(RunStatus.SOLVING);

            other.beat();

            MatchingRun cancelled = awaitStatus(run.id(), RunStatus.CANCELLED);
            assertThat(cancelled.reason()).isEqualTo(MatchingRunService.CANCELLED_REASON);
            assertThat(service.proposals(run.id()).proposals()).isNotEmpty();
            assertThat(lock.holder()).isEmpty();
        } finally {
            other.shutDown();
        }
    }

    @Test
    void aRunWhoseInstanceStoppedBeatingIsFailedWithTheReasonAndItsLockFreed() {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        runs.insert(new MatchingRunDocument("silent", RunStatus.SOLVING, 600,
                new WeightsDocument(10, 8, 6, 2, 12, 1, 1), 1, "OptaPlanner", null, null, 60, 15, 0, null, List.of(),
                longAgo, longAgo, null, null, null, null, null));
        leases.claim("silent", "dead-instance", longAgo);
        assertThat(lock.tryAcquire("silent", longAgo)).isTrue();

        assertThat(service.failSilentRuns()).isEqualTo(1);

        MatchingRun failed = service.get("silent");
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.reason()).contains("instance dead-instance", "no heartbeat since " + longAgo);
        assertThat(failed.endedAt()).isNotNull();
        assertThat(lock.holder()).isEmpty();
        // 3 s, not 1 s: on a loaded machine a 1 s limit can end the run before its flow (the run stops at its proof,
        // so a longer limit costs nothing)
        MatchingRun next = service.start(RunSettings.withTimeLimit(3));
        assertThat(awaitStatus(next.id(), RunStatus.COMPLETED).matchedCount()).isPositive();
    }

    @Test
    void shuttingDownCancelsTheRunAndKeepsItsBestSolution() {
        InstanceRuns instance = InstanceRuns.of(runs, results, inputStore, lock, inputs,
                new MatchingEngine(true), mapper, leases, Optional.empty(), Duration.ofSeconds(3),
                Duration.ofSeconds(30));
        MatchingRun run = instance.start(RunSettings.withTimeLimit(120));
        await().atMost(PATIENCE).until(() -> !instance.get(run.id()).history().isEmpty());

        instance.shutDown();

        MatchingRun ended = service.get(run.id());
        assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(ended.reason()).isEqualTo("the application shut down");
        assertThat(service.proposals(run.id()).proposals()).hasSize(ended.matchedCount());
        assertThat(lock.holder()).isEmpty();
        assertThatThrownBy(() -> instance.start(RunSettings.withTimeLimit(1)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("application-stopping"));
    }

    @Test
    void runsAreListedNewestFirstWithoutTheirHistories() {
        MatchingRun first = service.start(RunSettings.withTimeLimit(1));
        awaitStatus(first.id(), RunStatus.COMPLETED);
        MatchingRun second = service.start(RunSettings.withTimeLimit(1));
        awaitStatus(second.id(), RunStatus.COMPLETED);

        Page<MatchingRun> page = service.list(PageRequest.of(0, 1));

        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(page.getContent()).extracting(MatchingRun::id).containsExactly(second.id());
        assertThat(page.getContent().get(0).history()).isEmpty();
        assertThat(page.getContent().get(0).score()).isNotBlank();
        assertThat(service.list(PageRequest.of(1, 1)).getContent()).extracting(MatchingRun::id)
                .containsExactly(first.id());
    }

    @Test
    void proposalsAsCsvHaveARowPerRequest() throws IOException {
        MatchingRun run = service.start(RunSettings.withTimeLimit(1));
        awaitStatus(run.id(), RunStatus.COMPLETED);
        StringBuilder csv = new StringBuilder();

        service.writeProposalsCsv(run.id(), csv);

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.toString())).getRecords();
        assertThat(rows).hasSize(60);
        assertThat(rows).extracting(r -> r.get("requestExternalId")).doesNotHaveDuplicates();
        RunProposals proposals = service.proposals(run.id());
        assertThat(rows).filteredOn(r -> r.get("outcome").equals("PROPOSED"))
                .extracting(r -> r.get("mentorExternalId"))
                .containsExactlyElementsOf(proposals.proposals().stream().map(Proposal::mentorExternalId).toList());
    }

    /** A service of its own, on the same store, with this engine and these inputs. */
    private InstanceRuns serviceWith(MatchingEngine engine, MatchingInputs inputs) {
        return InstanceRuns.of(runs, results, inputStore, lock, inputs, engine, mapper, leases,
                Optional.empty(), Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    @Test
    void aRunEndsAtItsProvenOptimumLongBeforeItsTimeLimit() {
        InstanceRuns stopping = serviceWith(new MatchingEngine(), inputs);
        try {
            long start = System.nanoTime();
            MatchingRun run = stopping.start(RunSettings.withTimeLimit(60));
            await().atMost(PATIENCE).until(() -> !stopping.get(run.id()).status().isActive());
            Duration toEnd = Duration.ofNanos(System.nanoTime() - start);

            MatchingRun done = stopping.get(run.id());
            assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(done.provenOptimal()).isTrue();
            assertThat(done.certified()).as("certified over every allowed pair").isTrue();
            assertThat(done.feasible()).isTrue();
            assertThat(done.history()).isNotEmpty();
            assertThat(done.history().get(done.history().size() - 1).score()).isEqualTo(done.score());
            assertThat(toEnd).as("no local search for 10 s after the optimum").isLessThan(Duration.ofSeconds(8));
            assertThat(lock.holder()).isEmpty();
        } finally {
            stopping.shutDown();
        }
    }

    @Test
    void aCancelledRunIsNotProvenOptimal() {
        searchOnAfterProof();
        MatchingRun run = service.start(RunSettings.withTimeLimit(120));
        awaitFirstScore(run.id());

        MatchingRun cancelled = service.cancel(run.id());

        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.provenOptimal()).isFalse();
        assertThat(cancelled.certified()).isFalse();
    }

    /** Stands for a solver that runs out of memory while solving: OptaPlanner reports no Error to its handler. */
    public static class OutOfMemoryPhase implements CustomPhaseCommand<MatchingSolution> {
        @Override
        public void changeWorkingSolution(ScoreDirector<MatchingSolution> scoreDirector) {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void aRunWhoseSolverRunsOutOfMemoryFailsAtOnceWithTheReasonAndFreesTheLock() {
        SolverConfig failing = SolverConfig.createFromXmlResource(MatchingEngine.SOLVER_CONFIG);
        failing.setPhaseConfigList(List.of(new CustomPhaseConfig()
                .withCustomPhaseCommandClassList(List.of(OutOfMemoryPhase.class))));
        InstanceRuns failingService = serviceWith(new MatchingEngine(failing), inputs);
        try {
            MatchingRun run = failingService.start(RunSettings.withTimeLimit(600));

            await().atMost(Duration.ofSeconds(20)).until(() -> !service.get(run.id()).status().isActive());
            MatchingRun failed = service.get(run.id());
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.reason()).contains("out of memory while solving", "Java heap space");
            assertThat(failed.endedAt()).isNotNull();
            assertThat(lock.holder()).as("the lock is free").isEmpty();
        } finally {
            failingService.shutDown();
        }
        // 3 s, not 1 s: on a loaded machine a 1 s limit can end the run before its flow (the run stops at its proof,
        // so a longer limit costs nothing)
        MatchingRun next = service.start(RunSettings.withTimeLimit(3));
        assertThat(awaitStatus(next.id(), RunStatus.COMPLETED).matchedCount()).isPositive();
    }

    @Test
    void aRunWhoseInputsCannotBeReadForLackOfMemoryFailsAtOnceAndFreesTheLock() {
        MatchingInputs exhausted = new MatchingInputs() {
            @Override
            public List<org.mentoring.people.Mentor> mentors() {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public List<MentorshipRequest> openRequests() {
                return inputs.openRequests();
            }

            @Override
            public Map<MentorshipRequest, String> settled() {
                return inputs.settled();
            }
        };
        InstanceRuns failingService = serviceWith(new MatchingEngine(), exhausted);
        try {
            MatchingRun run = failingService.start(RunSettings.withTimeLimit(600));

            await().atMost(Duration.ofSeconds(20)).until(() -> !service.get(run.id()).status().isActive());
            MatchingRun failed = service.get(run.id());
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.reason()).contains("could not start", "out of memory", "Java heap space");
            await().atMost(Duration.ofSeconds(5)).until(() -> lock.holder().isEmpty());
        } finally {
            failingService.shutDown();
        }
        // 3 s, not 1 s: on a loaded machine a 1 s limit can end the run before its flow (the run stops at its proof,
        // so a longer limit costs nothing)
        MatchingRun next = service.start(RunSettings.withTimeLimit(3));
        assertThat(awaitStatus(next.id(), RunStatus.COMPLETED).matchedCount()).isPositive();
    }

    @Test
    void aRunWhoseProblemCannotBeBuiltFailsAtOnceWithTheReason() {
        InputSnapshot community = InputSnapshot.of(inputs);
        MentorshipRequest settledRequest = community.openRequests().get(0);
        inputs.use(new InputSnapshot(community.mentors(), community.openRequests().subList(1, 60),
                Map.of(settledRequest, "m-nobody")));

        MatchingRun run = service.start(RunSettings.withTimeLimit(600));

        await().atMost(Duration.ofSeconds(20)).until(() -> !service.get(run.id()).status().isActive());
        MatchingRun failed = service.get(run.id());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.reason()).contains("while checking the pairs", "m-nobody");
        // the run is marked FAILED first, then its lock is freed, moments later
        await().atMost(Duration.ofSeconds(5)).until(() -> lock.holder().isEmpty());
    }
}
