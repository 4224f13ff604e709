package org.mentoring.backup;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one-restore-at-a-time lock, which is also the marker of a restore under way: one document with a fixed id in
 * {@value #COLLECTION}, there from the moment a restore starts writing until it has written everything. It is taken
 * by inserting it, so when two restores start together the unique id index lets one insert win, on a real MongoDB
 * as on the embedded server. A marker left by a restore that stopped is taken over by a compare-and-set on its
 * {@code token}, so of two restores replacing it only one succeeds.
 */
class RestoreLock {

    /** Not data: never in a backup, never counted by {@link BackupService#holdsData()}. */
    static final String COLLECTION = "restoreLock";
    static final String ID = "restore";

    private final MongoTemplate mongo;

    RestoreLock(MongoTemplate mongo) {
        this.mongo = mongo;
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
        try {
            mongo.insert(marker.toDocument(), COLLECTION);
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** Replaces the marker whose token is {@code staleToken} by {@code marker}; false if it changed meanwhile. */
    boolean tryTakeOver(String staleToken, Marker marker) {
        Document replaced = mongo.findAndReplace(markerWithToken(staleToken), marker.toDocument(), COLLECTION);
        return replaced != null;
    }

    /** Records a sign of life of the restore holding {@code token}; false if it no longer holds the lock. */
    boolean beat(String token, Instant now) {
        return mongo.updateFirst(markerWithToken(token), new Update().set("heartbeatAt", Date.from(now)),
                COLLECTION).getMatchedCount() == 1;
    }

    /** Keeps the marker of the restore holding {@code token}, saying why it stopped. */
    void fail(String token, String reason, Instant now) {
        mongo.updateFirst(markerWithToken(token), new Update().set("failure", reason).set("heartbeatAt", Date.from(now)),
                COLLECTION);
    }

    /** Removes the marker of the restore holding {@code token}: it finished, or it wrote nothing. */
    boolean release(String token) {
        return mongo.remove(markerWithToken(token), COLLECTION).getDeletedCount() == 1;
    }

    private static Query markerWithToken(String token) {
        return query(where("_id").is(ID).and("token").is(token));
    }
}
