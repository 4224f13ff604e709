package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.RequestInput;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The load test: not part of {@code ./mvnw verify}; run it with {@code ./mvnw -B -Pload -pl mentoring-web -am verify}
 * (see docs/benchmarks.md). Starts the app on loopback with an on-disk embedded store, imports a community of 2,000
 * requests and 400 mentors, starts a run over them, and for {@value #SECONDS} s lets {@value #CLIENTS} clients read
 * requests, runs and proposals while a tenth of them submit new requests. Writes latencies (p50, p99), throughput
 * and errors per kind of call to {@code target/load-results.md}, and checks that nothing failed and no write was
 * lost.
 */
class LoadTest {

    static final int CLIENTS = Integer.getInteger("load.clients", 50);
    static final int SECONDS = Integer.getInteger("load.seconds", 60);

    @Test
    void fiftyClientsForAMinuteWhileARunSolves() throws Exception {
        Path dataDir = Files.createTempDirectory("mentoring-load");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MentoringApplication.class).run(
                "--server.port=0", "--mentoring.data-dir=" + dataDir, "--mentoring.demo-data=false",
                "--logging.level.org.mentoring=WARN",
                // the run searches on after its proven optimum, so that it solves while the clients call
                "--mentoring.runs.search-after-proof=true",
                "--" + Http.ADMIN_EMAIL_PROPERTY, "--" + Http.ADMIN_PASSWORD_PROPERTY)) {
            Http http = new Http(((ServletWebServerApplicationContext) app).getWebServer().getPort()).asAdmin();
            CommunityGenerator.Community community = new CommunityGenerator(11).generate(2000, 400);
            String body = new ObjectMapper().writeValueAsString(Map.of(
                    "mentors", community.mentors().stream().map(MentorInput::of).toList(),
                    "requests", community.requests().stream().map(RequestInput::of).toList()));
            Http.Answer imported = http.postJson("/api/v1/import", body);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);

            Http.Answer started = http.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 30}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String runId = started.json().get("id").asText();

            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            AtomicInteger submitted = new AtomicInteger();
            Instant end = Instant.now().plusSeconds(SECONDS);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    Http own = http;
                    int n = 0;
                    while (Instant.now().isBefore(end)) {
                        String kind;
                        Function<Http, Http.Answer> call;
                        int expected;
                        if (client % 10 == 0) {
                            String id = "r-load-" + client + "-" + n++;
                            kind = "POST /requests";
                            expected = 201;
                            call = h -> h.postJson("/api/v1/requests", newRequest(id));
                            submitted.incrementAndGet();
                        } else {
                            int pick = ThreadLocalRandom.current().nextInt(4);
                            int page = ThreadLocalRandom.current().nextInt(40);
                            expected = 200;
                            switch (pick) {
                                case 0 -> {
                                    kind = "GET /requests?page";
                                    call = h -> h.get("/api/v1/requests?size=50&page=" + page);
                                }
                                case 1 -> {
                                    kind = "GET /requests/{id}";
                                    call = h -> h.get("/api/v1/requests/" + community.requests()
                                            .get(ThreadLocalRandom.current().nextInt(2000)).externalId());
                                }
                                case 2 -> {
                                    kind = "GET /matching-runs/{id}";
                                    call = h -> h.get("/api/v1/matching-runs/" + runId);
                                }
                                default -> {
                                    kind = "GET /matching-runs/{id}/proposals";
                                    call = h -> h.get("/api/v1/matching-runs/" + runId + "/proposals");
                                }
                            }
                        }
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = call.apply(own).status();
                        } catch (RuntimeException e) {
                            status = -1;
                        }
                        long micros = (System.nanoTime() - t0) / 1000;
                        boolean proposalsNotReady = kind.endsWith("proposals") && status == 409;
                        if (status != expected && !proposalsNotReady) {
                            errors.computeIfAbsent(kind + " " + status, k -> new AtomicInteger()).incrementAndGet();
                        }
                        latencies.computeIfAbsent(proposalsNotReady ? kind + " (409 while solving)" : kind,
                                k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            clients.shutdown();

            String runStatus = http.get("/api/v1/matching-runs/" + runId).json().get("status").asText();
            int stored = http.get("/api/v1/requests?size=1").json().get("totalElements").asInt();
            String report = report(latencies, errors, runStatus, stored, submitted.get());
            Files.writeString(Path.of("target", "load-results.md"), report);
            System.out.println(report);

            assertThat(errors).as("errors").isEmpty();
            assertThat(stored).as("no lost write").isEqualTo(2000 + submitted.get());
        }
    }

    private static String newRequest(String id) {
        return """
                {"externalId": "%s", "name": "Load %s", "email": "%s@example.org", "country": "BR",
                 "timeZone": "America/Sao_Paulo", "careerStage": "STUDENT", "languages": ["pt"],
                 "domains": ["methods"], "startDate": "2026-03-01", "durationMonths": 6,
                 "weeklyAvailability": [{"day": "MON", "start": "10:00", "end": "11:00"}]}
                """.formatted(id, id, id);
    }

    private static String report(Map<String, List<Long>> latencies, Map<String, AtomicInteger> errors,
            String runStatus, int stored, int submitted) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d clients, %d s, run %s at the end, %d requests stored "
                + "(2,000 imported + %d submitted)%n%n", CLIENTS, SECONDS, runStatus, stored, submitted));
        out.append("| call | count | per second | p50 ms | p99 ms | max ms |\n|---|--:|--:|--:|--:|--:|\n");
        long total = 0;
        for (Map.Entry<String, List<Long>> entry : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            total += sorted.size();
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", entry.getKey(),
                    sorted.size(), sorted.size() / (double) SECONDS, percentile(sorted, 50) / 1000.0,
                    percentile(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0));
        }
        out.append(String.format(Locale.ROOT, "%nAll calls: %d, %.1f per second. Errors: %s%n", total,
                total / (double) SECONDS, errors.isEmpty() ? "none" : errors));
        return out.toString();
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
