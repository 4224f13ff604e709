package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.RequestInput;
import org.mentoring.store.EmbeddedMongoServer;
import org.mentoring.store.StoreProperties;

/**
 * The app as its own JVM, killed with {@code kill -9} (Process.destroyForcibly) during an import, during a run and
 * during a publication, or stopped with SIGTERM during a run, then started again on the same data folder: no run stays active (it is FAILED with the
 * reason, and a new run can start), every imported record is wholly there or wholly absent and the import is shown
 * INTERRUPTED, and a publication cut short is shown unfinished and finished by publishing again, telling each side
 * of each offer exactly once; a run stopped by SIGTERM is CANCELLED with its best solution kept. The kill during a
 * run, the writes acknowledged right before it and the SIGTERM share one data folder and three starts of the app.
 */
class CrashRecoveryTest {

    private static final Duration START_PATIENCE = AppProcess.START_PATIENCE;
    private static final int IMPORTED = 6000;
    /** Requests saved one by one just before a kill. */
    private static final int ACKNOWLEDGED = 30;
    /** Requests of the community whose publication is killed: enough for the publication to take a while. */
    private static final int PUBLISHED = 2000;

    @TempDir
    Path dataDir;

    private AppProcess app;

    @AfterEach
    void stopTheApp() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    /**
     * One kill and one SIGTERM on the same data folder, three starts instead of six: the app with the demo community
     * starts a long run and, while it solves, saves requests one by one; it is killed right after the last one is
     * acknowledged and started again (the first two tests check that restart); on it a second long run is stopped
     * with SIGTERM and the app started once more (the third test).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class AKillDuringARunRightAfterAcknowledgedWritesThenASigterm {

        /** The data folder of the three starts: a {@code @TempDir} given to the {@code @BeforeAll} method. */
        private Path sharedDataDir;
        private AppProcess shared;
        private int port;
        private Http restarted;
        private String killedRunId;
        private final List<String> saved = new ArrayList<>();

