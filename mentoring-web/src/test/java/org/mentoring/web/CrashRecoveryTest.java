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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.RequestInput;
import org.mentoring.store.StoreProperties;

/**
 * The app as its own JVM, killed with {@code kill -9} (Process.destroyForcibly) during a run right after a series of
 * acknowledged writes, stopped with SIGTERM during another run, then killed while an import and a publication write,
 * each time started again on the same data folder: no run stays active (the killed one is FAILED with the reason, and
 * a new run can start), every acknowledged write is there, the run stopped by SIGTERM is CANCELLED with its best
 * solution kept, every imported record is wholly there or wholly absent and the import is shown INTERRUPTED (sending
 * it again completes it), and the publication cut short is shown unfinished and finished by publishing again, telling
 * each side of each offer exactly once. One data folder and four starts of the app (seven before).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    private static final Duration START_PATIENCE = AppProcess.START_PATIENCE;
    private static final int IMPORTED = 6000;
    /** Requests saved one by one just before the first kill. */
    private static final int ACKNOWLEDGED = 30;
    /**
     * Requests of the community whose publication is killed: enough for the publication to take a while (the kill
     * comes once the first request is PROPOSED; with 2,000 it came after 1 of them, and publishing the rest again took
     * 30 of the class's 130 s).
     */
    private static final int PUBLISHED = 600;
    private static final Pattern EMBEDDED_STORE = Pattern.compile("Embedded MongoDB on /([0-9.]+:[0-9]+)");

    /** The data folder of the four starts: a {@code @TempDir} given to the {@code @BeforeAll} method. */
    private Path dataDir;
    private int port;
    private AppProcess app;
    /** The app started again after the last kill. */
    private Http restarted;

    /** The run solving when the app was killed. */
    private String killedRunId;
    /** The completed run whose publication the second kill cuts short. */
    private String publishedRunId;
    private final List<String> saved = new ArrayList<>();
    private final Map<String, String> sentNames = new HashMap<>();
    private String importBody;
    private int importStatusAtKill;
    private int publishStatusAtKill;
    /** The run killed while solving, as the restart right after the kill shows it. */
    private JsonNode killedRunAfterRestart;
    /** The requests saved one by one, as the restart right after the kill lists them. */
    private List<String> acknowledgedAfterRestart;
    /** The run stopped by SIGTERM, whether the app stopped within a minute, and the run and its proposals after. */
    private String stoppedRunId;
    private boolean stoppedWithinAMinute;
    private JsonNode stoppedRunAfterRestart;
    private JsonNode stoppedRunProposals;

    /**
     * The app, on an imported community of {@value #PUBLISHED} requests, completes a run (published later) and starts
     * a long one; while it solves, requests are saved one by one, and the app is killed right after the last one is
     * acknowledged. Started again, it shows the run and the requests, and another long run is stopped by SIGTERM;
     * started again, it shows that run, then an import of {@value #IMPORTED} requests and the publication of the
     * completed run start; the app is killed once both are writing, and started again. What each start shows is kept
     * for the tests.
     */
    @BeforeAll
    void killDuringARunRightAfterAcknowledgedWritesStopAnotherRunThenKillDuringAnImportAndAPublication(@TempDir Path dataDir) throws Exception {
        this.dataDir = dataDir;
        port = AppProcess.freePort();
        Http first = start();
        CommunityGenerator.Community community = new CommunityGenerator(5).generate(PUBLISHED, PUBLISHED / 5);
        Http.Answer imported = first.postJson("/api/v1/import", new ObjectMapper().writeValueAsString(Map.of(
                "mentors", community.mentors().stream().map(MentorInput::of).toList(),
                "requests", community.requests().stream().map(RequestInput::of).toList())));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Http.Answer completing = first.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}");
        assertThat(completing.status()).as(completing.body()).isEqualTo(202);
        publishedRunId = completing.json().get("id").asText();
        await().atMost(START_PATIENCE).until(() -> status(first, publishedRunId).equals("COMPLETED"));

        Http.Answer started = first.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 600}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        killedRunId = started.json().get("id").asText();
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> status(first, killedRunId).equals("SOLVING"));
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
        app.kill();

        Http second = start();
        // what the restart right after the kill shows; the tests check it
        killedRunAfterRestart = second.get("/api/v1/matching-runs/" + killedRunId).json();
        acknowledgedAfterRestart = allRequests(second).stream().map(request -> request.get("externalId").asText())
                .filter(id -> id.startsWith("r-ack")).toList();

        // a run stopped by SIGTERM, before the publication takes the mentors' places, so that it has pairs to keep
        Http.Answer stopping = second.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 600}");
        assertThat(stopping.status()).as(stopping.body()).isEqualTo(202);
        stoppedRunId = stopping.json().get("id").asText();
        await().atMost(START_PATIENCE).until(() -> status(second, stoppedRunId).equals("SOLVING")
                && !second.get("/api/v1/matching-runs/" + stoppedRunId).json().get("history").isEmpty());
        stoppedWithinAMinute = app.stop();
        Http third = start();
        stoppedRunAfterRestart = third.get("/api/v1/matching-runs/" + stoppedRunId).json();
        stoppedRunProposals = third.get("/api/v1/matching-runs/" + stoppedRunId + "/proposals").json();

        int requestsBefore = third.get("/api/v1/requests?size=1").json().get("totalElements").asInt();

        // the import first, then the publication, whose first offer comes at once: both at work when the kill comes
        importBody = importOfNewRequests();
        CompletableFuture<Integer> importing = CompletableFuture.supplyAsync(() -> {
            try {
                return third.postJson("/api/v1/import", importBody).status();
            } catch (RuntimeException cutOff) {
                return -1;
            }
        });
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> importing.isDone()
                || third.get("/api/v1/requests?size=1").json().get("totalElements").asInt() > requestsBefore);
        CompletableFuture<Integer> publishing = CompletableFuture.supplyAsync(() -> {
            try {
                return third.post("/api/v1/matching-runs/" + publishedRunId + "/publish", "application/json",
                        new byte[0]).status();
            } catch (RuntimeException cutOff) {
                return -1;
            }
        });
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> publishing.isDone()
                || third.get("/api/v1/requests?status=PROPOSED&size=1").json().get("totalElements").asInt() > 0);
        app.kill();
        importStatusAtKill = importing.handle((status, error) -> status).get(60, TimeUnit.SECONDS);
        publishStatusAtKill = publishing.handle((status, error) -> status).get(60, TimeUnit.SECONDS);
        restarted = start();
    }

    @AfterAll
    void stopTheApp() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(3)
    void aRunCutShortByAKillIsFailedWithTheReasonAfterTheRestart() {
        // after the publication's test, which finishes the publication that would refuse a new run
        JsonNode run = killedRunAfterRestart;
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("reason").asText()).contains("the application stopped while this run was solving");
        assertThat(run.get("endedAt").isNull()).isFalse();
        Http.Answer next = restarted.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 1}");
        assertThat(next.status()).as("the lock is free: " + next.body()).isEqualTo(202);
        String nextId = next.json().get("id").asText();
        await().atMost(START_PATIENCE).until(() -> status(restarted, nextId).equals("COMPLETED"));
    }

    @Test
    @Order(4)
    void everyAcknowledgedWriteSurvivesAKillRightAfterIt() {
        assertThat(acknowledgedAfterRestart)
                .as("every request the app said it saved, up to the last one before the kill")
                .containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    @Order(1)
    void anImportCutShortByAKillLeavesEachRecordWhollyThereOrWhollyAbsent() {
        assertThat(importStatusAtKill).as("the kill came while the import was writing").isEqualTo(-1);
        JsonNode journalled = restarted.get("/api/v1/import/history").json().get(0);
        assertThat(journalled.get("requests").asInt()).isEqualTo(IMPORTED);
        assertThat(journalled.get("status").asText()).as("the admin sees the import cut short")
                .isEqualTo("INTERRUPTED");
        assertThat(journalled.get("reason").asText()).contains("Send the same import again");

        List<JsonNode> stored = imported(allRequests(restarted));
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
        Http.Answer again = restarted.postJson("/api/v1/import", importBody);
        assertThat(again.status()).as("re-sending the import completes it: " + again.body()).isEqualTo(200);
        assertThat(again.json().get("created").asInt() + again.json().get("updated").asInt()).isEqualTo(IMPORTED);
        assertThat(imported(allRequests(restarted))).hasSize(IMPORTED);
        assertThat(restarted.get("/api/v1/import/history").json().get(0).get("status").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    @Order(2)
    void aPublicationCutShortByAKillIsShownAndPublishingAgainFinishesItTellingEveryoneOnce() throws Exception {
        assertThat(publishStatusAtKill).as("the kill came while publishing").isEqualTo(-1);
        JsonNode run = restarted.get("/api/v1/matching-runs/" + publishedRunId).json();
        assertThat(run.get("publishedAt").isNull()).isFalse();
        assertThat(run.get("publishCompletedAt").isNull()).as("the admin sees the publication unfinished").isTrue();
        int proposedAfterKill = restarted.get("/api/v1/requests?status=PROPOSED&size=1").json()
                .get("totalElements").asInt();
        System.out.println("Requests proposed when the publication was killed: " + proposedAfterKill);

        Http.Answer again = restarted.post("/api/v1/matching-runs/" + publishedRunId + "/publish",
                "application/json", new byte[0]);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(restarted.get("/api/v1/matching-runs/" + publishedRunId).json().get("publishCompletedAt").isNull())
                .isFalse();
        JsonNode places = restarted.get("/api/v1/admin/consistency").json();
        assertThat(places.get("consistent").asBoolean()).as("every mentor's places agree with the offers: %s", places)
                .isTrue();

        // the restarted app's own store, read directly
        Matcher address = EMBEDDED_STORE.matcher(app.log());
        assertThat(address.find()).as("the app names its embedded store's address").isTrue();
        try (MongoClient client = MongoClients.create("mongodb://" + address.group(1))) {
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
            for (Document proposal : db.getCollection("proposals").find(new Document("runId", publishedRunId))) {
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

    @Test
    @Order(5)
    void aSigtermDuringARunSavesItsBestSolutionAsCancelled() {
        assertThat(stoppedWithinAMinute).as("the app stops within a minute of SIGTERM").isTrue();
        JsonNode run = stoppedRunAfterRestart;
        assertThat(run.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(run.get("reason").asText()).isEqualTo("the application shut down");
        int matched = run.get("matchedCount").asInt();
        assertThat(matched).isPositive();
        assertThat(stoppedRunProposals.get("proposals")).as("the best solution so far is kept").hasSize(matched);
    }

    /** The import cut short: {@value #IMPORTED} new requests, their names kept in {@link #sentNames}. */
    private String importOfNewRequests() {
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
        return body.append("]}").toString();
    }

    /** The requests of the import cut short, not those of the community or those saved one by one. */
    private static List<JsonNode> imported(List<JsonNode> requests) {
        return requests.stream().filter(request -> request.get("externalId").asText().startsWith("r-c")).toList();
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
    private Http start() throws IOException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-app-" + System.nanoTime() + ".log");
        // runs search on after their proven optimum, so that a kill or a SIGTERM can come mid-run
        app = AppProcess.start(port, log, "--mentoring.data-dir=" + dataDir, "--mentoring.demo-data=false",
                "--mentoring.runs.search-after-proof=true");
        return app.http();
    }
}
