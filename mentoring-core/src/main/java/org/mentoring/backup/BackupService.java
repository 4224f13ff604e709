package org.mentoring.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
    private final StagingWriter staging;
    private final ObjectMapper json = new ObjectMapper();
    private final RestoreMarkers markers;

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
        this.rules = new ArchiveRules(mongo.getConverter(), people);
        this.limits = limits;
        this.checker = new ArchiveCheck(rules, limits);
        this.markers = new RestoreMarkers(lock, ownStore, staleAfter, this::holdsData);
        this.staging = new StagingWriter(mongo, lock, rules, limits, ownStore, staleAfter, this::collections);
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
        if (found.isPresent() && markers.running(found.get())) {
            throw RestoreMarkers.inProgress(found.get());
        }
        if (found.isEmpty() && holdsData()) {
            throw RestoreMarkers.storeNotEmpty();
        }
        ArchiveCheck.Checked checked = checker.check(archive);
        Instant now = Instant.now();
        RestoreLock.Marker mine = new RestoreLock.Marker(UUID.randomUUID().toString(), actor, now, now,
                markers.instanceId(), null);
        markers.started(mine.token());
        try {
            RestoreStatus replaced = markers.take(mine);
            staging.beat(mine.token());
            log.info("Restore by {}: archive of {} checked ({} documents in {} collections), writing", actor,
                    checked.createdAt(), checked.total(), checked.counts().size());
            Map<String, Long> written;
            try {
                written = staging.writeStaging(archive, checked, mine.token());
            } catch (IOException | RuntimeException e) {
                log.error("Restore by {} stopped while writing its staging collections; the live collections are as"
                        + " they were", actor, e);
                markers.failQuietly(mine.token(), "before replacing anything (the live collections are as they were): "
                        + e.getMessage());
                throw e;
            }
            try {
                staging.swap(written, mine.token());
            } catch (RuntimeException e) {
                log.error("Restore by {} stopped while replacing the live collections; the store holds part of the"
                        + " backup until a restore completes", actor, e);
                markers.failQuietly(mine.token(), "while replacing the live collections: " + e.getMessage());
                throw e;
            }
            markers.releaseQuietly(mine.token());
            RestoreReport report = new RestoreReport(checked.createdAt(), written, replaced);
            log.info("Backup of {} restored: {} documents in {} collections", report.createdAt(), report.total(),
                    written.size());
            return report;
        } finally {
            markers.finished(mine.token());
        }
    }

    /**
     * Whether a restore is writing into this store, or one stopped before it finished. A restore counts as stopped
     * when it failed while writing, when this instance runs the embedded store and the restore began before this
     * instance started (no other process can be writing into it), or when its heartbeat is older than
     * {@code mentoring.restore.stale-after}.
     */
    public RestoreStatus restoreStatus() {
        return lock.find().map(markers::status).orElse(RestoreStatus.IDLE);
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
