package org.mentoring.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.RenameCollectionOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.persistence.StoredPeopleCheck;
import org.mentoring.store.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Writes the whole store as one zip archive and restores such an archive into an empty store.
 *
 * <p>The archive holds {@value #MANIFEST} (format, version, when it was made and how many documents each collection
 * has) and one {@code <collection>.jsonl} per collection: a document a line in MongoDB's canonical extended JSON, so
 * that ids, dates, longs and decimals read back as the same BSON types. A restore reads and checks the whole archive
 * before it writes anything ({@link ArchiveRules}: every document as the application reads and imports it, within
 * {@link RestoreLimits}, with at least one enabled admin), and refuses a store that already holds data: a fresh
 * instance's accounts, audit trail and sign-in attempts do not count as data, and the archive's replace them.
 *
 * <p>It writes into staging collections ({@value #STAGING_PREFIX}{@code <collection>}) and only once all of them
 * are complete replaces the live collections: on a real MongoDB by renaming each staging collection over its live
 * one, with the application's indexes created on it first; on the embedded store by copying, because its H2 backend
 * (mongo-java-server 1.47) keeps a renamed collection's documents under the old name, so they would be gone after
 * the next start. A restore that fails while it fills the staging collections leaves the live ones as they were.
 *
 * <p>One restore writes at a time ({@link RestoreLock}), and its marker stays in the store until it has written
 * everything. A marker whose restore stopped (the process died, or writing failed) makes the store report an
 * interrupted restore ({@link #restoreStatus}, and an error in the log at start-up), and lets the next restore
 * replace what it left.
 */
@Service
public class BackupService {

    /** The archive's table of contents. */
    public static final String MANIFEST = "manifest.json";
    /** The {@code format} the manifest names. */
    public static final String FORMAT = "mentoring-backup";
    public static final int VERSION = 1;
    /** Collections a fresh instance fills by itself; they may hold documents when a restore starts. */
    public static final Set<String> HOUSEKEEPING = Set.of("accounts", "audit_events", "sign_in_attempts",
            org.mentoring.taxonomy.CodeListDocument.COLLECTION);

    /** The code of the 409 a restore gets while another one writes. */
    public static final String IN_PROGRESS = "restore-in-progress";

    /** Where a restore writes a collection before it replaces the live one; never data, never in a backup. */
    static final String STAGING_PREFIX = "restoreStaging.";

    private static final String SUFFIX = ".jsonl";
    private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}");
    private static final JsonWriterSettings EXTENDED_JSON = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).build();
    static final int INSERT_BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final MongoTemplate mongo;
    private final RestoreLock lock;
    private final ArchiveRules rules;
    private final RestoreLimits limits;
    private final ArchiveCheck checker;
    private final ObjectMapper json = new ObjectMapper();
    private final boolean ownStore;
    private final Duration staleAfter;
    private final Instant bootedAt = Instant.now();
    /** This instance, as a restore marker names it: the process id and a random part, new at each start. */
    private final String instanceId = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> ownRestores = ConcurrentHashMap.newKeySet();

    /**
     * @param embeddedStore the embedded store when this instance runs it: then no other process can be writing a
     *     restore that began before this instance started
     * @param staleAfter how old the heartbeat of another instance's restore may be before it counts as stopped
     */
    @Autowired
    public BackupService(MongoTemplate mongo, Optional<EmbeddedMongoServer> embeddedStore, StoredPeopleCheck people,
            @Value("${mentoring.restore.stale-after:2m}") Duration staleAfter,
            @Value("${mentoring.restore.max-inflated-size:512MB}") DataSize maxInflatedSize) {
        this(mongo, embeddedStore.isPresent(), staleAfter, people,
                RestoreLimits.withMaxInflated(maxInflatedSize.toBytes()));
    }

    BackupService(MongoTemplate mongo, boolean ownStore, Duration staleAfter, StoredPeopleCheck people,
            RestoreLimits limits) {
        this.mongo = mongo;
        this.lock = new RestoreLock(mongo);
        this.ownStore = ownStore;
        this.staleAfter = staleAfter;
        this.rules = new ArchiveRules(mongo.getConverter(), people);
        this.limits = limits;
        this.checker = new ArchiveCheck(rules, limits);
    }

    /**
     * The store's data collections, sorted: all but MongoDB's own {@code system.*} ones, the restore marker's
     * {@value RestoreLock#COLLECTION} and a restore's staging collections.
     */
    public Set<String> collections() {
        Set<String> names = new TreeSet<>();
        for (String name : mongo.getDb().listCollectionNames()) {
            if (!name.startsWith("system.") && !name.equals(RestoreLock.COLLECTION)
                    && !name.startsWith(STAGING_PREFIX)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Streams the archive of every collection to {@code out}, a collection at a time; {@code out} is finished but
     * not closed. Documents written while it runs may or may not be in it (a replica set's point-in-time backup is
     * the tool for a busy store, see docs/operations.md).
     */
    public void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String collection : collections()) {
            zip.putNextEntry(new ZipEntry(collection + SUFFIX));
            long count = 0;
            for (Document document : mongo.getCollection(collection).find()) {
                writer.write(document.toJson(EXTENDED_JSON));
                writer.write('\n');
                count++;
            }
            writer.flush();
            zip.closeEntry();
            counts.put(collection, count);
        }
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        manifest.put("createdAt", Instant.now().toString());
        ObjectNode collections = manifest.putObject("collections");
        counts.forEach(collections::put);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        writer.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        writer.flush();
        zip.closeEntry();
        zip.finish();
        log.info("Backup written: {} documents in {} collections",
                counts.values().stream().mapToLong(Long::longValue).sum(), counts.size());
    }

    /** Whether the store holds anything but {@link #HOUSEKEEPING} documents (the restore marker is not data). */
    public boolean holdsData() {
        for (String collection : collections()) {
            if (!HOUSEKEEPING.contains(collection) && mongo.getCollection(collection).find().limit(1).first() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Restores an archive of {@link #write} into this store, which must hold no data, or only what an interrupted
     * restore left. The archive is read twice and never held in memory: first every line is parsed, checked by
     * {@link ArchiveRules} and counted against the manifest, and nothing is written unless all is right; then, under
     * the restore lock, the documents are inserted into staging collections in batches of {@value #INSERT_BATCH},
     * and once all are there the staging collections replace the live ones, and live collections the archive does
     * not have are emptied.
     *
     * @param archive the archive, which must give the same bytes each time it is opened (an uploaded file)
     * @param actor who restores, as the restore marker names them
     * @throws ConflictException {@code store-not-empty} when the store holds data and no interrupted restore left
     *     it; {@code restore-in-progress} while another restore writes into it
     * @throws InvalidInputException when the archive is not one of {@link #write}, or holds a document the
     *     application could not read or import, or no enabled admin, naming the entry, line and field of each problem
     *     (the first {@value RestoreLimits#LISTED_PROBLEMS}); nothing was written
     */
    public RestoreReport restore(InputStreamSource archive, String actor) throws IOException {
        Optional<RestoreLock.Marker> found = lock.find();
        if (found.isPresent() && running(found.get())) {
            throw inProgress(found.get());
        }
        if (found.isEmpty() && holdsData()) {
            throw storeNotEmpty();
        }
        ArchiveCheck.Checked checked = checker.check(archive);
        Instant now = Instant.now();
        RestoreLock.Marker mine = new RestoreLock.Marker(UUID.randomUUID().toString(), actor, now, now, instanceId,
                null);
        ownRestores.add(mine.token());
        try {
            RestoreStatus replaced = take(mine);
            beat(mine.token());
            log.info("Restore by {}: archive of {} checked ({} documents in {} collections), writing", actor,
                    checked.createdAt(), checked.total(), checked.counts().size());
            Map<String, Long> written;
            try {
                written = writeStaging(archive, checked, mine.token());
            } catch (IOException | RuntimeException e) {
                log.error("Restore by {} stopped while writing its staging collections; the live collections are as"
                        + " they were", actor, e);
                failQuietly(mine.token(), "before replacing anything (the live collections are as they were): "
                        + e.getMessage());
                throw e;
            }
            try {
                swap(written, mine.token());
            } catch (RuntimeException e) {
                log.error("Restore by {} stopped while replacing the live collections; the store holds part of the"
                        + " backup until a restore completes", actor, e);
                failQuietly(mine.token(), "while replacing the live collections: " + e.getMessage());
                throw e;
            }
            releaseQuietly(mine.token());
            RestoreReport report = new RestoreReport(checked.createdAt(), written, replaced);
            log.info("Backup of {} restored: {} documents in {} collections", report.createdAt(), report.total(),
                    written.size());
            return report;
        } finally {
            ownRestores.remove(mine.token());
        }
    }

    /**
     * Whether a restore is writing into this store, or one stopped before it finished. A restore counts as stopped
     * when it failed while writing, when this instance runs the embedded store and the restore began before this
     * instance started (no other process can be writing into it), or when its heartbeat is older than
     * {@code mentoring.restore.stale-after}.
     */
    public RestoreStatus restoreStatus() {
        return lock.find().map(this::status).orElse(RestoreStatus.IDLE);
    }

    /** Logs an error at start-up when an interrupted restore left part of a backup in the store. */
    @EventListener(ApplicationReadyEvent.class)
    public void reportInterruptedRestoreAtStartUp() {
        reportInterruptedRestore();
    }

    RestoreStatus reportInterruptedRestore() {
        RestoreStatus status = restoreStatus();
        if (status.interrupted()) {
            log.error("A restore started by {} at {} did not finish ({}). The store holds part of a backup: restore a"
                    + " backup again (POST /api/v1/admin/restore), which replaces what is there. GET"
                    + " /api/v1/admin/restore/status shows this.", status.startedBy(), status.startedAt(),
                    status.problem());
        } else if (status.state() == RestoreStatus.State.RUNNING) {
            log.warn("A restore started by {} at {} is writing into this store from another instance",
                    status.startedBy(), status.startedAt());
        }
        return status;
    }

    private RestoreStatus status(RestoreLock.Marker marker) {
        if (running(marker)) {
            return new RestoreStatus(RestoreStatus.State.RUNNING, marker.startedBy(), marker.startedAt(),
                    marker.heartbeatAt(), null);
        }
        String problem;
        if (marker.failure() != null) {
            problem = "it failed while writing: " + marker.failure();
        } else if (instanceId.equals(marker.instance())) {
            problem = "it stopped on this instance without removing its marker";
        } else if (ownStore) {
            problem = "the application stopped while it was writing";
        } else {
            problem = "its instance " + marker.instance() + " gave no sign of life for more than " + staleAfter
                    + "; it stopped while writing";
        }
        return new RestoreStatus(RestoreStatus.State.INTERRUPTED, marker.startedBy(), marker.startedAt(),
                marker.heartbeatAt(), problem);
    }

    private boolean running(RestoreLock.Marker marker) {
        if (marker.failure() != null) {
            return false;
        }
        if (instanceId.equals(marker.instance())) {
            return ownRestores.contains(marker.token());
        }
        if (ownStore && marker.startedAt().isBefore(bootedAt)) {
            return false;
        }
        return !lock.silent(marker.token(), staleAfter);
    }

    /**
     * Takes the restore lock with {@code mine}, or takes over the marker of a restore that stopped.
     *
     * @return the interrupted restore replaced, or null when the lock was free
     */
    private RestoreStatus take(RestoreLock.Marker mine) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<RestoreLock.Marker> current = lock.find();
            if (current.isEmpty()) {
                if (!lock.tryAcquire(mine)) {
                    continue;
                }
                if (holdsData()) {
                    lock.release(mine.token());
                    throw storeNotEmpty();
                }
                return null;
            }
            if (running(current.get())) {
                throw inProgress(current.get());
            }
            RestoreStatus replaced = status(current.get());
            if (lock.tryTakeOver(current.get().token(), mine)) {
                log.warn("Restore by {} replaces what the restore started by {} at {} left ({})", mine.startedBy(),
                        replaced.startedBy(), replaced.startedAt(), replaced.problem());
                return replaced;
            }
        }
        throw new ConflictException(IN_PROGRESS, "Another restore is starting; try again once it has finished.");
    }

    private void failQuietly(String token, String reason) {
        try {
            lock.fail(token, reason.length() > 500 ? reason.substring(0, 500) + "…" : reason);
        } catch (RuntimeException e) {
            log.error("The restore marker could not record the failure; it counts as stopped once its heartbeat is"
                    + " older than {}", staleAfter, e);
        }
    }

    private void releaseQuietly(String token) {
        try {
            if (!lock.release(token)) {
                log.error("The restore finished, but its marker had been taken over by another restore");
            }
        } catch (RuntimeException e) {
            log.error("The restore finished, but its marker could not be removed: the store will report an"
                    + " interrupted restore, and restoring again clears it", e);
        }
    }

    private static ConflictException storeNotEmpty() {
        return new ConflictException("store-not-empty", "The store already holds data; a backup is restored only"
                + " into an empty instance (a fresh one, with no people, runs or mentorships).");
    }

    private static ConflictException inProgress(RestoreLock.Marker marker) {
        return new ConflictException(IN_PROGRESS, "A restore started by " + marker.startedBy() + " at "
                + marker.startedAt() + " is writing into this store; wait for it to finish (GET"
                + " /api/v1/admin/restore/status).");
    }

    /**
     * The second pass, under the lock: drops the staging collections an interrupted restore left, creates each
     * collection's indexes on its staging collection, then inserts the archive's documents there a batch at a time,
     * beating the marker's heartbeat before each batch, which also stops this restore if another one replaced its
     * marker. The live collections are not touched.
     */
    private Map<String, Long> writeStaging(InputStreamSource archive, ArchiveCheck.Checked checked, String token)
            throws IOException {
        dropStaging();
        Map<String, Long> written = new TreeMap<>();
        try (ArchiveReader reader = new ArchiveReader(archive.getInputStream(), limits)) {
            for (String name = reader.nextEntry(); name != null; name = reader.nextEntry()) {
                String collection = collectionOf(name);
                if (collection == null) {
                    continue;
                }
                if (!checked.counts().containsKey(collection) || written.containsKey(collection)) {
                    throw new IllegalStateException("the archive changed between its check and its restore: '"
                            + Shown.text(name) + "' is new");
                }
                MongoCollection<Document> target = mongo.getCollection(STAGING_PREFIX + collection);
                createIndexes(STAGING_PREFIX + collection, collection);
                List<Document> batch = new ArrayList<>(INSERT_BATCH);
                long count = 0;
                for (String line = reader.nextLine(); line != null; line = reader.nextLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    batch.add(Document.parse(line));
                    count++;
                    if (batch.size() == INSERT_BATCH) {
                        insert(target, batch, token);
                    }
                }
                insert(target, batch, token);
                written.put(collection, count);
            }
        }
        if (!written.equals(checked.counts())) {
            throw new IllegalStateException(Shown.text("the archive changed between its check and its restore: it"
                    + " now holds " + written + " where the check found " + checked.counts()));
        }
        return written;
    }

    /**
     * Replaces each live collection by its complete staging collection, and empties the live collections the archive
     * does not have. On a real MongoDB a rename replaces a collection in one step, its indexes with it; the embedded
     * store's H2 backend loses a renamed collection's documents at its next start, so there the live collection is
     * emptied and the staging documents copied into it.
     */
    private void swap(Map<String, Long> written, String token) {
        for (String collection : written.keySet()) {
            beat(token);
            MongoCollection<Document> staging = mongo.getCollection(STAGING_PREFIX + collection);
            if (ownStore) {
                createIndexes(collection, collection);
                MongoCollection<Document> live = mongo.getCollection(collection);
                live.deleteMany(new Document());
                List<Document> batch = new ArrayList<>(INSERT_BATCH);
                for (Document document : staging.find()) {
                    batch.add(document);
                    if (batch.size() == INSERT_BATCH) {
                        insert(live, batch, token);
                    }
                }
                insert(live, batch, token);
                staging.drop();
            } else {
                staging.renameCollection(new MongoNamespace(mongo.getDb().getName(), collection),
                        new RenameCollectionOptions().dropTarget(true));
            }
        }
        for (String collection : collections()) {
            if (!written.containsKey(collection)) {
                beat(token);
                mongo.getCollection(collection).deleteMany(new Document());
            }
        }
        dropStaging();
    }

    private void dropStaging() {
        for (String name : mongo.getDb().listCollectionNames()) {
            if (name.startsWith(STAGING_PREFIX)) {
                mongo.getCollection(name).drop();
            }
        }
    }

    /** Creates on {@code target} the indexes the application declares for {@code collection} (unique emails, ...). */
    private void createIndexes(String target, String collection) {
        for (IndexDefinition index : rules.indexesOf(collection)) {
            mongo.indexOps(target).ensureIndex(index);
        }
    }

    private void insert(MongoCollection<Document> target, List<Document> batch, String token) {
        if (!batch.isEmpty()) {
            beat(token);
            target.insertMany(batch);
            batch.clear();
        }
    }

    private void beat(String token) {
        if (!lock.beat(token)) {
            throw new ConflictException(IN_PROGRESS, "This restore was taken for stopped (no sign of life for "
                    + staleAfter + ") and another restore replaced it; it stopped writing.");
        }
    }

    /** The collection an archive entry holds, or null if the entry is no collection of a backup. */
    static String collectionOf(String entryName) {
        if (!entryName.endsWith(SUFFIX)) {
            return null;
        }
        String collection = entryName.substring(0, entryName.length() - SUFFIX.length());
        return COLLECTION_NAME.matcher(collection).matches() && !collection.equals(RestoreLock.COLLECTION)
                ? collection : null;
    }

    static InvalidInputException invalid(String message) {
        return new InvalidInputException("archive", "archive: " + message);
    }
}
