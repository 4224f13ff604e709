package org.mentoring.people.persistence;

import com.mongodb.bulk.BulkWriteResult;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mentoring.common.ConflictException;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.common.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.util.Pair;

/**
 * Writes and criteria shared by the mentor and request services. Every write touches one document atomically or is
 * an idempotent upsert by externalId, because the embedded server has no multi-document transactions.
 */
final class StoreWrites {

    /** Fields an upsert never copies from the converted document: the store keeps them itself. */
    private static final Set<String> KEPT_BY_STORE = Set.of("_id", "_class", "version", "createdAt", "updatedAt",
            "status");

    private final MongoTemplate mongo;
    private final Clock clock;

    StoreWrites(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Inserts or replaces each document by its externalId in one ordered bulk write: a new document gets version 1,
     * its creation time and {@code onInsert}; an existing one keeps its id, creation time and status, and its
     * version goes up by one.
     */
    <D> UpsertCounts upsertByExternalId(Class<D> type, List<D> documents, Function<D, String> externalId,
            Map<String, Object> onInsert) {
        if (documents.isEmpty()) {
            return UpsertCounts.NONE;
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Pair<Query, Update>> upserts = new ArrayList<>(documents.size());
        for (D document : documents) {
            org.bson.Document fields = new org.bson.Document();
            mongo.getConverter().write(document, fields);
            Update update = new Update();
            fields.forEach((key, value) -> {
                if (!KEPT_BY_STORE.contains(key)) {
                    update.set(key, value);
                }
            });
            update.set("updatedAt", now).setOnInsert("createdAt", now).inc("version", 1);
            onInsert.forEach(update::setOnInsert);
            upserts.add(Pair.of(Query.query(Criteria.where("externalId").is(externalId.apply(document))), update));
        }
        try {
            BulkWriteResult result = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, type).upsert(upserts).execute();
            return new UpsertCounts(result.getUpserts().size(), result.getMatchedCount());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("duplicate-key", "Another record took one of these emails while the import "
                    + "was written; the import stopped there. Import the same file again: records already written "
                    + "are updated, not duplicated.");
        }
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
