package org.mentoring.backup;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.mentoring.store.Leases;
import org.mentoring.store.ServerTime;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one-restore-at-a-time lock, which is also the marker of a restore under way: one document with a fixed id in
 * {@value #COLLECTION}, there from the moment a restore starts writing until it has written everything. It is taken
 * by inserting it, so when two restores start together the unique id index lets one insert win, on a real MongoDB
 * as on the embedded server. A marker left by a restore that stopped is taken over by a compare-and-set on its
 * {@code token}, so of two restores replacing it only one succeeds. Its heartbeat is stamped, and its age judged,
 * by the store's clock through {@link Leases} (the server's on a real MongoDB), so instances whose clocks differ
 * agree on whether a restore stopped.
 */
class RestoreLock {

    /** Not data: never in a backup, never counted by {@link BackupService#holdsData()}. */
    static final String COLLECTION = "restoreLock";
    static final String ID = "restore";

    private final MongoTemplate mongo;
    private final Leases leases;

    RestoreLock(MongoTemplate mongo) {
        this(mongo, new ServerTime(mongo));
    }

    RestoreLock(MongoTemplate mongo, ServerTime time) {
        this.mongo = mongo;
        this.leases = new Leases(mongo, time, COLLECTION, "heartbeatAt", null);
    }

    /**
     * A restore's marker.
     *
     * @param token this restore's own random id
     * @param startedBy who started it
     * @param startedAt when it began writing
     * @param heartbeatAt when it last showed it was alive (it beats at each batch it writes)
     * @param instance the application instance that runs it
     * @param failure why it stopped, when it failed while writing; null while it runs
     */
    record Marker(String token, String startedBy, Instant startedAt, Instant heartbeatAt, String instance,
            String failure) {

        private Document toDocument() {
            return new Document("_id", ID).append("token", token).append("startedBy", startedBy)
                    .append("startedAt", Date.from(startedAt)).append("heartbeatAt", Date.from(heartbeatAt))
                    .append("instance", instance).append("failure", failure);
        }

        private static Marker of(Document document) {
            return new Marker(document.getString("token"), document.getString("startedBy"),
                    instant(document.getDate("startedAt")), instant(document.getDate("heartbeatAt")),
                    document.getString("instance"), document.getString("failure"));
        }

        private static Instant instant(Date date) {
            return date == null ? Instant.EPOCH : date.toInstant();
        }
    }

    /** The marker, if a restore is under way or was cut short. */
    Optional<Marker> find() {
        return Optional.ofNullable(mongo.findById(ID, Document.class, COLLECTION)).map(Marker::of);
    }

    /** Takes the free lock with {@code marker}; false if a marker is there. */
    boolean tryAcquire(Marker marker) {
        return leases.acquire(marker.toDocument());
    }

    /** Replaces the marker whose token is {@code staleToken} by {@code marker}; false if it changed meanwhile. */
    boolean tryTakeOver(String staleToken, Marker marker) {
        return leases.replace(markerWithToken(staleToken), marker.toDocument());
    }

    /**
     * Records a sign of life of the restore holding {@code token}, by the store's clock; false if it no longer holds
     * the lock.
     */
    boolean beat(String token) {
        return leases.heartbeat(markerWithToken(token));
    }

    /** Keeps the marker of the restore holding {@code token}, saying why it stopped. */
    void fail(String token, String reason) {
        leases.heartbeat(markerWithToken(token), new Update().set("failure", reason));
    }

    /** Whether the marker holding {@code token} gave no sign of life for longer than {@code age}, by the store's clock. */
    boolean silent(String token, Duration age) {
        return leases.isExpired(markerWithToken(token), age);
    }

    /** Removes the marker of the restore holding {@code token}: it finished, or it wrote nothing. */
    boolean release(String token) {
        return leases.release(markerWithToken(token));
    }

    private static Query markerWithToken(String token) {
        return query(where("_id").is(ID).and("token").is(token));
    }
}
