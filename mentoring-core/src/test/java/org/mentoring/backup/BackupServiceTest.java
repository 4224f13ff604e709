package org.mentoring.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.EmbeddedMongoTestConfiguration;
import org.mentoring.matching.MatchingTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Restores against an in-memory MongoDB: the archive streamed in two passes, the restore lock, and the marker an
 * interrupted restore leaves, under both rules for "stopped" (the embedded store's start-up, a shared store's
 * heartbeat).
 */
@DataMongoTest
@ContextConfiguration(classes = MatchingTestApplication.class)
@Import(EmbeddedMongoTestConfiguration.class)
class BackupServiceTest {

    private static final Duration STALE_AFTER = Duration.ofMinutes(2);

    @Autowired
    private MongoTemplate mongo;

    private BackupService shared;
    private RestoreLock lock;

    @BeforeEach
    void emptyStore() {
        mongo.getDb().drop();
        shared = new BackupService(mongo, false, STALE_AFTER);
        lock = new RestoreLock(mongo);
    }

    @Test
    void aLargeArchiveIsWrittenBatchByBatchWhileItIsReadTheSecondTime() throws Exception {
        List<Document> notes = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            notes.add(new Document("_id", i).append("text", "note " + i + " " + Integer.toHexString(i * 7919))
                    .append("at", new Date(1_700_000_000_000L + i * 60_000L)).append("weight", (long) i * 3));
        }
        mongo.getCollection("notes").insertMany(notes);
        mongo.getCollection("accounts").insertOne(new Document("_id", "a-1").append("email", "a@example.org"));
        byte[] archive = backup(shared);
        mongo.getDb().drop();
        ObservedArchive source = new ObservedArchive(archive, () -> mongo.getCollection("notes").countDocuments());

        RestoreReport report = shared.restore(source, "admin@example.org");

