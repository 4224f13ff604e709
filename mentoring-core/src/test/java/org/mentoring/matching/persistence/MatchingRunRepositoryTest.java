package org.mentoring.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.EmbeddedMongoTestConfiguration;
import org.mentoring.matching.model.RunStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@DataMongoTest(properties = "spring.data.mongodb.auto-index-creation=true")
@Import({EmbeddedMongoTestConfiguration.class, MatchingRunLock.class})
class MatchingRunRepositoryTest {

    @Autowired
    private MatchingRunRepository runs;
    @Autowired
    private MatchingRunLock lock;
    @Autowired
    private MongoTemplate mongo;

    @BeforeEach
    void emptyStore() {
        mongo.remove(new Query(), MatchingRunDocument.class);
        mongo.remove(new Query(), RunLockDocument.class);
    }

    private MatchingRunDocument queued(String id) {
        return runs.insert(MatchingRunDocument.queued(id, 30, new WeightsDocument(10, 8, 6, 2, 12, 1, 1), 5,
                "OptaPlanner", Instant.now()));
    }

    @Test
    void aNewRunIsSavedQueuedWithVersionZero() {
        MatchingRunDocument run = queued("r1");

        assertThat(run.version()).isZero();
        assertThat(runs.findById("r1")).get().extracting(MatchingRunDocument::status).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void anAllowedTransitionAppliesItsChangesAndBumpsTheVersion() {
        queued("r1");
        Instant started = Instant.parse("2026-03-01T10:00:00Z");

        MatchingRunDocument solving = runs.transition("r1", RunStatus.SOLVING,
                new Update().set("startedAt", started)).orElseThrow();

        assertThat(solving.status()).isEqualTo(RunStatus.SOLVING);
        assertThat(solving.startedAt()).isEqualTo(started);
        assertThat(solving.version()).isEqualTo(1);
    }

    @Test
    void aForbiddenTransitionChangesNothing() {
        queued("r1");

        assertThat(runs.transition("r1", RunStatus.COMPLETED, new Update().set("score", "0hard/0medium/0soft")))
                .isEmpty();

        MatchingRunDocument unchanged = runs.findById("r1").orElseThrow();
        assertThat(unchanged.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(unchanged.score()).isNull();
        assertThat(unchanged.version()).isZero();
    }

    @Test
    void anEndedRunCannotBeCancelledOrFailedAgain() {
        queued("r1");
        runs.transition("r1", RunStatus.SOLVING, new Update());
        runs.transition("r1", RunStatus.COMPLETED, new Update());

        assertThat(runs.transition("r1", RunStatus.CANCELLED, new Update().set("reason", "late"))).isEmpty();
        assertThat(runs.transition("r1", RunStatus.FAILED, new Update().set("reason", "late"))).isEmpty();
        assertThat(runs.findById("r1").orElseThrow().reason()).isNull();
    }

    @Test
    void aRunEndsOnlyOnceWhicheverEndComesFirst() {
        queued("r1");
        runs.transition("r1", RunStatus.SOLVING, new Update());

        boolean completed = runs.transition("r1", RunStatus.COMPLETED, new Update()).isPresent();
        boolean cancelled = runs.transition("r1", RunStatus.CANCELLED, new Update()).isPresent();

        assertThat(completed).isTrue();
        assertThat(cancelled).isFalse();
    }

    @Test
    void progressIsRecordedOnlyWhileSolving() {
        queued("r1");
        ScorePointDocument early = new ScorePointDocument(10, "0hard/-5medium/10soft", true, 55);
        assertThat(runs.recordProgress("r1", early)).isFalse();

        runs.transition("r1", RunStatus.SOLVING, new Update());
        assertThat(runs.recordProgress("r1", early)).isTrue();
        ScorePointDocument later = new ScorePointDocument(300, "0hard/-4medium/12soft", true, 56);
        assertThat(runs.recordProgress("r1", later)).isTrue();

        MatchingRunDocument run = runs.findById("r1").orElseThrow();
        assertThat(run.history()).containsExactly(early, later);
        assertThat(run.score()).isEqualTo("0hard/-4medium/12soft");
        assertThat(run.matchedCount()).isEqualTo(56);
        assertThat(run.feasible()).isTrue();
    }

    @Test
    void runsActiveBeforeAnInstantAreFound() {
        Instant boot = Instant.now();
        runs.insert(MatchingRunDocument.queued("old", 30, null, 1, "v", boot.minusSeconds(60)));
        runs.insert(MatchingRunDocument.queued("new", 30, null, 1, "v", boot.plusSeconds(1)));
        runs.insert(MatchingRunDocument.queued("old-ended", 30, null, 1, "v", boot.minusSeconds(60)));
        runs.transition("old-ended", RunStatus.CANCELLED, new Update());

        assertThat(runs.findActiveCreatedBefore(boot)).extracting(MatchingRunDocument::id).containsExactly("old");
    }

    @Test
    void theLockIsHeldByOneRunUntilItReleasesIt() {
        Instant now = Instant.now();
        assertThat(lock.holder()).isEmpty();

        assertThat(lock.tryAcquire("a", now)).isTrue();
        assertThat(lock.tryAcquire("b", now)).isFalse();
        assertThat(lock.release("b")).as("only the holder frees it").isFalse();
        assertThat(lock.holder()).get().extracting(MatchingRunLock.Holder::runId).isEqualTo("a");

        assertThat(lock.release("a")).isTrue();
        assertThat(lock.holder()).isEmpty();
        assertThat(lock.tryAcquire("b", now)).isTrue();
    }

    @Test
    void ofManyRacingForTheLockExactlyOneGetsIt() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String runId = "run-" + i;
                attempts.add(() -> lock.tryAcquire(runId, Instant.now()));
            }
            int winners = 0;
            for (Future<Boolean> won : racers.invokeAll(attempts)) {
                winners += won.get() ? 1 : 0;
            }

            assertThat(winners).isEqualTo(1);
            assertThat(lock.holder()).isPresent();
        } finally {
            racers.shutdownNow();
        }
    }
}
