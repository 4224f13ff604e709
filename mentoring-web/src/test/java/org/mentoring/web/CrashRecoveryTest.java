package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as its own JVM, killed with {@code kill -9} (Process.destroyForcibly) during an import and during a run,
 * then started again on the same data folder: no run stays active (it is FAILED with the reason, and a new run can
 * start), and every imported record is wholly there or wholly absent.
 */
class CrashRecoveryTest {

    private static final Duration START_PATIENCE = Duration.ofSeconds(120);
    private static final int IMPORTED = 6000;

    @TempDir
    Path dataDir;

    private Process app;

    @AfterEach
    void stopTheApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunCutShortByAKillIsFailedWithTheReasonAfterTheRestart() throws Exception {
        int port = freePort();
        Http first = start(port, true);
        Http.Answer started = first.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 600}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().get("id").asText();
        await().atMost(START_PATIENCE).until(() -> status(first, runId).equals("SOLVING"));
        Thread.sleep(1000);

        kill();
        Http http = start(port, true);

        JsonNode run = http.get("/api/v1/matching-runs/" + runId).json();
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("reason").asText()).contains("the application stopped while this run was solving");
        assertThat(run.get("endedAt").isNull()).isFalse();
        Http.Answer next = http.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 1}");
        assertThat(next.status()).as("the lock is free: " + next.body()).isEqualTo(202);
        String nextId = next.json().get("id").asText();
        await().atMost(START_PATIENCE).until(() -> status(http, nextId).equals("COMPLETED"));
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
        sent.handle((status, error) -> status).get(60, TimeUnit.SECONDS);
        Http restarted = start(port, false);

        List<JsonNode> stored = allRequests(restarted);
        System.out.println("Requests stored after the kill during the import: " + stored.size() + " of " + IMPORTED);
        assertThat(stored.size()).isBetween(0, IMPORTED);
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

    /** Starts the app in its own JVM on the test's classpath and waits until it is ready. */
    private Http start(int port, boolean demoData) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-app-" + System.nanoTime() + ".log");
        app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, MentoringApplication.class.getName(),
                "--server.port=" + port,
                "--mentoring.data-dir=" + dataDir,
                "--mentoring.demo-data=" + demoData,
                "--" + Http.ADMIN_EMAIL_PROPERTY,
                "--" + Http.ADMIN_PASSWORD_PROPERTY)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Http http = new Http(port).asAdmin();
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(app.isAlive()).as("the app is running; its log: " + Files.readString(log)).isTrue();
            try {
                return http.get("/actuator/health/readiness").status() == 200;
            } catch (UncheckedIOException notYet) {
                return false;
            }
        });
        return http;
    }

    private void kill() throws InterruptedException {
        app.destroyForcibly();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
