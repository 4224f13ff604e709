package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mentoring.backup.BackupService;
import org.mentoring.backup.RestoreReport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A backup of one instance restored into another, each app on its own in-memory store: every collection and every
 * document comes back equal, ids, dates and numbers of the same BSON types. One restore writes at a time, and one cut
 * short by the end of its process is reported after the restart and replaced by the next.
 *
 * <p>One source instance serves the class: its backups are taken as its data grows (a small one, a large one, then
 * the full one of the first test), each with a snapshot of the store at that moment. An empty instance refuses the
 * broken archives, keeps nothing of them, and then takes the restore that another one waits behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRoundTripTest {

    /** The collection of the restore marker, which holds no data of the store. */
    private static final String RESTORE_LOCK = "restoreLock";
    /** Where a restore writes the mentors before they replace the live ones. */
    private static final String STAGING_MENTORS = "restoreStaging.mentors";

    /** The instance backed up: the sample import, then the CSV files, then (in the first test) a published run. */
    private ConfigurableApplicationContext source;
    /** A backup of the source holding the sample import only. */
    private byte[] small;
    /** The source's store when {@link #small} was taken. */
    private Map<String, List<Document>> smallContent;
    /** A backup of the source holding the sample import and the CSV files. */
    private byte[] large;
    /** An instance with nothing but its admin, until the second restore test fills it. */
    private ConfigurableApplicationContext empty;

    @BeforeAll
    void backUpASourceAsItGrows() throws Exception {
        source = start();
        Http sourceHttp = http(source);
        assertThat(sourceHttp.postJson("/api/v1/import", Samples.IMPORT).status()).isEqualTo(200);
        small = download(source, "/api/v1/admin/backup").body();
        smallContent = snapshot(source);
        assertThat(sourceHttp.postFiles("/api/v1/import",
                Map.of("mentors", Samples.MENTORS_CSV, "requests", Samples.REQUESTS_CSV)).status())
                .isEqualTo(200);
        large = download(source, "/api/v1/admin/backup").body();
        empty = start();
    }

    @AfterAll
    void stopTheInstances() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {empty, source}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    @Order(1)
    void aBackupRestoredIntoAnEmptyInstanceLosesNothing() throws Exception {
        try (ConfigurableApplicationContext target = start()) {
            // the source holds the sample import and the CSV files
            Http sourceHttp = http(source);
            String run = completeARun(sourceHttp);
            Http.Answer published = sourceHttp.postJson("/api/v1/matching-runs/" + run + "/publish", "");
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            assertThat(sourceHttp.send("PUT", "/api/v1/settings/direct-asks", null, "{\"enabled\": false}").status())
                    .isEqualTo(200);

            HttpResponse<byte[]> backup = download(source, "/api/v1/admin/backup");
            assertThat(backup.statusCode()).isEqualTo(200);
            assertThat(backup.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(backup.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("attachment", "mentoring-backup-");
            Map<String, List<Document>> before = snapshot(source);
            assertThat(before.keySet()).contains("mentors", "requests", "accounts", "audit_events",
                    "counters", "mentorPlaces", "settings", "code_lists");
            assertThat(before.get("mentors")).hasSize(3);
            assertThat(before.keySet()).anySatisfy(name -> assertThat(name).containsIgnoringCase("proposal"));

            Http.Answer restored = upload(http(target), backup.body());

            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
            long total = before.values().stream().mapToLong(List::size).sum();
            assertThat(restored.json().get("documents").asLong()).isEqualTo(total);
            Map<String, List<Document>> after = snapshot(target);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            for (String collection : before.keySet()) {
                List<Document> expected = before.get(collection);
                List<Document> actual = new ArrayList<>(after.get(collection));
                if (collection.equals("audit_events")) {
                    assertThat(actual).as("the restore is recorded after what the backup holds")
                            .anySatisfy(event -> assertThat(event.getString("action")).isEqualTo("backup.restore"));
                    actual.removeIf(event -> "backup.restore".equals(event.getString("action")));
                }
                assertThat(actual).as(collection).isEqualTo(expected);
            }
            Document mentor = after.get("mentors").get(0);
            assertThat(mentor.get("_id")).isInstanceOf(before.get("mentors").get(0).get("_id").getClass());
            assertThat(after.get("mentors").stream().flatMap(d -> d.values().stream()))
                    .anySatisfy(value -> assertThat(value).isInstanceOf(Date.class));

            Http targetHttp = http(target);
            assertThat(targetHttp.get("/api/v1/mentors/m-102").json().get("name").asText())
                    .isEqualTo("Dr. Okafor, PhD");
        }
    }

    @Test
    @Order(2)
    void aRestoreIntoAStoreWithDataIsRefusedAndABrokenArchiveWritesNothing() throws Exception {
        ConfigurableApplicationContext app = empty;
        Http http = http(app);
        Http.Answer notAnArchive = upload(http, "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnArchive.status()).as(notAnArchive.body()).isEqualTo(422);
        assertThat(notAnArchive.json().get("detail").asText()).contains("archive");

        Http.Answer incomplete = upload(http, zip(Map.of("audit_events.jsonl", "{\"_id\": \"e-1\"}\n",
                "manifest.json", "{\"format\": \"mentoring-backup\", \"version\": 1, \"createdAt\": "
                        + "\"2026-01-01T00:00:00Z\", \"collections\": {\"audit_events\": 2}}")));
        assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(422);
        assertThat(incomplete.json().get("detail").asText()).contains("differ from its manifest");
        assertThat(snapshot(app).getOrDefault("mentors", List.of())).isEmpty();
        assertThat(app.getBean(MongoTemplate.class).collectionExists(RESTORE_LOCK))
                .as("not even the restore marker was written").isFalse();
        assertThat(http.get("/api/v1/admin/restore/status").json().get("state").asText()).isEqualTo("IDLE");

        // a store with data: the source's, its own backup sent back to it
        HttpResponse<byte[]> backup = download(source, "/api/v1/admin/backup");
        Map<String, List<Document>> before = snapshot(source);

        Http.Answer refused = upload(http(source), backup.body());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("store-not-empty");
        assertThat(snapshot(source)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aSecondRestoreWhileOneWritesIsRefusedWithoutWritingAndTheFirstStillCompletes() throws Exception {
        // the empty instance, which the broken archives left as it was
        ConfigurableApplicationContext target = empty;
        byte[] archive = small;
        Map<String, List<Document>> archived = smallContent;
        StallingArchive stalling = new StallingArchive(archive, target.getBean(MongoTemplate.class));
        ExecutorService restorer = Executors.newSingleThreadExecutor();
        try {
            Future<RestoreReport> first = restorer.submit(
                    () -> target.getBean(BackupService.class).restore(stalling, "first@example.org"));
            assertThat(stalling.stalled.await(60, TimeUnit.SECONDS)).as("the first restore is writing").isTrue();
            Http http = http(target);
            Http.Answer running = http.get("/api/v1/admin/restore/status");
            assertThat(running.json().get("state").asText()).isEqualTo("RUNNING");
            assertThat(running.json().get("startedBy").asText()).isEqualTo("first@example.org");
            Map<String, List<Document>> whileWriting = snapshot(target);
            assertThat(whileWriting.getOrDefault("mentors", List.of()))
                    .as("the live collections wait until every staging collection is complete").isEmpty();

            Http.Answer second = upload(http, archive);

            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.json().get("code").asText()).isEqualTo("restore-in-progress");
            assertThat(second.json().get("detail").asText()).contains("first@example.org");
            assertThat(snapshot(target)).isEqualTo(whileWriting);

            stalling.release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS).total())
                    .isEqualTo(archived.values().stream().mapToLong(List::size).sum());
            assertThat(snapshot(target)).isEqualTo(archived);
            assertThat(http.get("/api/v1/admin/restore/status").json().get("state").asText()).isEqualTo("IDLE");
        } finally {
            stalling.release.countDown();
            restorer.shutdownNow();
        }
    }

    @Test
    @Order(4)
    @ExtendWith(OutputCaptureExtension.class)
    void aRestoreCutShortIsReportedAfterTheRestartAndTheNextRestoreReplacesWhatItLeft(@TempDir Path dataDir,
            CapturedOutput output) throws Exception {
        StallingArchive stalling;
        ExecutorService restorer = Executors.newSingleThreadExecutor();
        try {
            try (ConfigurableApplicationContext first = start("--mentoring.data-dir=" + dataDir)) {
                stalling = new StallingArchive(large, first.getBean(MongoTemplate.class));
                restorer.submit(() -> first.getBean(BackupService.class).restore(stalling, "first@example.org"));
                assertThat(stalling.stalled.await(60, TimeUnit.SECONDS)).as("the restore is writing").isTrue();
            }
            try (ConfigurableApplicationContext app = start("--mentoring.data-dir=" + dataDir)) {
                assertThat(output.getOut()).contains("A restore started by first@example.org at",
                        "did not finish (the application stopped while it was writing)");
                Http http = http(app);
                JsonNode status = http.get("/api/v1/admin/restore/status").json();
                assertThat(status.get("state").asText()).isEqualTo("INTERRUPTED");
                assertThat(status.get("startedBy").asText()).isEqualTo("first@example.org");
                assertThat(Instant.parse(status.get("startedAt").asText())).isBefore(Instant.now());
                assertThat(status.get("problem").asText()).contains("the application stopped while it was writing");
                assertThat(app.getBean(BackupService.class).holdsData())
                        .as("the live collections were not touched: the backup was still going into staging").isFalse();
                assertThat(app.getBean(MongoTemplate.class).getCollection(STAGING_MENTORS).countDocuments())
                        .as("part of the large backup, in staging").isPositive();
                assertThat(dashboard(app)).contains("A restore did not finish", "first@example.org");

                Http.Answer restored = upload(http, small);

                assertThat(restored.status()).as(restored.body()).isEqualTo(200);
                assertThat(restored.json().get("replacedInterruptedRestore").get("startedBy").asText())
                        .isEqualTo("first@example.org");
                Map<String, List<Document>> after = snapshot(app);
                List<Document> events = new ArrayList<>(after.get("audit_events"));
                assertThat(events).anySatisfy(event -> assertThat(event.getString("detail"))
                        .contains("replaced what the interrupted restore started by first@example.org"));
                events.removeIf(event -> "backup.restore".equals(event.getString("action")));
                after.put("audit_events", events);
                after.values().removeIf(List::isEmpty);
                Map<String, List<Document>> expected = new TreeMap<>(smallContent);
                expected.values().removeIf(List::isEmpty);
                assertThat(after).as("the store equals the small backup, nothing of the large one left")
                        .isEqualTo(expected);
                assertThat(http.get("/api/v1/admin/restore/status").json().get("state").asText()).isEqualTo("IDLE");
                assertThat(dashboard(app)).doesNotContain("A restore did not finish");
            }
        } finally {
            restorer.shutdownNow();
        }
    }

    @Test
    @Order(5)
    void onlyAnAdminMayBackUpOrRestore() {
        Http anonymous = new Http(port(source));
        assertThat(anonymous.get("/api/v1/admin/backup").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/admin/restore", "multipart/form-data; boundary=x", new byte[0])
                .status()).isEqualTo(401);
    }

    private static String completeARun(Http http) throws InterruptedException {
        // the run stops at its proven optimum: a longer limit costs nothing, while on a loaded machine a limit of 1 s
        // can end it before its flow, with no one matched and nothing published
        Http.Answer started = http.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 30, \"seed\": 3}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Set.of("QUEUED", "SOLVING").contains(http.get("/api/v1/matching-runs/" + id).json()
                .get("status").asText())) {
            assertThat(Instant.now()).as("run %s ends", id).isBefore(deadline);
            Thread.sleep(200);
        }
        return id;
    }

    /** Every document of every collection, sorted by id; the restore marker's collection holds no data. */
    private static Map<String, List<Document>> snapshot(ConfigurableApplicationContext app) {
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        Map<String, List<Document>> all = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        mongo.getDb().listCollectionNames().forEach(names::add);
        names.remove(RESTORE_LOCK);
        names.removeIf(name -> name.startsWith("restoreStaging."));
        for (String name : names) {
            List<Document> documents = new ArrayList<>();
            mongo.getCollection(name).find().forEach(documents::add);
            documents.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
            all.put(name, documents);
        }
        return all;
    }

    private static HttpResponse<byte[]> download(ConfigurableApplicationContext app, String path)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(app) + path))
                .header("Authorization", basic()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Http.Answer upload(Http http, byte[] archive) {
        String boundary = "----backup" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"archive\"; "
                + "filename=\"backup.zip\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(archive);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.post("/api/v1/admin/restore", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((Http.ADMIN_EMAIL + ":" + Http.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static ConfigurableApplicationContext start() {
        return start("--mentoring.embedded-in-memory=true");
    }

    private static ConfigurableApplicationContext start(String store) {
        return new SpringApplicationBuilder(MentoringApplication.class).run(
                "--server.port=0",
                store,
                "--mentoring.demo-data=false",
                "--" + Http.ADMIN_EMAIL_PROPERTY,
                "--" + Http.ADMIN_PASSWORD_PROPERTY);
    }

    /** The admin dashboard page as the first admin sees it. */
    private static String dashboard(ConfigurableApplicationContext app) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        return mvc.perform(MockMvcRequestBuilders.get("/admin")
                        .with(SecurityMockMvcRequestPostProcessors.user(PageUsers.COORDINATOR)))
                .andReturn().getResponse().getContentAsString();
    }

    /**
     * An uploaded archive whose second reading, the one a restore writes from, stops once the staging collection holds
     * mentors (some collections written, others not), until released.
     */
    private static final class StallingArchive implements InputStreamSource {

        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final byte[] bytes;
        private final MongoTemplate mongo;
        private final AtomicInteger openings = new AtomicInteger();

        StallingArchive(byte[] bytes, MongoTemplate mongo) {
            this.bytes = bytes;
            this.mongo = mongo;
        }

        @Override
        public InputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(bytes);
            if (openings.incrementAndGet() == 1) {
                return in;
            }
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    stallOnce();
                    return super.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    stallOnce();
                    return super.read(buffer, offset, length);
                }
            };
        }

        private void stallOnce() throws IOException {
            if (stalled.getCount() > 0 && mongo.getCollection(STAGING_MENTORS).countDocuments() > 0) {
                stalled.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("stopped while stalled", e);
                }
            }
        }
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(port(app)).asAdmin();
    }
}
