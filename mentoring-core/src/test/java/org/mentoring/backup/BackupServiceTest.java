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
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.EmbeddedMongoTestConfiguration;
import org.mentoring.matching.MatchingTestApplication;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.store.EmbeddedMongoServer;
import org.mentoring.people.persistence.StoredPeopleCheck;
import org.mentoring.taxonomy.Taxonomy;
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
    /** A collection whose documents have few rules: the audit trail. */
    static final String NOTES = "audit_events";
    static final String HEAT = "planetary-health/climate-health/heat-health";
    static final String ADMIN = "{\"_id\": \"a-1\", \"email\": \"admin@example.org\", \"role\": \"ADMIN\","
            + " \"enabled\": true, \"passwordHash\": \"$2a$10$abcdefghijklmnopqrstuv\"}";
    static final String FRESH_ADMIN = "{\"_id\": \"a-fresh\", \"email\": \"first@example.org\", \"role\": \"ADMIN\"}";
    static final String MENTOR = "{\"_id\": \"m-1\", \"externalId\": \"m-1\", \"name\": \"Dr. Okafor\","
            + " \"email\": \"okafor@uni.example.org\", \"country\": \"NG\", \"timeZone\": \"Africa/Lagos\","
            + " \"languages\": [\"en\"], \"domains\": [\"" + HEAT + "\"], \"topics\": [], \"capacity\": 2,"
            + " \"availableFrom\": {\"$date\": \"2026-01-01T00:00:00Z\"},"
            + " \"weeklyAvailability\": [{\"day\": \"TUESDAY\", \"start\": \"09:00\", \"end\": \"11:00\"}]}";
    static final String MENTOR_2 = MENTOR.replace("m-1", "m-2").replace("okafor@", "okafor2@");
    static final String REQUEST = "{\"_id\": {\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}, \"externalId\": \"r-1\","
            + " \"name\": \"Ana\", \"email\": \"ana@uni.example.org\", \"country\": \"BR\","
            + " \"timeZone\": \"America/Sao_Paulo\", \"careerStage\": \"PHD_CANDIDATE\","
            + " \"languages\": [\"pt\", \"en\"], \"domains\": [\"" + HEAT + "\"], \"goals\": [],"
            + " \"startDate\": {\"$date\": \"2026-02-01T00:00:00Z\"},"
            + " \"durationMonths\": 6, \"minOverlapMinutes\": 60,"
            + " \"weeklyAvailability\": [{\"day\": \"TUESDAY\", \"start\": \"07:00\", \"end\": \"09:00\"}],"
            + " \"status\": \"OPEN\"}";

    @Autowired
    private MongoTemplate mongo;

    private BackupService shared;
    private RestoreLock lock;

    @BeforeEach
    void emptyStore() {
        mongo.getDb().drop();
        shared = service(false, RestoreLimits.withMaxInflated(RestoreLimits.INFLATED_BYTES));
        lock = new RestoreLock(mongo);
    }

    @Test
    void aLargeArchiveIsWrittenBatchByBatchIntoStagingWhileItIsReadTheSecondTime() throws Exception {
        List<Document> notes = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            notes.add(new Document("_id", "e-" + i).append("action", "note " + i + " " + Integer.toHexString(i * 7919))
                    .append("at", new Date(1_700_000_000_000L + i * 60_000L)).append("actor", "a@example.org"));
        }
        mongo.getCollection(NOTES).insertMany(notes);
        mongo.getCollection("accounts").insertOne(Document.parse(ADMIN));
        byte[] archive = backup(shared);
        mongo.getDb().drop();
        List<Long> liveAtHalf = new ArrayList<>();
        ObservedArchive source = new ObservedArchive(archive, () -> {
            liveAtHalf.add(mongo.getCollection(NOTES).countDocuments());
            return mongo.getCollection(BackupService.STAGING_PREFIX + NOTES).countDocuments();
        });

        RestoreReport report = shared.restore(source, "admin@example.org");

        assertThat(report.total()).isEqualTo(50_001);
        assertThat(report.documents()).containsEntry(NOTES, 50_000L).containsEntry("accounts", 1L);
        assertThat(report.replaced()).isNull();
        assertThat(source.openings.get()).as("read twice, never kept").isEqualTo(2);
        assertThat(source.notesAtHalfOfEachReading.get(0)).as("the check writes nothing").isZero();
        assertThat(source.notesAtHalfOfEachReading.get(1))
                .as("half way through the second reading, part of the documents is written, not all")
                .isBetween((long) BackupService.INSERT_BATCH, 49_000L);
        assertThat(liveAtHalf).as("the live collection is replaced only once the staging one is complete")
                .containsOnly(0L);
        assertThat(mongo.getDb().listCollectionNames().into(new ArrayList<>()))
                .noneMatch(name -> name.startsWith(BackupService.STAGING_PREFIX));
        assertThat(storeDocuments()).isEqualTo(archiveDocuments(archive));
        assertThat(shared.restoreStatus()).isEqualTo(RestoreStatus.IDLE);
    }

    @Test
    void theArchiveMayHoldItsManifestFirst() throws Exception {
        Map<String, String> manifestFirst = new LinkedHashMap<>();
        manifestFirst.put(BackupService.MANIFEST, manifest(Map.of("accounts", 1, NOTES, 2)));
        manifestFirst.put("accounts.jsonl", ADMIN + "\n");
        manifestFirst.put(NOTES + ".jsonl", "{\"_id\": \"e-1\"}\n"
                + "{\"_id\": \"e-2\", \"at\": {\"$date\": \"2026-01-01T00:00:00Z\"}}\n");
        byte[] archive = zip(manifestFirst);

        RestoreReport report = shared.restore(source(archive), "admin@example.org");

        assertThat(report.documents()).isEqualTo(Map.of("accounts", 1L, NOTES, 2L));
        assertThat(mongo.getCollection(NOTES).find(new Document("_id", "e-2")).first().get("at"))
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
        BackupService embedded = service(true, RestoreLimits.withMaxInflated(RestoreLimits.INFLATED_BYTES));
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
    void aRestoreThatFailsWhileWritingLeavesTheLiveStoreAsItWasAndItsMarkerForTheNext() throws Exception {
        mongo.getCollection("accounts").insertOne(Document.parse(FRESH_ADMIN));
        byte[] checked = archiveOfASmallCommunity();
        byte[] changed = zip(Map.of("accounts.jsonl", ADMIN + "\n", "mentors.jsonl", MENTOR + "\n" + MENTOR_2 + "\n",
                BackupService.MANIFEST, manifest(Map.of("accounts", 1, "mentors", 2))));
        AtomicInteger openings = new AtomicInteger();
        InputStreamSource changing = () -> new ByteArrayInputStream(openings.incrementAndGet() == 1 ? checked
                : changed);

        assertThatThrownBy(() -> shared.restore(changing, "admin@example.org"))
                .isInstanceOf(RuntimeException.class).isNotInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the archive changed between its check and its restore");

        RestoreStatus status = shared.restoreStatus();
        assertThat(status.state()).isEqualTo(RestoreStatus.State.INTERRUPTED);
        assertThat(status.startedBy()).isEqualTo("admin@example.org");
        assertThat(status.problem()).startsWith("it failed while writing")
                .contains("the live collections are as they were");
        assertThat(shared.holdsData()).as("no mentor reached the live store").isFalse();
        assertThat(mongo.getCollection("accounts").find().into(new ArrayList<>()))
                .containsExactly(Document.parse(FRESH_ADMIN));
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
            notes.add(new Document("_id", "e-" + i)
                    .append("action", "note " + i + " " + Integer.toHexString(i * 7919)));
        }
        mongo.getCollection(NOTES).insertMany(notes);
        mongo.getCollection("accounts").insertOne(Document.parse(ADMIN));
        byte[] archive = backup(shared);
        mongo.getDb().drop();
        ObservedArchive source = new ObservedArchive(archive, () -> {
            RestoreLock.Marker marker = lock.find().orElse(null);
            if (marker != null) {
                Instant now = Instant.now();
                lock.tryTakeOver(marker.token(), new RestoreLock.Marker("t-other", "other@example.org", now, now,
                        "other-instance", null));
            }
            return mongo.getCollection(BackupService.STAGING_PREFIX + NOTES).countDocuments();
        });

        assertThatThrownBy(() -> shared.restore(source, "admin@example.org"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("restore-in-progress"));

        long writtenWhenReplaced = source.notesAtHalfOfEachReading.get(1);
        assertThat(writtenWhenReplaced).isLessThan(5_000L);
        assertThat(mongo.getCollection(BackupService.STAGING_PREFIX + NOTES).countDocuments())
                .as("no batch after the marker was replaced").isEqualTo(writtenWhenReplaced);
        assertThat(mongo.getCollection(NOTES).countDocuments()).as("nothing replaced the live collection").isZero();
        assertThat(lock.find().orElseThrow().startedBy()).isEqualTo("other@example.org");
    }

    @Test
    void peopleAreCheckedAgainstTheArchivesOwnTaxonomyAndAFreshStoresDefaultsGiveWay() throws Exception {
        String education = "{\"_id\": \"taxonomy\", \"revision\": \"r-1\", \"name\": \"Education\","
                + " \"entries\": [{\"code\": \"pedagogy\", \"name\": \"Pedagogy\"}]}";
        String mentor = MENTOR.replace(HEAT, "pedagogy");
        new org.mentoring.taxonomy.ProgrammeTaxonomy(mongo).current();
        new org.mentoring.taxonomy.ProgrammeTaxonomy(mongo).topics();
        assertThat(mongo.getCollection("code_lists").countDocuments()).as("a fresh store's defaults").isEqualTo(2);
        Map<String, String> withoutTaxonomy = new LinkedHashMap<>();
        withoutTaxonomy.put("accounts.jsonl", ADMIN + "\n");
        withoutTaxonomy.put("mentors.jsonl", mentor + "\n");
        withoutTaxonomy.put(BackupService.MANIFEST, manifest(Map.of("accounts", 1, "mentors", 1)));

        assertThatThrownBy(() -> shared.restore(source(zip(withoutTaxonomy)), "admin@example.org"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'pedagogy' is not in the taxonomy");

        Map<String, String> withTaxonomy = new LinkedHashMap<>();
        withTaxonomy.put("accounts.jsonl", ADMIN + "\n");
        withTaxonomy.put("code_lists.jsonl", education + "\n");
        withTaxonomy.put("mentors.jsonl", mentor + "\n");
        withTaxonomy.put(BackupService.MANIFEST, manifest(Map.of("accounts", 1, "code_lists", 1, "mentors", 1)));
        shared.restore(source(zip(withTaxonomy)), "admin@example.org");

        org.mentoring.taxonomy.ProgrammeTaxonomy restored = new org.mentoring.taxonomy.ProgrammeTaxonomy(mongo);
        assertThat(restored.current().name()).isEqualTo("Education");
        assertThat(restored.current().contains("pedagogy")).isTrue();
        assertThat(restored.topics().all()).as("topics the archive lacks are the shipped ones again")
                .isEqualTo(org.mentoring.taxonomy.Topics.shipped().all());
        assertThat(mongo.getCollection("mentors").countDocuments()).isEqualTo(1);
    }

    @Test
    void aBrokenArchiveWritesNothingNotEvenTheMarker() throws Exception {
        Map<byte[], String> broken = new LinkedHashMap<>();
        broken.put("not a zip".getBytes(StandardCharsets.UTF_8), "has no manifest.json");
        broken.put(zip(Map.of("accounts.jsonl", ADMIN + "\n",
                BackupService.MANIFEST, manifest(Map.of("accounts", 2)))), "differ from its manifest");
        broken.put(zip(Map.of("accounts.jsonl", ADMIN + "\n{oops\n",
                BackupService.MANIFEST, manifest(Map.of("accounts", 2)))), "accounts.jsonl line 2 is not a document");
        broken.put(zip(Map.of("accounts.jsonl", ADMIN + "\n")), "has no manifest.json");
        broken.put(zip(Map.of("accounts.jsonl", ADMIN + "\n", "notes.txt", "hello",
                BackupService.MANIFEST, manifest(Map.of("accounts", 1)))), "'notes.txt', which is no part of a backup");
        broken.put(zip(Map.of("restoreLock.jsonl", "{\"_id\": \"restore\"}\n",
                BackupService.MANIFEST, manifest(Map.of("restoreLock", 1)))), "'restoreLock.jsonl', which is no part");
        broken.put(twice("accounts.jsonl", ADMIN + "\n", manifest(Map.of("accounts", 1))),
                "holds 'accounts.jsonl' twice");

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

    @Test
    void anArchiveWithoutAnEnabledAdminIsRefusedAndTheStoreKeepsItsAdmin() throws Exception {
        mongo.getCollection("accounts").insertOne(Document.parse(FRESH_ADMIN));
        String disabledAdmin = ADMIN.replace("\"enabled\": true", "\"enabled\": false");
        String researcher = ADMIN.replace("\"ADMIN\"", "\"RESEARCHER\"");
        for (String accounts : List.of(disabledAdmin, researcher)) {
            byte[] archive = zip(Map.of("accounts.jsonl", accounts + "\n", "mentors.jsonl", MENTOR + "\n",
                    BackupService.MANIFEST, manifest(Map.of("accounts", 1, "mentors", 1))));

            assertThatThrownBy(() -> shared.restore(source(archive), "admin@example.org"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no enabled ADMIN account");
        }
        assertNothingChanged();
    }

    @Test
    void aDuplicateIdOrUniqueEmailIsRefusedNamingTheLine() throws Exception {
        mongo.getCollection("accounts").insertOne(Document.parse(FRESH_ADMIN));
        byte[] sameId = zip(Map.of("accounts.jsonl", ADMIN + "\n", "mentors.jsonl", MENTOR + "\n"
                + MENTOR_2.replace("\"_id\": \"m-2\"", "\"_id\": \"m-1\"") + "\n",
                BackupService.MANIFEST, manifest(Map.of("accounts", 1, "mentors", 2))));
        byte[] sameEmail = zip(Map.of("accounts.jsonl", ADMIN + "\n" + ADMIN.replace("a-1", "a-2") + "\n",
                BackupService.MANIFEST, manifest(Map.of("accounts", 2))));

        assertThatThrownBy(() -> shared.restore(source(sameId), "admin@example.org"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("mentors.jsonl:2:_id"))
                .hasMessageContaining("mentors.jsonl line 2 (_id 'm-1'), _id: _id 'm-1' is already the _id of an"
                        + " earlier document");
        assertThatThrownBy(() -> shared.restore(source(sameEmail), "admin@example.org"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("accounts.jsonl:2:email"));
        assertNothingChanged();
    }

    @Test
    void theCyclesAreRestoredAndBackedUpLikeEveryCollectionOfTheApplication() throws Exception {
        String cycle = "{\"_id\": \"2027-spring\", \"name\": \"Spring 2027\","
                + " \"requestsOpen\": {\"$date\": \"2027-01-10T00:00:00Z\"},"
                + " \"requestsClose\": {\"$date\": \"2027-02-15T00:00:00Z\"},"
                + " \"startsOn\": {\"$date\": \"2027-03-01T00:00:00Z\"},"
                + " \"endsOn\": {\"$date\": \"2027-08-31T00:00:00Z\"}}";
        byte[] archive = zip(Map.of("accounts.jsonl", ADMIN + "\n", "cycles.jsonl", cycle + "\n",
                BackupService.MANIFEST, manifest(Map.of("accounts", 1, "cycles", 1))));

        shared.restore(source(archive), "admin@example.org");

        List<Document> cycles = archiveDocuments(backup(shared)).get("cycles");
        assertThat(cycles).extracting(document -> document.getString("name")).containsExactly("Spring 2027");
    }

    @Test
    void onlyTheApplicationsCollectionsAreRestored() throws Exception {
        for (String collection : List.of("system.users", "sessions_of_another_app")) {
            byte[] archive = zip(Map.of("accounts.jsonl", ADMIN + "\n", collection + ".jsonl",
                    "{\"_id\": \"admin.root\", \"user\": \"root\"}\n",
                    BackupService.MANIFEST, manifest(Map.of("accounts", 1, collection, 1))));

            assertThatThrownBy(() -> shared.restore(source(archive), "admin@example.org"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'" + collection + "' is not a collection of this application");
        }
        assertThat(mongo.getDb().listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    void aDocumentTheApplicationCouldNotReadOrImportIsRefusedNamingEntryLineAndField() throws Exception {
        mongo.getCollection("accounts").insertOne(Document.parse(FRESH_ADMIN));
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("accounts.jsonl:2:role", ADMIN.replace("a-1", "a-2").replace("admin@", "root@")
                .replace("\"ADMIN\"", "\"ROOT\""));
        broken.put("accounts.jsonl:2:email", ADMIN.replace("a-1", "a-2").replace("admin@", "Second.Admin@"));
        broken.put("mentors.jsonl:1:capacity", MENTOR.replace("\"capacity\": 2", "\"capacity\": -3"));
        broken.put("mentors.jsonl:1:domains[0]", MENTOR.replace(HEAT, "astrology"));
        broken.put("mentors.jsonl:1:timeZone", MENTOR.replace("Africa/Lagos", "Mars/Olympus_Mons"));
        broken.put("requests.jsonl:1:careerStage", REQUEST.replace("PHD_CANDIDATE", "EMPEROR"));

        for (Map.Entry<String, String> line : broken.entrySet()) {
            String entry = line.getKey().substring(0, line.getKey().indexOf(':'));
            String collection = entry.replace(".jsonl", "");
            Map<String, String> entries = new LinkedHashMap<>();
            entries.put("accounts.jsonl", ADMIN + "\n" + (collection.equals("accounts") ? line.getValue() + "\n" : ""));
            Map<String, Integer> counts = new TreeMap<>(Map.of("accounts", collection.equals("accounts") ? 2 : 1));
            if (!collection.equals("accounts")) {
                entries.put(entry, line.getValue() + "\n");
                counts.put(collection, 1);
            }
            entries.put(BackupService.MANIFEST, manifest(counts));
            byte[] archive = zip(entries);

            assertThatThrownBy(() -> shared.restore(source(archive), "admin@example.org")).as(line.getKey())
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(InvalidInputException.FieldError::field).containsExactly(line.getKey()));
        }
        assertThatThrownBy(() -> shared.restore(source(zip(Map.of("accounts.jsonl", ADMIN + "\n"
                + broken.get("accounts.jsonl:2:role") + "\n", BackupService.MANIFEST,
                manifest(Map.of("accounts", 2))))), "admin@example.org"))
                .hasMessageContaining("accounts.jsonl line 2 (_id 'a-2'), role: role 'ROOT' is not a value the"
                        + " application can read");
        assertNothingChanged();
    }

    @Test
    void aRefusalListsTwentyProblemsWithShortenedValuesAndCountsTheRest() throws Exception {
        StringBuilder mentors = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            mentors.append(MENTOR.replace("m-1", "m-" + (100 + i)).replace("okafor@uni.example.org",
                    "x".repeat(5_000) + i)).append('\n');
        }
        byte[] archive = zip(Map.of("accounts.jsonl", ADMIN + "\n", "mentors.jsonl", mentors.toString(),
                BackupService.MANIFEST, manifest(Map.of("accounts", 1, "mentors", 30))));

        assertThatThrownBy(() -> shared.restore(source(archive), "admin@example.org"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).hasSize(21);
                    assertThat(e.errors().get(20).message()).isEqualTo("and 10 more problems");
                    assertThat(e.errors()).allSatisfy(error -> assertThat(error.message()).hasSizeLessThan(400));
                    assertThat(e.getMessage()).startsWith("archive: 30 problems in the archive's documents")
                            .hasSizeLessThan(500);
                });
    }

    @Test
    void aZipBombIsRefusedAfterReadingLittle() throws Exception {
        ByteArrayOutputStream oneLine = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(oneLine)) {
            zip.putNextEntry(new ZipEntry("accounts.jsonl"));
            byte[] block = new byte[1024 * 1024];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 100; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        assertThat(oneLine.size()).as("a small zip").isLessThan(300_000);
        long started = System.nanoTime();

        assertThatThrownBy(() -> shared.restore(source(oneLine.toByteArray()), "admin@example.org"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("archive: accounts.jsonl line 1 is longer than 1048576 bytes; no document of a backup is"
                        + " that long");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            events.append("{\"_id\": \"e-").append(i).append("\", \"detail\": \"").append("z".repeat(400))
                    .append("\"}\n");
        }
        byte[] many = zip(Map.of("accounts.jsonl", ADMIN + "\n", NOTES + ".jsonl", events.toString(),
                BackupService.MANIFEST, manifest(Map.of("accounts", 1, NOTES, 20_000))));
        BackupService small = service(false, RestoreLimits.withMaxInflated(2 * 1024 * 1024));
        assertThatThrownBy(() -> small.restore(source(many), "admin@example.org"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inflates to more than 2 MB");

        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(entries)) {
            for (int i = 0; i < 1_000; i++) {
                zip.putNextEntry(new ZipEntry("accounts.jsonl/" + i));
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> shared.restore(source(entries.toByteArray()), "admin@example.org"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("which is no part of a backup");
        assertThat(mongo.getDb().listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    void theRestoredCollectionsHaveTheApplicationsUniqueIndexesOnBothKindsOfStore() throws Exception {
        for (boolean ownStore : List.of(false, true)) {
            mongo.getDb().drop();
            service(ownStore, RestoreLimits.withMaxInflated(RestoreLimits.INFLATED_BYTES))
                    .restore(source(archiveOfASmallCommunity()), "admin@example.org");

            assertThat(storeDocuments()).isEqualTo(archiveDocuments(archiveOfASmallCommunity()));
            assertThatThrownBy(() -> mongo.getCollection("accounts").insertOne(
                    Document.parse(ADMIN.replace("a-1", "a-copy")))).as("ownStore %s", ownStore)
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> mongo.getCollection("mentors").insertOne(
                    Document.parse(MENTOR.replace("\"_id\": \"m-1\"", "\"_id\": \"m-copy\""))))
                    .as("ownStore %s", ownStore)
                    .hasMessageContaining("duplicate key");
        }
    }

    @Test
    void onTheEmbeddedStoreOnDiskARestoredStoreSurvivesARestart(@TempDir Path dataDir) throws Exception {
        byte[] archive = archiveOfASmallCommunity();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
                MongoClient client = MongoClients.create(server.connectionString("mentoring"))) {
            MongoTemplate onDisk = new MongoTemplate(client, "mentoring");
            onDisk.getCollection("accounts").insertOne(Document.parse(FRESH_ADMIN));
            new BackupService(onDisk, true, STALE_AFTER, new StoredPeopleCheck(onDisk.getConverter(),
                    new PeopleInputValidator(Taxonomy.planetaryHealth())),
                    RestoreLimits.withMaxInflated(RestoreLimits.INFLATED_BYTES))
                    .restore(source(archive), "admin@example.org");
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
                MongoClient client = MongoClients.create(server.connectionString("mentoring"))) {
            MongoDatabase db = client.getDatabase("mentoring");
            Map<String, List<Document>> afterRestart = new TreeMap<>();
            for (String name : db.listCollectionNames()) {
                List<Document> documents = db.getCollection(name).find().into(new ArrayList<>());
                if (!documents.isEmpty()) {
                    afterRestart.put(name, documents);
                }
            }
            assertThat(afterRestart).as("what H2 renamed would be gone; what was copied is there")
                    .isEqualTo(archiveDocuments(archive));
            assertThatThrownBy(() -> db.getCollection("accounts").insertOne(
                    Document.parse(ADMIN.replace("a-1", "a-copy")))).hasMessageContaining("duplicate key");
        }
    }

    /** The store still holds only the fresh instance's admin, and no restore marker or staging collection. */
    private void assertNothingChanged() {
        assertThat(mongo.getDb().listCollectionNames().into(new ArrayList<>())).containsExactly("accounts");
        assertThat(mongo.getCollection("accounts").find().into(new ArrayList<>()))
                .containsExactly(Document.parse(FRESH_ADMIN));
        assertThat(shared.restoreStatus()).isEqualTo(RestoreStatus.IDLE);
    }

    private byte[] archiveOfASmallCommunity() throws IOException {
        return zip(Map.of(
                "accounts.jsonl", ADMIN + "\n",
                "mentors.jsonl", MENTOR + "\n",
                "requests.jsonl", REQUEST + "\n",
                BackupService.MANIFEST, manifest(Map.of("accounts", 1, "mentors", 1, "requests", 1))));
    }

    private BackupService service(boolean ownStore, RestoreLimits limits) {
        return new BackupService(mongo, ownStore, STALE_AFTER,
                new StoredPeopleCheck(mongo.getConverter(), new PeopleInputValidator(Taxonomy.planetaryHealth())),
                limits);
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
