package org.mentoring.backup;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.RenameCollectionOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bson.Document;
import org.mentoring.common.ConflictException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * How a restore writes, under the restore lock: the archive's documents into staging collections, then the staging
 * collections in place of the live ones. Every batch beats the lock's heartbeat, which also stops a restore whose
 * marker another restore took over.
 */
final class StagingWriter {

    private final MongoTemplate mongo;
    private final RestoreLock lock;
    private final ArchiveRules rules;
    private final RestoreLimits limits;
    private final boolean ownStore;
    private final Duration staleAfter;
    private final Supplier<Set<String>> collections;

    StagingWriter(MongoTemplate mongo, RestoreLock lock, ArchiveRules rules, RestoreLimits limits, boolean ownStore,
            Duration staleAfter, Supplier<Set<String>> collections) {
        this.mongo = mongo;
        this.lock = lock;
        this.rules = rules;
        this.limits = limits;
        this.ownStore = ownStore;
        this.staleAfter = staleAfter;
        this.collections = collections;
    }

    /**
     * The second pass, under the lock: drops the staging collections an interrupted restore left, creates each
     * collection's indexes on its staging collection, then inserts the archive's documents there a batch at a time,
     * beating the marker's heartbeat before each batch, which also stops this restore if another one replaced its
     * marker. The live collections are not touched.
     */
    Map<String, Long> writeStaging(InputStreamSource archive, ArchiveCheck.Checked checked, String token)
            throws IOException {
        dropStaging();
        Map<String, Long> written = new TreeMap<>();
        try (ArchiveReader reader = new ArchiveReader(archive.getInputStream(), limits)) {
            for (String name = reader.nextEntry(); name != null; name = reader.nextEntry()) {
                String collection = BackupService.collectionOf(name);
                if (collection == null) {
                    continue;
                }
                if (!checked.counts().containsKey(collection) || written.containsKey(collection)) {
                    throw new IllegalStateException("the archive changed between its check and its restore: '"
                            + Shown.text(name) + "' is new");
                }
                MongoCollection<Document> target = mongo.getCollection(BackupService.STAGING_PREFIX + collection);
                createIndexes(BackupService.STAGING_PREFIX + collection, collection);
                List<Document> batch = new ArrayList<>(BackupService.INSERT_BATCH);
                long count = 0;
                for (String line = reader.nextLine(); line != null; line = reader.nextLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    batch.add(Document.parse(line));
                    count++;
                    if (batch.size() == BackupService.INSERT_BATCH) {
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
    void swap(Map<String, Long> written, String token) {
        for (String collection : written.keySet()) {
            beat(token);
            MongoCollection<Document> staging = mongo.getCollection(BackupService.STAGING_PREFIX + collection);
            if (ownStore) {
                createIndexes(collection, collection);
                MongoCollection<Document> live = mongo.getCollection(collection);
                live.deleteMany(new Document());
                List<Document> batch = new ArrayList<>(BackupService.INSERT_BATCH);
                for (Document document : staging.find()) {
                    batch.add(document);
                    if (batch.size() == BackupService.INSERT_BATCH) {
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
        for (String collection : collections.get()) {
            if (!written.containsKey(collection)) {
                beat(token);
                mongo.getCollection(collection).deleteMany(new Document());
            }
        }
        dropStaging();
    }

    private void dropStaging() {
        for (String name : mongo.getDb().listCollectionNames()) {
            if (name.startsWith(BackupService.STAGING_PREFIX)) {
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

    void beat(String token) {
        if (!lock.beat(token)) {
            throw new ConflictException(BackupService.IN_PROGRESS, "This restore was taken for stopped (no sign of"
                    + " life for " + staleAfter + ") and another restore replaced it; it stopped writing.");
        }
    }

}
