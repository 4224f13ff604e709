package org.mentoring.people.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes and criteria shared by the mentor and request services. Every write touches one document atomically or is
 * an idempotent upsert by externalId, because the embedded server has no multi-document transactions.
 */
final class StoreWrites {

    /** Fields an update never copies from the converted document: the store keeps them itself. */
    private static final Set<String> KEPT_BY_STORE = Set.of("_id", "_class", "version", "createdAt", "updatedAt",
            "status", "pausedUntil");

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;

    StoreWrites(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Writes each document by its externalId in one ordered bulk write: a document whose externalId is not in
     * {@code existing} is inserted at version 0 with its creation time and {@code onInsert}; an existing one has its
     * fields replaced, keeps its id, creation time and status, and its version goes up by one. Writing the same
     * documents twice leaves the same data.
     *
     * @throws ConflictException {@code duplicate-key} when another writer stored one of these externalIds or
     *     emails meanwhile; the writes before it stay, and running the import again completes it
     */
    <D> UpsertCounts upsertByExternalId(Class<D> type, List<D> documents, Function<D, String> externalId,
            Set<String> existing, Map<String, Object> onInsert) {
        if (documents.isEmpty()) {
            return UpsertCounts.NONE;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String collection = mongo.getCollectionName(type);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
        // the stored fields of this type, once per write rather than once per document
        List<String> storedFields = new java.util.ArrayList<>();
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type).doWithProperties(
                (org.springframework.data.mapping.PropertyHandler<MongoPersistentProperty>) property -> {
                    if (!KEPT_BY_STORE.contains(property.getFieldName())) {
                        storedFields.add(property.getFieldName());
                    }
                });
        int inserts = 0;
        int updates = 0;
        for (D document : documents) {
            org.bson.Document fields = new org.bson.Document();
            mongo.getConverter().write(document, fields);
            fields.remove("_class");
            if (existing.contains(externalId.apply(document))) {
                Update update = new Update();
                fields.forEach((key, value) -> {
                    if (!KEPT_BY_STORE.contains(key)) {
                        update.set(key, value);
                    }
                });
                // the converter leaves null fields out: a field the import no longer gives is cleared, not kept
                for (String name : storedFields) {
                    if (!fields.containsKey(name)) {
                        update.unset(name);
                    }
                }
                update.set("updatedAt", now).inc("version", 1);
                bulk.updateOne(Query.query(Criteria.where("externalId").is(externalId.apply(document))), update);
                updates++;
            } else {
                fields.remove("_id");
                fields.putAll(onInsert);
                fields.put("version", 0L);
                fields.put("createdAt", now);
                fields.put("updatedAt", now);
                bulk.insert(fields);
                inserts++;
            }
        }
        try {
            // an ORDERED bulk either applies every operation or throws; the server's own counts are not used, as
            // the embedded server was seen to report one match short in a large mixed bulk
            bulk.execute();
            return new UpsertCounts(inserts, updates);
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().noneMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
            throw raced(inserts + updates);
        } catch (DuplicateKeyException e) {
            throw raced(inserts + updates);
        }
    }

    private static ConflictException raced(int records) {
        return new ConflictException("duplicate-key", "Another writer stored one of these externalIds or emails "
                    + "while " + records + " records were being written; the write stopped there. "
                + "Import the same records again: those already written are updated, not duplicated.");
    }

    /** Criteria on an array of taxonomy codes: the code itself or any code inside it. */
    static Criteria domainCriteria(String field, String code, Taxonomy taxonomy) {
        if (!taxonomy.contains(code)) {
            throw new InvalidInputException("domain", "domain '" + code + "' is not in the taxonomy");
        }
        List<String> codes = taxonomy.domains().stream()
                .map(Domain::code)
                .filter(c -> c.equals(code) || c.startsWith(code + "/"))
                .toList();
        return Criteria.where(field).in(codes);
    }
}
