package org.mentoring.web;

import org.bson.Document;
import org.mentoring.store.EmbeddedMongoServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The store's health for {@code /actuator/health}: a {@code ping} to the database, which both a real MongoDB and
 * the embedded server answer (Spring Boot's own indicator sends {@code hello}, which the embedded server lacks).
 * Named so that it replaces Spring Boot's.
 */
@Component("mongoHealthIndicator")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private final ObjectProvider<EmbeddedMongoServer> embedded;

    StoreHealthIndicator(MongoTemplate mongo, ObjectProvider<EmbeddedMongoServer> embedded) {
        super("MongoDB health check failed");
        this.mongo = mongo;
        this.embedded = embedded;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.status(answer.get("ok", Number.class).doubleValue() == 1.0 ? "UP" : "DOWN")
                .withDetail("database", mongo.getDb().getName())
                .withDetail("store", embedded.getIfAvailable() == null ? "MongoDB (MONGODB_URI)" : "embedded");
    }
}
