package org.mentoring.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Lets one matching run be active at a time, without transactions: one lock document with a fixed id, taken by an
 * atomic upsert that matches only while no run holds it. While a run holds it, the upsert tries to insert a second
 * document with the same id and the unique id index refuses it, on a real MongoDB as on the embedded server. So two
 * admins, or two application instances, never both start a run.
 */
@Component
public class MatchingRunLock {

    static final String LOCK_ID = "matching-run";

    private final MongoTemplate mongo;

    public MatchingRunLock(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Who holds the lock: the run and since when. */
    public record Holder(String runId, Instant acquiredAt) {
    }

    /** Takes the lock for {@code runId}; false if another run holds it. */
    public boolean tryAcquire(String runId, Instant now) {
        try {
            mongo.findAndModify(query(where("_id").is(LOCK_ID).and("runId").is(null)),
                    new Update().set("runId", runId).set("acquiredAt", now),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), RunLockDocument.class);
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** The run holding the lock, if any. */
    public Optional<Holder> holder() {
        RunLockDocument lock = mongo.findById(LOCK_ID, RunLockDocument.class);
        return lock == null || lock.runId() == null
                ? Optional.empty() : Optional.of(new Holder(lock.runId(), lock.acquiredAt()));
    }

    /** Frees the lock if {@code runId} holds it; does nothing if another run took it since. */
    public boolean release(String runId) {
        return mongo.updateFirst(query(where("_id").is(LOCK_ID).and("runId").is(runId)),
                new Update().set("runId", null).set("acquiredAt", null), RunLockDocument.class)
                .getModifiedCount() == 1;
    }
}
