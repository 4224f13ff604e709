package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunRecovery;
import org.mentoring.store.EmbeddedMongoServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two application instances on one store: the first runs the embedded server, the second reaches it over its port
 * as it would a shared MongoDB. A run is solved by the instance that started it; the other one sees it, refuses a
 * second run, cancels it through the store and reads its proposals; and a run whose instance stopped beating (its
 * process killed with {@code kill -9}) is failed with the reason by the other instance.
 *
 * <p>The two instances serve every test, each of which leaves no run active; the instance killed is a third one, in a
 * JVM of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The instance with the embedded store and the demo community. */
    private ConfigurableApplicationContext first;
    /** The instance on the first one's store, reached over its port as a shared MongoDB would be. */
    private ConfigurableApplicationContext second;

    @BeforeAll
    void startTwoInstancesOnOneStore() {
        first = start(null, true);
        second = start(first.getBean(EmbeddedMongoServer.class).connectionString("mentoring"), false);
    }

    @AfterAll
    void stopThem() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aRunIsSolvedByOneInstanceAndSeenAndCancelledFromTheOther() {
        Http one = http(first);
        Http two = http(second);
        assertThat(two.get("/api/v1/requests?size=1").json().get("totalElements").asInt())
                .as("the second instance reads the first one's demo community: 180 requests open now, 40 of the"
                        + " previous cycle").isEqualTo(220);

        Http.Answer started = one.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 300}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().get("id").asText();
        await().atMost(PATIENCE).until(() -> status(two, runId).equals("SOLVING"));

        assertThat(second.getBean(RunRecovery.class).recoverInterruptedRuns())
                .as("another instance's start-up recovery leaves a live run alone").isZero();
        assertThat(status(two, runId)).isEqualTo("SOLVING");
        Document lease = first.getBean(MongoTemplate.class).getCollection("matchingRuns")
                .find(new Document("_id", runId)).first();
        assertThat(lease.getString("owner")).isEqualTo(first.getBean(MatchingRunService.class).instanceId());
        assertThat(lease.get("heartbeatAt")).isNotNull();
        Http.Answer refused = two.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 5}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains(runId);

        Http.Answer cancel = two.postJson("/api/v1/matching-runs/" + runId + "/cancel", "");

        assertThat(cancel.status()).as(cancel.body()).isIn(200, 202);
        await().atMost(PATIENCE).until(() -> status(two, runId).equals("CANCELLED"));
        JsonNode run = two.get("/api/v1/matching-runs/" + runId).json();
        assertThat(run.get("reason").asText()).contains("cancelled by an admin");
        Http.Answer proposals = two.get("/api/v1/matching-runs/" + runId + "/proposals");
        assertThat(proposals.status()).as(proposals.body()).isEqualTo(200);
        assertThat(proposals.json().get("proposals")).isNotEmpty();
        assertThat(proposals.body())
                .isEqualTo(one.get("/api/v1/matching-runs/" + runId + "/proposals").body());

        Http.Answer next = two.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 1}");
        assertThat(next.status()).as("the lock is free again: " + next.body()).isEqualTo(202);
        String nextId = next.json().get("id").asText();
        await().atMost(PATIENCE).until(() -> status(one, nextId).equals("COMPLETED"));
    }

    @Test
    void aRunWhoseInstanceDiedIsFailedWithTheReasonByAnotherInstance() {
        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        Instant died = Instant.now().minus(Duration.ofMinutes(2));
        // what an instance leaves when its process is killed mid-run: the run SOLVING, its lease and the lock
        mongo.getCollection("matchingRuns").insertOne(new Document("_id", "orphan")
                .append("status", "SOLVING").append("timeLimitSeconds", 600).append("seed", 1L)
                .append("solverVersion", "OptaPlanner").append("history", java.util.List.of())
                .append("createdAt", java.util.Date.from(died)).append("startedAt", java.util.Date.from(died))
                .append("owner", "4242-deadbeef").append("heartbeatAt", java.util.Date.from(died)));
        // the lock's document stays once a run has taken it (runId null while free): it is replaced
        mongo.getCollection("matchingRunLock").replaceOne(new Document("_id", "matching-run"),
                new Document("_id", "matching-run").append("runId", "orphan")
                        .append("acquiredAt", java.util.Date.from(died)), new ReplaceOptions().upsert(true));

        Http two = http(second);

        await().atMost(PATIENCE).until(() -> status(two, "orphan").equals("FAILED"));

        JsonNode run = two.get("/api/v1/matching-runs/orphan").json();
        assertThat(run.get("reason").asText()).contains("instance 4242-deadbeef", "no heartbeat since");
        assertThat(mongo.getCollection("matchingRunLock").find().first().get("runId")).isNull();
    }

    @Test
    void aRunWhoseInstanceIsKilledIsFailedByTheOtherInstanceWithinTheLeaseTimeout(@TempDir Path logs)
            throws Exception {
        try (AppProcess third = AppProcess.start(AppProcess.freePort(), logs.resolve("third.log"),
                "--mentoring.mongodb-uri=" + first.getBean(EmbeddedMongoServer.class).connectionString("mentoring"),
                "--mentoring.demo-data=false", "--mentoring.runs.heartbeat-interval=500ms",
                "--mentoring.runs.lease-timeout=3s", "--mentoring.runs.search-after-proof=true")) {
            Http one = http(first);
            Http.Answer started = third.http().postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 600}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String runId = started.json().get("id").asText();
            await().atMost(PATIENCE).until(() -> status(one, runId).equals("SOLVING"));
            Document lease = first.getBean(MongoTemplate.class).getCollection("matchingRuns")
                    .find(new Document("_id", runId)).first();
            assertThat(lease.getString("owner")).as("solved by the instance that started it")
                    .isNotEqualTo(first.getBean(MatchingRunService.class).instanceId());

            third.kill();
            Instant killed = Instant.now();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                    .until(() -> status(one, runId).equals("FAILED"));
            System.out.println("Run of the killed instance FAILED by the other one "
                    + Duration.between(killed, Instant.now()).toMillis() + " ms after the kill (lease timeout 3 s)");

            JsonNode run = one.get("/api/v1/matching-runs/" + runId).json();
            assertThat(run.get("reason").asText()).contains("no heartbeat since");
            Http.Answer next = one.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 1}");
            assertThat(next.status()).as("the lock is free again: " + next.body()).isEqualTo(202);
            String nextId = next.json().get("id").asText();
            await().atMost(PATIENCE).until(() -> status(one, nextId).equals("COMPLETED"));
        }
    }

    private static String status(Http http, String runId) {
        return http.get("/api/v1/matching-runs/" + runId).json().get("status").asText();
    }

    /** An instance on its own embedded store, or on the MongoDB {@code mongodbUri} names. */
    private static ConfigurableApplicationContext start(String mongodbUri, boolean demoData) {
        return new SpringApplicationBuilder(MentoringApplication.class).run(
                "--server.port=0",
                mongodbUri == null ? "--mentoring.embedded-in-memory=true" : "--mentoring.mongodb-uri=" + mongodbUri,
                "--mentoring.demo-data=" + demoData,
                "--mentoring.runs.heartbeat-interval=500ms",
                "--mentoring.runs.lease-timeout=3s", "--mentoring.runs.search-after-proof=true",
                "--" + Http.ADMIN_EMAIL_PROPERTY,
                "--" + Http.ADMIN_PASSWORD_PROPERTY);
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(((ServletWebServerApplicationContext) app).getWebServer().getPort()).asAdmin();
    }
}