        @BeforeAll
        void killDuringARunRightAfterAcknowledgedWrites(@TempDir Path dataDir) throws Exception {
            sharedDataDir = dataDir;
            port = freePort();
            Http first = startShared();
            Http.Answer started = first.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 600}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            killedRunId = started.json().get("id").asText();
            await().atMost(START_PATIENCE).until(() -> status(first, killedRunId).equals("SOLVING"));
            Thread.sleep(1000);
            for (int i = 0; i < ACKNOWLEDGED; i++) {
                String id = "r-ack" + i;
                Http.Answer created = first.postJson("/api/v1/requests", """
                        {"externalId": "%s", "name": "Saved %s", "email": "%s@example.org", "country": "BR",
                         "timeZone": "America/Sao_Paulo", "careerStage": "STUDENT", "languages": ["pt"],
                         "domains": ["methods"], "startDate": "2026-03-01", "durationMonths": 6,
                         "weeklyAvailability": [{"day": "MON", "start": "10:00", "end": "11:00"}]}
                        """.formatted(id, id, id));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                saved.add(id);
            }
            // the kill comes right after the last acknowledged write, the long run still solving
            shared.kill();
            restarted = startShared();
        }

        @AfterAll
        void stopTheSharedApp() throws InterruptedException {
            if (shared != null) {
                shared.close();
            }
        }

        @Test
        @Order(1)
        void aRunCutShortByAKillIsFailedWithTheReasonAfterTheRestart() {
            JsonNode run = restarted.get("/api/v1/matching-runs/" + killedRunId).json();
            assertThat(run.get("status").asText()).isEqualTo("FAILED");
            assertThat(run.get("reason").asText()).contains("the application stopped while this run was solving");
            assertThat(run.get("endedAt").isNull()).isFalse();
            Http.Answer next = restarted.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 1}");
            assertThat(next.status()).as("the lock is free: " + next.body()).isEqualTo(202);
            String nextId = next.json().get("id").asText();
            await().atMost(START_PATIENCE).until(() -> status(restarted, nextId).equals("COMPLETED"));
        }

        @Test
        @Order(2)
        void everyAcknowledgedWriteSurvivesAKillRightAfterIt() {
            assertThat(allRequests(restarted))
                    .filteredOn(request -> request.get("externalId").asText().startsWith("r-ack"))
                    .extracting(request -> request.get("externalId").asText())
                    .as("every request the app said it saved, up to the last one before the kill")
                    .containsExactlyInAnyOrderElementsOf(saved);
        }

        @Test
        @Order(3)
        void aSigtermDuringARunSavesItsBestSolutionAsCancelled() throws Exception {
            // the first test's short run, if it ran, has completed: this run takes the lock
            Http first = restarted;
            Http.Answer started = first.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 600}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String runId = started.json().get("id").asText();
            await().atMost(START_PATIENCE).until(() -> status(first, runId).equals("SOLVING")
                    && !first.get("/api/v1/matching-runs/" + runId).json().get("history").isEmpty());

            assertThat(shared.stop()).as("the app stops within a minute of SIGTERM").isTrue();
            Http http = startShared();

            JsonNode run = http.get("/api/v1/matching-runs/" + runId).json();
            assertThat(run.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(run.get("reason").asText()).isEqualTo("the application shut down");
            int matched = run.get("matchedCount").asInt();
            assertThat(matched).isPositive();
            assertThat(http.get("/api/v1/matching-runs/" + runId + "/proposals").json().get("proposals"))
                    .as("the best solution so far is kept").hasSize(matched);
        }

        private Http startShared() throws IOException {
            Path log = sharedDataDir.resolveSibling(sharedDataDir.getFileName() + "-app-" + System.nanoTime()
                    + ".log");
            shared = AppProcess.start(port, log, "--mentoring.data-dir=" + sharedDataDir,
                    "--mentoring.demo-data=true", "--mentoring.runs.search-after-proof=true");
            return shared.http();
        }
    }

    @Test
    void anImportCutShortByAKillLeavesEachRecordWhollyThereOrWhollyAbsent() throws Exception {
        int port = freePort();
        Http http = start(port, false);
        Map<String, String> sentNames = new HashMap<>();
        StringBuilder body = new StringBuilder("{\"requests\": [");
        for (int i = 0; i < IMPORTED; i++) {
            String id = "r-c" + i;
            String name = "Researcher " + i + " of the crash test";
            sentNames.put(id, name);
            body.append(i == 0 ? "" : ",").append("""
                    {"externalId": "%s", "name": "%s", "email": "%s@example.org", "country": "BR",
                     "timeZone": "America/Sao_Paulo", "careerStage": "STUDENT", "languages": ["pt", "en"],
                     "domains": ["methods/epidemiology", "planetary-health/climate-health"], "goals": ["fieldwork"],
                     "startDate": "2026-03-01", "durationMonths": 6,
                     "weeklyAvailability": [{"day": "MON", "start": "10:00", "end": "11:00"},
                                            {"day": "THU", "start": "14:00", "end": "16:30"}]}
                    """.formatted(id, name, id));
        }
        body.append("]}");
        CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> {
            try {
                return http.postJson("/api/v1/import", body.toString()).status();
            } catch (RuntimeException cutOff) {
                return -1;
            }
        });
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> sent.isDone()
                || http.get("/api/v1/requests?size=1").json().get("totalElements").asInt() > 0);

        kill();
        int sentStatus = sent.handle((status, error) -> status).get(60, TimeUnit.SECONDS);
        Http restarted = start(port, false);

        assertThat(sentStatus).as("the kill came while the import was writing").isEqualTo(-1);
        JsonNode journalled = restarted.get("/api/v1/import/history").json().get(0);
        assertThat(journalled.get("requests").asInt()).isEqualTo(IMPORTED);
        assertThat(journalled.get("status").asText()).as("the admin sees the import cut short")
                .isEqualTo("INTERRUPTED");
        assertThat(journalled.get("reason").asText()).contains("Send the same import again");

        List<JsonNode> stored = allRequests(restarted);
        System.out.println("Requests stored after the kill during the import: " + stored.size() + " of " + IMPORTED);
        assertThat(stored.size()).as("cut short").isLessThan(IMPORTED);
        for (JsonNode request : stored) {
            String id = request.get("externalId").asText();
            assertThat(sentNames).containsKey(id);
            assertThat(request.get("name").asText()).isEqualTo(sentNames.get(id));
            assertThat(request.get("email").asText()).isEqualTo(id + "@example.org");
            assertThat(request.get("domains")).hasSize(2);
            assertThat(request.get("weeklyAvailability")).hasSize(2);
            assertThat(request.get("status").asText()).isEqualTo("OPEN");
        }
        Http.Answer again = restarted.postJson("/api/v1/import", body.toString());
        assertThat(again.status()).as("re-sending the import completes it: " + again.body()).isEqualTo(200);
        assertThat(again.json().get("created").asInt() + again.json().get("updated").asInt()).isEqualTo(IMPORTED);
        assertThat(allRequests(restarted)).hasSize(IMPORTED);
        assertThat(restarted.get("/api/v1/import/history").json().get(0).get("status").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void aPublicationCutShortByAKillIsShownAndPublishingAgainFinishesItTellingEveryoneOnce() throws Exception {
        int port = freePort();
        Http first = start(port, false);
        CommunityGenerator.Community community = new CommunityGenerator(5).generate(PUBLISHED, PUBLISHED / 5);
        Http.Answer imported = first.postJson("/api/v1/import", new ObjectMapper().writeValueAsString(Map.of(
                "mentors", community.mentors().stream().map(MentorInput::of).toList(),
                "requests", community.requests().stream().map(RequestInput::of).toList())));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Http.Answer started = first.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}");
        String runId = started.json().get("id").asText();
        await().atMost(START_PATIENCE).until(() -> status(first, runId).equals("COMPLETED"));

        CompletableFuture<Integer> publishing = CompletableFuture.supplyAsync(() -> {
            try {
                return first.post("/api/v1/matching-runs/" + runId + "/publish", "application/json", new byte[0])
                        .status();
            } catch (RuntimeException cutOff) {
                return -1;
            }
        });
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> publishing.isDone()
                || first.get("/api/v1/requests?status=PROPOSED&size=1").json().get("totalElements").asInt() > 0);
        kill();
        assertThat(publishing.handle((status, error) -> status).get(60, TimeUnit.SECONDS))
                .as("the kill came while publishing").isEqualTo(-1);

        Http restarted = start(port, false);
        JsonNode run = restarted.get("/api/v1/matching-runs/" + runId).json();
        assertThat(run.get("publishedAt").isNull()).isFalse();
        assertThat(run.get("publishCompletedAt").isNull()).as("the admin sees the publication unfinished").isTrue();
        int proposedAfterKill = restarted.get("/api/v1/requests?status=PROPOSED&size=1").json()
                .get("totalElements").asInt();
        System.out.println("Requests proposed when the publication was killed: " + proposedAfterKill);

        Http.Answer again = restarted.post("/api/v1/matching-runs/" + runId + "/publish", "application/json",
                new byte[0]);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(restarted.get("/api/v1/matching-runs/" + runId).json().get("publishCompletedAt").isNull())
                .isFalse();
        JsonNode places = restarted.get("/api/v1/admin/consistency").json();
        assertThat(places.get("consistent").asBoolean()).as("every mentor's places agree with the offers: %s", places)
                .isTrue();
        assertThat(app.stop()).isTrue();

        try (EmbeddedMongoServer store = EmbeddedMongoServer.onDisk(dataDir);
                MongoClient client = MongoClients.create(store.connectionString(StoreProperties.DEFAULT_DATABASE))) {
            MongoDatabase db = client.getDatabase(StoreProperties.DEFAULT_DATABASE);
            Map<String, String> requestStatus = new HashMap<>();
            Map<String, String> emailOf = new HashMap<>();
            db.getCollection("requests").find().forEach(request -> {
                requestStatus.put(request.getString("externalId"), request.getString("status"));
                emailOf.put(request.getString("externalId"), request.getString("email"));
            });
            db.getCollection("mentors").find().forEach(mentor -> emailOf.put(mentor.getString("externalId"),
                    mentor.getString("email")));
            Map<String, Integer> offersTo = new HashMap<>();
            int offered = 0;
            for (Document proposal : db.getCollection("proposals").find(new Document("runId", runId))) {
                String offer = proposal.getString("status");
                assertThat(offer).as(proposal.getString("_id")).isIn("OFFERED", "WITHDRAWN");
                if (offer.equals("OFFERED")) {
                    offered++;
                    assertThat(requestStatus.get(proposal.getString("requestExternalId"))).isEqualTo("PROPOSED");
                    offersTo.merge(emailOf.get(proposal.getString("requestExternalId")), 1, Integer::sum);
                    offersTo.merge(emailOf.get(proposal.getString("mentorExternalId")), 1, Integer::sum);
                }
            }
            Map<String, Integer> told = new HashMap<>();
            db.getCollection("notifications").find(new Document("subject", "A mentorship offer for you"))
                    .forEach(message -> told.merge(message.getString("to"), 1, Integer::sum));
            assertThat(offered).isGreaterThan(proposedAfterKill);
            assertThat(told).as("each side told of each offer exactly once").isEqualTo(offersTo);
        }
    }

    private static List<JsonNode> allRequests(Http http) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = http.get("/api/v1/requests?size=500&page=" + page).json();
            answer.get("content").forEach(all::add);
            if (answer.get("content").size() < 500) {
                return all;
            }
        }
    }

    private static String status(Http http, String runId) {
        return http.get("/api/v1/matching-runs/" + runId).json().get("status").asText();
    }

    /** Starts the app in its own JVM on the data folder and waits until it is ready. */
    private Http start(int port, boolean demoData) throws IOException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-app-" + System.nanoTime() + ".log");
        // runs search on after their proven optimum, so that a kill can come mid-run
        app = AppProcess.start(port, log, "--mentoring.data-dir=" + dataDir, "--mentoring.demo-data=" + demoData,
                "--mentoring.runs.search-after-proof=true");
        return app.http();
    }

    private void kill() throws InterruptedException {
        app.kill();
    }

    private static int freePort() throws IOException {
        return AppProcess.freePort();
    }
}
