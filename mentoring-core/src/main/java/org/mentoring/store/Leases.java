package org.mentoring.store;

import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Leases kept in the documents of one collection, shared by runs, imports and restores: an instance holds a lease
 * while it keeps its {@code heartbeat} field fresh, and a lease whose heartbeat is older than a timeout belongs to an
 * instance that stopped. Each write is one conditional atomic operation, so of several instances acting at once
 * exactly one wins; each heartbeat is stamped, and each age judged, by {@link ServerTime}: the server's clock on a
 * real MongoDB, so instances whose clocks differ agree on which lease expired.
 *
 * <p>Who holds a lease, and what else its document says, is the caller's: each operation takes the query that picks
 * the lease (its id and, for an owner's writes, the owner's mark) and the other fields to set.
 */
public class Leases {

    private final MongoTemplate mongo;
    private final ServerTime time;
    private final String collection;
    private final String heartbeat;
    private final String fallback;

    /**
     * @param heartbeat the field holding the holder's last sign of life
     * @param fallback the field read as the last sign of life when {@code heartbeat} is missing (a document of a
     *     version before leases), or null
     */
    public Leases(MongoTemplate mongo, ServerTime time, String collection, String heartbeat, String fallback) {
        this.mongo = mongo;
        this.time = time;
        this.collection = collection;
        this.heartbeat = heartbeat;
        this.fallback = fallback;
    }

    /**
     * Takes a free lease by inserting its document, which carries its first heartbeat: when several try at once,
     * the unique {@code _id} lets exactly one insert win. Stamp it with {@link #heartbeat} at once to date it by the
     * store's clock.
     *
     * @return false when a document with that id is there
     */
    public boolean acquire(Object document) {
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /**
     * Takes the lease {@code free} picks (by a conditional update: of several instances at once one matches), setting
     * {@code fields} and stamping its heartbeat.
     */
    public boolean claim(Query free, Update fields) {
        return mongo.updateFirst(free, time.stamp(fields, heartbeat), collection).getMatchedCount() == 1;
    }

    /** Takes the lease {@code held} picks only if its heartbeat is older than {@code age}, as {@link #claim}. */
    public boolean takeOver(Query held, Duration age, Update fields) {
        return claim(Query.of(held).addCriteria(expired(age)), fields);
    }

    /**
     * Replaces the lease {@code held} picks (a compare-and-set on what the query names, such as the stopped holder's
     * token) by {@code replacement}; false when it changed meanwhile.
     */
    public boolean replace(Query held, Document replacement) {
        return mongo.findAndReplace(held, replacement, collection) != null;
    }

    /** The holder's heartbeat: stamps the lease {@code owned} picks; false when it is no longer the caller's. */
    public boolean heartbeat(Query owned) {
        return heartbeat(owned, new Update());
    }

    /** The holder's heartbeat, setting {@code also} ({@code $set} and {@code $unset} only) in the same write. */
    public boolean heartbeat(Query owned, Update also) {
        return claim(owned, also);
    }

    /** Stamps every lease {@code owned} picks; how many. */
    public long heartbeatAll(Query owned) {
        return mongo.updateMulti(owned, time.stamp(new Update(), heartbeat), collection).getMatchedCount();
    }

    /** The holder's heartbeat, answering the lease as it is after it (to read what others asked of the holder). */
    public <T> Optional<T> heartbeat(Query owned, Class<T> type) {
        return Optional.ofNullable(mongo.findAndModify(owned, time.stamp(new Update(), heartbeat),
                FindAndModifyOptions.options().returnNew(true), type, collection));
    }

    /** Removes the lease {@code owned} picks; false when it was no longer there or no longer the caller's. */
    public boolean release(Query owned) {
        return mongo.remove(owned, collection).getDeletedCount() == 1;
    }

    /** Leases whose last sign of life is older than {@code age} by the store's clock; add it to a query. */
    public Criteria expired(Duration age) {
        return time.olderThan(heartbeat, fallback, age);
    }

    /** Leases whose last sign of life is at most {@code age} old by the store's clock; add it to a query. */
    public Criteria live(Duration age) {
        return time.notOlderThan(heartbeat, fallback, age);
    }

    /** Whether the lease {@code which} picks is there and its last sign of life is older than {@code age}. */
    public boolean isExpired(Query which, Duration age) {
        return mongo.exists(Query.of(which).addCriteria(expired(age)), collection);
    }
}
