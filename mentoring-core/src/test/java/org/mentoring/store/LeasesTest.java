package org.mentoring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.people.PeopleTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.data.mongodb.MongoExpression;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ContextConfiguration;

/** The one lease helper of runs, imports and restores, on the embedded store (and a real MongoDB under -Pmongodb). */
@DataMongoTest(properties = "mentoring.embedded-in-memory=true")
@ContextConfiguration(classes = PeopleTestApplication.class)
class LeasesTest {

    private static final String COLLECTION = "leasesTest";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    private Leases leases;

    @BeforeEach
    void empty() {
        mongo.remove(new Query(), COLLECTION);
        leases = leases(Clock.systemUTC());
    }

    private Leases leases(Clock clock) {
        return new Leases(mongo, new ServerTime(mongo, clock), COLLECTION, "heartbeatAt", "createdAt");
    }

    private static Query lease(String owner) {
        return query(where("_id").is("lease").and("owner").is(owner));
    }

    private static Document held(String owner, Instant heartbeatAt) {
        return new Document("_id", "lease").append("owner", owner).append("heartbeatAt", Date.from(heartbeatAt));
    }

    private Document stored() {
        return mongo.findById("lease", Document.class, COLLECTION);
    }

    @Test
    void ofSeveralThreadsAcquiringAFreeLeaseExactlyOneHoldsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            mongo.remove(new Query(), COLLECTION);
            assertThat(together(8, i -> () -> leases.acquire(held("instance-" + i, Instant.now())))).isEqualTo(1);
            assertThat(mongo.count(new Query(), COLLECTION)).isEqualTo(1);
        }
    }

    @Test
    void ofSeveralThreadsTakingOverAnExpiredLeaseExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            mongo.remove(new Query(), COLLECTION);
            leases.acquire(held("dead", Instant.now().minus(Duration.ofMinutes(2))));

            int winners = together(8, i -> () -> leases.takeOver(query(where("_id").is("lease")), TIMEOUT,
                    new Update().set("owner", "instance-" + i)));

            assertThat(winners).isEqualTo(1);
            assertThat(stored().getString("owner")).startsWith("instance-");
            assertThat(leases.isExpired(query(where("_id").is("lease")), TIMEOUT)).as("its heartbeat is fresh")
                    .isFalse();
        }
    }

    @Test
    void onlyTheOwnerBeatsAndReleasesItsLease() {
        Instant before = Instant.now().minusSeconds(10);
        assertThat(leases.acquire(held("a", before))).isTrue();
        assertThat(leases.acquire(held("b", Instant.now()))).as("held").isFalse();

        assertThat(leases.heartbeat(lease("b"))).isFalse();
        assertThat(stored().getDate("heartbeatAt").toInstant()).isEqualTo(before.truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        assertThat(leases.heartbeat(lease("a"), new Update().set("note", "beating"))).isTrue();
        assertThat(stored().getDate("heartbeatAt").toInstant()).isAfter(before);
        assertThat(stored().getString("note")).isEqualTo("beating");
        assertThat(leases.heartbeat(lease("a"), Document.class)).get()
                .satisfies(after -> assertThat(after.getString("owner")).isEqualTo("a"));

        assertThat(leases.release(lease("b"))).isFalse();
        assertThat(stored()).isNotNull();
        assertThat(leases.release(lease("a"))).isTrue();
        assertThat(stored()).isNull();
        assertThat(leases.acquire(held("b", Instant.now()))).as("free again").isTrue();
    }

    @Test
    void aLeaseExpiresWhenItsHeartbeatIsOlderThanTheTimeoutAndALiveOneIsNotTakenOver() {
        leases.acquire(held("a", Instant.now().minusSeconds(5)));
        Query any = query(where("_id").is("lease"));

        assertThat(leases.isExpired(any, TIMEOUT)).isFalse();
        assertThat(mongo.exists(Query.of(any).addCriteria(leases.live(TIMEOUT)), COLLECTION)).isTrue();
        assertThat(leases.takeOver(any, TIMEOUT, new Update().set("owner", "b"))).isFalse();
        assertThat(stored().getString("owner")).isEqualTo("a");

        mongo.updateFirst(any, new Update().set("heartbeatAt", Instant.now().minus(TIMEOUT).minusSeconds(1)),
                COLLECTION);
        assertThat(leases.isExpired(any, TIMEOUT)).isTrue();
        assertThat(mongo.exists(Query.of(any).addCriteria(leases.live(TIMEOUT)), COLLECTION)).isFalse();
        assertThat(leases.heartbeat(lease("b"))).as("not b's to beat").isFalse();
        assertThat(leases.takeOver(any, TIMEOUT, new Update().set("owner", "b"))).isTrue();
        assertThat(stored().getString("owner")).isEqualTo("b");
        assertThat(leases.heartbeat(lease("a"))).as("the old owner lost it").isFalse();
    }

    @Test
    void aLeaseWithoutHeartbeatIsJudgedByItsFallbackField() {
        mongo.insert(new Document("_id", "old").append("createdAt", Date.from(Instant.now().minusSeconds(60))),
                COLLECTION);
        mongo.insert(new Document("_id", "new").append("createdAt", Date.from(Instant.now())), COLLECTION);

        List<String> expired = mongo.find(new Query(leases.expired(TIMEOUT)), Document.class, COLLECTION).stream()
                .map(document -> document.getString("_id")).toList();

        assertThat(expired).containsExactly("old");
    }

    /**
     * Two instances whose clocks differ by ten minutes: on a real MongoDB both stamp and judge by the server's clock
     * and agree; on the embedded server, which runs inside the one instance that uses it, the instance's clock is
     * the store's, so what it stamps and judges follows that clock.
     */
    @Test
    void aLeaseIsJudgedByTheStoresClockNotByEachInstances() {
        Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        Leases stamping = leases(fast);
        Leases judging = leases(Clock.systemUTC());
        Query any = query(where("_id").is("lease"));
        stamping.acquire(held("a", Instant.now()));
        assertThat(stamping.heartbeat(lease("a"))).isTrue();

        if (new ServerTime(mongo).usesServerClock()) {
            Instant stamped = stored().getDate("heartbeatAt").toInstant();
            assertThat(stamped).as("the server's clock, not the fast one").isBefore(Instant.now().plusSeconds(60));
            assertThat(judging.isExpired(any, TIMEOUT)).isFalse();
            assertThat(leases(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))).isExpired(any, TIMEOUT))
                    .as("an instance whose clock runs 20 minutes ahead agrees").isFalse();
        } else {
            assertThat(stored().getDate("heartbeatAt").toInstant()).as("the embedded store: this instance's clock")
                    .isAfter(Instant.now().plus(Duration.ofMinutes(9)));
            assertThat(judging.isExpired(any, TIMEOUT)).isFalse();
            assertThat(leases(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))).isExpired(any, TIMEOUT))
                    .as("the embedded store judges by the instance's clock").isTrue();
        }
    }

    @Test
    void onARealServerTheAgeIsComparedWithTheServersNowWhateverTheInstancesClock() {
        Clock now = Clock.systemUTC();
        Clock skewed = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);
        ServerTime right = new ServerTime(null, now, true);
        ServerTime wrong = new ServerTime(null, skewed, true);

        Document judged = rendered(right.olderThan("heartbeatAt", "createdAt", TIMEOUT));
        assertThat(rendered(wrong.olderThan("heartbeatAt", "createdAt", TIMEOUT))).isEqualTo(judged);
        assertThat(rendered(wrong.notOlderThan("heartbeatAt", null, TIMEOUT)))
                .isEqualTo(rendered(right.notOlderThan("heartbeatAt", null, TIMEOUT)));
        assertThat(judged.toJson()).contains("$$NOW").doesNotContain("$date");
        assertThat(rendered(new ServerTime(null, skewed, false).olderThan("heartbeatAt", TIMEOUT)).toJson())
                .as("the embedded store: this instance's clock").contains("$date").doesNotContain("$$NOW");
    }

    private static Document rendered(Criteria criteria) {
        return ((MongoExpression) criteria.getCriteriaObject().get("$expr")).toDocument();
    }

    /** How many of {@code threads} attempts, released together, succeeded. */
    private static int together(int threads, IntFunction<Callable<Boolean>> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> call = attempt.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }
}
