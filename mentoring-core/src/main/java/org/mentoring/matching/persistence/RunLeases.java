package org.mentoring.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.store.Leases;
import org.mentoring.store.ServerTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The lease of a run on the application instance that solves it, kept in the run's own document: {@code owner}
 * names the instance, {@code heartbeatAt} is refreshed by it every few seconds while the run is active, and
 * {@code cancelRequested} is how an admin on another instance asks the owner to stop. A run whose heartbeat is old
 * lost its instance. Every write is one conditional atomic update, through {@link Leases}: heartbeats are stamped
 * and their age judged by the store's clock ({@link ServerTime}), so instances whose clocks differ agree. A run of a
 * version without leases has no heartbeat: its creation counts as its last sign of life.
 */
@Component
public class RunLeases {

    static final String OWNER = "owner";
    static final String HEARTBEAT_AT = "heartbeatAt";
    static final String CANCEL_REQUESTED = "cancelRequested";
    private static final List<RunStatus> ACTIVE = List.of(RunStatus.QUEUED, RunStatus.SOLVING);

    private final MongoTemplate mongo;
    private final Leases leases;

    @Autowired
    public RunLeases(MongoTemplate mongo) {
        this(mongo, new ServerTime(mongo));
    }

    public RunLeases(MongoTemplate mongo, ServerTime time) {
        this.mongo = mongo;
        this.leases = new Leases(mongo, time, MatchingRunDocument.COLLECTION, HEARTBEAT_AT, "createdAt");
    }

    /**
     * A run's lease as stored.
     *
     * @param owner the instance solving it, or null for a run of a version without leases
     * @param heartbeatAt the owner's last sign of life, or null
     */
    public record Lease(String id, RunStatus status, String owner, Instant heartbeatAt, Boolean cancelRequested,
            Instant createdAt) {

        /** Whether an admin asked, on any instance, to cancel the run. */
        public boolean cancelAsked() {
            return Boolean.TRUE.equals(cancelRequested);
        }

        /** The owner's last sign of life: its heartbeat, or the run's creation when it has none. */
        public Instant lastSignOfLife() {
            return heartbeatAt != null ? heartbeatAt : createdAt;
        }
    }

    /** Records {@code owner} as the instance solving an active run, beating once by the store's clock. */
    public boolean claim(String runId, String owner) {
        return leases.claim(active(runId), new Update().set(OWNER, owner));
    }

    /**
     * Records {@code owner} as the instance solving an active run with a heartbeat at the given time, by this
     * instance's clock (to set a lease as it was, say in a test); the service uses {@link #claim(String, String)}.
     */
    public boolean claim(String runId, String owner, Instant now) {
        return mongo.updateFirst(active(runId), new Update().set(OWNER, owner).set(HEARTBEAT_AT, now),
                MatchingRunDocument.class).getMatchedCount() == 1;
    }

    /**
     * The owner's heartbeat: refreshes {@code heartbeatAt} if the run is still active and still {@code owner}'s.
     *
     * @return the lease after the beat (to read {@code cancelRequested}), or empty if the run ended or another
     *     instance marked it meanwhile
     */
    public Optional<Lease> beat(String runId, String owner) {
        return leases.heartbeat(query(where("_id").is(runId).and("status").in(ACTIVE).and(OWNER).is(owner)),
                Lease.class);
    }

    /** Asks the owner of an active run to cancel it; false if the run is not active. */
    public boolean requestCancel(String runId) {
        return mongo.updateFirst(active(runId), new Update().set(CANCEL_REQUESTED, true),
                MatchingRunDocument.class).getMatchedCount() == 1;
    }

    public Optional<Lease> find(String runId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(runId)), Lease.class,
                MatchingRunDocument.COLLECTION));
    }

    /** The run's lease if its owner gave a sign of life within {@code age}, by the store's clock. */
    public Optional<Lease> findLive(String runId, Duration age) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(runId)).addCriteria(leases.live(age)),
                Lease.class, MatchingRunDocument.COLLECTION));
    }

    /** Active runs whose owner gave no sign of life for longer than {@code age}, by the store's clock. */
    public List<Lease> silentFor(Duration age) {
        return mongo.find(query(where("status").in(ACTIVE)).addCriteria(leases.expired(age)), Lease.class,
                MatchingRunDocument.COLLECTION);
    }

    private static Query active(String runId) {
        return query(where("_id").is(runId).and("status").in(ACTIVE));
    }
}
