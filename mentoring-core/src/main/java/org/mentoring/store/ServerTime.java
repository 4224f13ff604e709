package org.mentoring.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.AggregationUpdate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

/**
 * The store's clock for leases and heartbeats: on a real MongoDB the server's ({@code $$NOW}), so that instances
 * whose clocks differ still agree on whose heartbeat is old; on the embedded server, which runs no update pipelines,
 * this instance's own clock (the embedded server runs in this process, so its clock is this instance's anyway).
 * Every time-stamped lease write goes through {@link #stamp} and every age check through {@link #olderThan}, so
 * both paths are one helper. Whether the server runs update pipelines is asked once, with an update that matches
 * nothing.
 */
public class ServerTime {

    /** Where the one probe update is sent; it matches no document and writes nothing. */
    static final String PROBE_COLLECTION = "serverTimeProbe";

    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile Boolean pipelines;

    public ServerTime(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC(), null);
    }

    /**
     * @param clock this instance's clock, used only on the embedded server (which runs in this process); on a real
     *     MongoDB it changes nothing
     */
    public ServerTime(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, null);
    }

    ServerTime(MongoTemplate mongo, Clock clock, Boolean pipelines) {
        this.mongo = mongo;
        this.clock = clock;
        this.pipelines = pipelines;
    }

    /** Whether the server's own clock is used: the server runs update pipelines (a real MongoDB 4.2 or later). */
    public boolean usesServerClock() {
        Boolean known = pipelines;
        if (known == null) {
            // mongo-java-server (the embedded store) names no build commit and runs no update pipeline: asked one,
            // it answers with an error but first logs it with a stack trace, which every start would show
            if (!mongo.executeCommand(new Document("buildInfo", 1)).containsKey("gitVersion")) {
                known = false;
            } else {
                try {
                    mongo.getCollection(PROBE_COLLECTION).updateOne(new Document("_id", "never"),
                            List.of(new Document("$set", new Document("at", "$$NOW"))));
                    known = true;
                } catch (RuntimeException beforeFourTwo) {
                    known = false;
                }
            }
            pipelines = known;
        }
        return known;
    }

    /**
     * {@code update} (only {@code $set} and {@code $unset}) that also sets each of {@code timeFields} to now: the
     * server's {@code $$NOW} in an update pipeline on a real MongoDB, this instance's clock on the embedded one.
     */
    public UpdateDefinition stamp(Update update, String... timeFields) {
        if (!usesServerClock()) {
            Instant now = clock.instant();
            for (String field : timeFields) {
                update.set(field, now);
            }
            return update;
        }
        AggregationUpdate pipeline = AggregationUpdate.update();
        for (Map.Entry<String, Object> operator : update.getUpdateObject().entrySet()) {
            Document fields = (Document) operator.getValue();
            switch (operator.getKey()) {
                case "$set" -> fields.forEach((field, value) -> pipeline.set(field)
                        .toValue(new Document("$literal", value)));
                case "$unset" -> pipeline.unset(fields.keySet().toArray(String[]::new));
                default -> throw new IllegalArgumentException("A time-stamped update takes $set and $unset only, not "
                        + operator.getKey());
            }
        }
        for (String field : timeFields) {
            pipeline.set(field).toValue("$$NOW");
        }
        return pipeline;
    }

    /**
     * Documents whose {@code field} is older than {@code age} by the store's clock (or missing), compared on the
     * server ({@code $expr}): against {@code $$NOW} on a real MongoDB, so this instance's clock plays no part; on the
     * embedded server against this instance's clock (the one its stamps use: the embedded server runs in this
     * process). Add it to a query whose other fields an index serves: {@code $expr} itself is not.
     */
    public Criteria olderThan(String field, Duration age) {
        return olderThan(field, null, age);
    }

    /** As {@link #olderThan(String, Duration)}, reading {@code fallback} where {@code field} is missing or null. */
    public Criteria olderThan(String field, String fallback, Duration age) {
        return compared("$lt", field, fallback, age);
    }

    /** The opposite of {@link #olderThan(String, String, Duration)}: {@code field} (or {@code fallback}) is recent. */
    public Criteria notOlderThan(String field, String fallback, Duration age) {
        return compared("$gte", field, fallback, age);
    }

    private Criteria compared(String operator, String field, String fallback, Duration age) {
        Object time = fallback == null ? "$" + field
                : new Document("$ifNull", List.of("$" + field, "$" + fallback));
        Object limit = usesServerClock() ? new Document("$subtract", List.of("$$NOW", age.toMillis()))
                : Date.from(clock.instant().minus(age));
        return Criteria.expr(() -> new Document(operator, List.of(time, limit)));
    }
}