        assertThat(report.total()).isEqualTo(50_001);
        assertThat(report.documents()).containsEntry("notes", 50_000L).containsEntry("accounts", 1L);
        assertThat(report.replaced()).isNull();
        assertThat(source.openings.get()).as("read twice, never kept").isEqualTo(2);
        assertThat(source.notesAtHalfOfEachReading.get(0)).as("the check writes nothing").isZero();
        assertThat(source.notesAtHalfOfEachReading.get(1))
                .as("half way through the second reading, part of the documents is written, not all")
                .isBetween((long) BackupService.INSERT_BATCH, 49_000L);
        assertThat(storeDocuments()).isEqualTo(archiveDocuments(archive));
        assertThat(shared.restoreStatus()).isEqualTo(RestoreStatus.IDLE);
    }

    @Test
    void theArchiveMayHoldItsManifestFirst() throws Exception {
        Map<String, String> manifestFirst = new LinkedHashMap<>();
        manifestFirst.put(BackupService.MANIFEST, manifest(Map.of("mentors", 2)));
        manifestFirst.put("mentors.jsonl",
                "{\"_id\": \"m-1\"}\n{\"_id\": \"m-2\", \"since\": {\"$date\": \"2026-01-01T00:00:00Z\"}}\n");
        byte[] archive = zip(manifestFirst);

        RestoreReport report = shared.restore(source(archive), "admin@example.org");

        assertThat(report.documents()).isEqualTo(Map.of("mentors", 2L));
        assertThat(mongo.getCollection("mentors").find(new Document("_id", "m-2")).first().get("since"))
                .isEqualTo(Date.from(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void aRestoreWhileAnotherWritesIsRefusedAndWritesNothing() {
        Instant now = Instant.now();
        assertThat(lock.tryAcquire(new RestoreLock.Marker("t-1", "first@example.org", now, now, "other-instance",
                null))).isTrue();
        ObservedArchive source = new ObservedArchive(new byte[0], () -> 0L);

        assertThatThrownBy(() -> shared.restore(source, "second@example.org"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("restore-in-progress");
                    assertThat(e.getMessage()).contains("first@example.org");
                });

        assertThat(source.openings.get()).isZero();
        assertThat(shared.collections()).isEmpty();
        RestoreStatus status = shared.restoreStatus();
        assertThat(status.state()).isEqualTo(RestoreStatus.State.RUNNING);
        assertThat(status.startedBy()).isEqualTo("first@example.org");
    }

    @Test
    void ofRestoresStartingTogetherOneTakesTheLockAndOneTheStaleMarker() throws Exception {
        Instant now = Instant.now();
        assertThat(together(8, i -> lock.tryAcquire(
                new RestoreLock.Marker("t-" + i, "admin" + i, now, now, "instance", null)))).isEqualTo(1);
        String holder = lock.find().orElseThrow().token();

        assertThat(together(8, i -> lock.tryTakeOver(holder,
                new RestoreLock.Marker("n-" + i, "admin" + i, now, now, "instance", null)))).isEqualTo(1);

        assertThat(lock.find().orElseThrow().token()).startsWith("n-");
        assertThat(mongo.getCollection(RestoreLock.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void onASharedStoreARestoreWhoseHeartbeatStoppedIsReportedAndReplaced() throws Exception {
        byte[] archive = archiveOfASmallCommunity();
        Instant longAgo = Instant.now().minus(STALE_AFTER).minusSeconds(60);
        lock.tryAcquire(new RestoreLock.Marker("t-dead", "gone@example.org", longAgo.minusSeconds(30), longAgo,
                "dead-instance", null));
        mongo.getCollection("mentors").insertOne(new Document("_id", "m-left-over"));
        mongo.getCollection("leftovers").insertOne(new Document("_id", 1));
        assertThat(shared.holdsData()).isTrue();

        RestoreStatus status = shared.restoreStatus();

        assertThat(status.state()).isEqualTo(RestoreStatus.State.INTERRUPTED);
        assertThat(status.startedBy()).isEqualTo("gone@example.org");
        assertThat(status.lastSignOfLife()).isEqualTo(longAgo.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(status.problem()).contains("dead-instance", "no sign of life");
        assertThat(shared.reportInterruptedRestore().interrupted()).isTrue();

        RestoreReport report = shared.restore(source(archive), "admin@example.org");

        assertThat(report.replaced().startedBy()).isEqualTo("gone@example.org");
        assertThat(storeDocuments()).isEqualTo(archiveDocuments(archive));
        assertThat(shared.restoreStatus()).isEqualTo(RestoreStatus.IDLE);
        assertThat(mongo.getCollection(RestoreLock.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void onASharedStoreARestoreWithAFreshHeartbeatIsRunningWhateverItsAge() {
        Instant now = Instant.now();
        lock.tryAcquire(new RestoreLock.Marker("t-live", "busy@example.org", now.minus(Duration.ofHours(1)), now,
                "other-instance", null));

        assertThat(shared.restoreStatus().state()).isEqualTo(RestoreStatus.State.RUNNING);
        assertThatThrownBy(() -> shared.restore(source(archiveOfASmallCommunity()), "admin@example.org"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("restore-in-progress"));
    }

    @Test
    void withTheEmbeddedStoreARestoreBegunBeforeThisStartIsInterruptedWhateverItsHeartbeat() throws Exception {
        Instant beforeStart = Instant.now().minusSeconds(1);
        BackupService embedded = new BackupService(mongo, true, STALE_AFTER);
        Instant now = Instant.now();
        lock.tryAcquire(new RestoreLock.Marker("t-old", "before@example.org", beforeStart, now, "old-process",
                null));
        mongo.getCollection("mentors").insertOne(new Document("_id", "m-left-over"));

        RestoreStatus status = embedded.reportInterruptedRestore();

        assertThat(status.state()).isEqualTo(RestoreStatus.State.INTERRUPTED);
        assertThat(status.problem()).contains("the application stopped while it was writing");
        byte[] archive = archiveOfASmallCommunity();
        embedded.restore(source(archive), "admin@example.org");
        assertThat(storeDocuments()).isEqualTo(archiveDocuments(archive));

        Instant later = Instant.now();
        lock.tryAcquire(new RestoreLock.Marker("t-new", "other@example.org", later, later, "second-instance", null));
        assertThat(embedded.restoreStatus().state()).as("an instance sharing the embedded store since this start")
                .isEqualTo(RestoreStatus.State.RUNNING);
    }

    @Test
    void aRestoreThatFailsWhileWritingLeavesItsMarkerAndTheNextReplacesWhatItWrote() throws Exception {
        byte[] duplicateIds = zip(Map.of("mentors.jsonl", "{\"_id\": \"m-1\"}\n{\"_id\": \"m-1\"}\n",
                BackupService.MANIFEST, manifest(Map.of("mentors", 2))));

        assertThatThrownBy(() -> shared.restore(source(duplicateIds), "admin@example.org"))
                .isInstanceOf(RuntimeException.class).isNotInstanceOf(InvalidInputException.class);

        RestoreStatus status = shared.restoreStatus();
        assertThat(status.state()).isEqualTo(RestoreStatus.State.INTERRUPTED);
        assertThat(status.startedBy()).isEqualTo("admin@example.org");
        assertThat(status.problem()).startsWith("it failed while writing");
        assertThat(shared.holdsData()).isTrue();
        byte[] archive = archiveOfASmallCommunity();
        RestoreReport report = shared.restore(source(archive), "admin@example.org");
        assertThat(report.replaced().state()).isEqualTo(RestoreStatus.State.INTERRUPTED);
        assertThat(storeDocuments()).isEqualTo(archiveDocuments(archive));
        assertThat(shared.restoreStatus()).isEqualTo(RestoreStatus.IDLE);
    }

    @Test
    void aRestoreWhoseMarkerAnotherRestoreReplacedStopsWriting() throws Exception {
        List<Document> notes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            notes.add(new Document("_id", i).append("text", "note " + i + " " + Integer.toHexString(i * 7919)));
        }
        mongo.getCollection("notes").insertMany(notes);
        byte[] archive = backup(shared);
        mongo.getDb().drop();
        ObservedArchive source = new ObservedArchive(archive, () -> {
            RestoreLock.Marker marker = lock.find().orElse(null);
            if (marker != null) {
                Instant now = Instant.now();
                lock.tryTakeOver(marker.token(), new RestoreLock.Marker("t-other", "other@example.org", now, now,
                        "other-instance", null));
            }
            return mongo.getCollection("notes").countDocuments();
        });

        assertThatThrownBy(() -> shared.restore(source, "admin@example.org"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("restore-in-progress"));

        long writtenWhenReplaced = source.notesAtHalfOfEachReading.get(1);
        assertThat(writtenWhenReplaced).isLessThan(5_000L);
        assertThat(mongo.getCollection("notes").countDocuments()).as("no batch after the marker was replaced")
                .isEqualTo(writtenWhenReplaced);
        assertThat(lock.find().orElseThrow().startedBy()).isEqualTo("other@example.org");
    }

    @Test
    void aBrokenArchiveWritesNothingNotEvenTheMarker() throws Exception {
        Map<byte[], String> broken = new LinkedHashMap<>();
        broken.put("not a zip".getBytes(StandardCharsets.UTF_8), "has no manifest.json");
        broken.put(zip(Map.of("mentors.jsonl", "{\"_id\": \"m-1\"}\n",
                BackupService.MANIFEST, manifest(Map.of("mentors", 2)))), "differ from its manifest");
        broken.put(zip(Map.of("mentors.jsonl", "{\"_id\": \"m-1\"}\n{oops\n",
                BackupService.MANIFEST, manifest(Map.of("mentors", 2)))), "mentors.jsonl line 2 is not a document");
        broken.put(zip(Map.of("mentors.jsonl", "{\"_id\": \"m-1\"}\n")), "has no manifest.json");
        broken.put(zip(Map.of("mentors.jsonl", "{\"_id\": \"m-1\"}\n", "notes.txt", "hello",
                BackupService.MANIFEST, manifest(Map.of("mentors", 1)))), "'notes.txt', which is no part of a backup");
        broken.put(zip(Map.of("restoreLock.jsonl", "{\"_id\": \"restore\"}\n",
                BackupService.MANIFEST, manifest(Map.of("restoreLock", 1)))), "'restoreLock.jsonl', which is no part");
        broken.put(twice("mentors.jsonl", "{\"_id\": \"m-1\"}\n", manifest(Map.of("mentors", 1))),
                "holds 'mentors.jsonl' twice");

        for (Map.Entry<byte[], String> archive : broken.entrySet()) {
            assertThatThrownBy(() -> shared.restore(source(archive.getKey()), "admin@example.org"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(archive.getValue());
        }

        List<String> names = new ArrayList<>();
        mongo.getDb().listCollectionNames().forEach(names::add);
        assertThat(names).isEmpty();
    }

    @Test
    void theMarkerIsNeitherDataNorPartOfABackup() throws Exception {
        Instant now = Instant.now();
        lock.tryAcquire(new RestoreLock.Marker("t-1", "admin@example.org", now, now, "other-instance", null));
        mongo.getCollection("accounts").insertOne(new Document("_id", "a-1"));

        assertThat(shared.holdsData()).isFalse();
        assertThat(shared.collections()).containsExactly("accounts");
        Map<String, List<Document>> archived = archiveDocuments(backup(shared));
        assertThat(archived).containsOnlyKeys("accounts");
    }

    private byte[] archiveOfASmallCommunity() throws IOException {
        return zip(Map.of(
                "accounts.jsonl", "{\"_id\": \"a-1\", \"email\": \"admin@example.org\"}\n",
                "mentors.jsonl", "{\"_id\": \"m-1\", \"capacity\": {\"$numberLong\": \"2\"}}\n{\"_id\": \"m-2\"}\n",
                "requests.jsonl", "{\"_id\": {\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}, \"status\": \"OPEN\"}\n",
                BackupService.MANIFEST, manifest(Map.of("accounts", 1, "mentors", 2, "requests", 1))));
    }

    private static String manifest(Map<String, Integer> counts) {
        StringBuilder collections = new StringBuilder();
        new TreeMap<>(counts).forEach((name, count) -> collections.append(collections.isEmpty() ? "" : ", ")
                .append('"').append(name).append("\": ").append(count));
        return "{\"format\": \"mentoring-backup\", \"version\": 1, \"createdAt\": \"2026-01-01T00:00:00Z\", "
                + "\"collections\": {" + collections + "}}";
    }

    private static byte[] backup(BackupService service) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.write(out);
        return out.toByteArray();
    }

    /** An archive's entries in their order. */
    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * An archive with the same entry twice, which ZipOutputStream refuses to write: the local entries of one archive
     * followed by a whole second one, read in that order by a streaming reader.
     */
    private static byte[] twice(String name, String content, String manifest) throws IOException {
        byte[] once = zip(Map.of(name, content));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(once, 0, indexOfCentralDirectory(once));
        Map<String, String> rest = new LinkedHashMap<>();
        rest.put(name, content);
        rest.put(BackupService.MANIFEST, manifest);
        out.write(zip(rest));
        return out.toByteArray();
    }

    private static int indexOfCentralDirectory(byte[] zip) {
        for (int i = 0; i + 3 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                return i;
            }
        }
        throw new IllegalArgumentException("no central directory");
    }

    /** Every document of an archive by collection, read independently of the service, sorted by id. */
    private static Map<String, List<Document>> archiveDocuments(byte[] archive) throws IOException {
        Map<String, List<Document>> all = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".jsonl")) {
                    List<Document> documents = new ArrayList<>();
                    new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                            .forEach(line -> documents.add(Document.parse(line)));
                    documents.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
                    all.put(entry.getName().replace(".jsonl", ""), documents);
                }
            }
        }
        return all;
    }

    /** Every document of every collection that holds any, sorted by id; the restore marker's is left out. */
    private Map<String, List<Document>> storeDocuments() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : mongo.getDb().listCollectionNames()) {
            List<Document> documents = new ArrayList<>();
            mongo.getCollection(name).find().forEach(documents::add);
            if (!documents.isEmpty() && !name.equals(RestoreLock.COLLECTION)) {
                documents.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
                all.put(name, documents);
            }
        }
        return all;
    }

    private static InputStreamSource source(byte[] archive) {
        return () -> new ByteArrayInputStream(archive);
    }

    private interface Attempt {
        boolean run(int index);
    }

    /** How many of {@code threads} attempts, started together, succeeded. */
    private static int together(int threads, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<Boolean> call = () -> {
                    start.await();
                    return attempt.run(index);
                };
                results.add(pool.submit(call));
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

    /** An uploaded archive that counts its openings and, half way through each reading, how many notes are stored. */
    private static final class ObservedArchive implements InputStreamSource {

        private final byte[] bytes;
        private final Callable<Long> notes;
        final AtomicInteger openings = new AtomicInteger();
        final List<Long> notesAtHalfOfEachReading = new ArrayList<>();

        ObservedArchive(byte[] bytes, Callable<Long> notes) {
            this.bytes = bytes;
            this.notes = notes;
        }

        @Override
        public InputStream getInputStream() {
            openings.incrementAndGet();
            return new FilterInputStream(new ByteArrayInputStream(bytes)) {
                private long position;
                private boolean observed;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    advance(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = super.read(buffer, offset, length);
                    advance(Math.max(0, read));
                    return read;
                }

                private void advance(int read) throws IOException {
                    position += read;
                    if (!observed && position >= bytes.length / 2) {
                        observed = true;
                        try {
                            notesAtHalfOfEachReading.add(notes.call());
                        } catch (Exception e) {
                            throw new IOException(e);
                        }
                    }
                }
            };
        }
    }
}
