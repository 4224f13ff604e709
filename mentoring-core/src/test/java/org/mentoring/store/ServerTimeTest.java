package org.mentoring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.mentoring.people.PeopleTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationUpdate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ContextConfiguration;

/** Leases' time: the server's own on a real MongoDB (run with -Pmongodb), this instance's on the embedded server. */
@DataMongoTest(properties = "mentoring.embedded-in-memory=true")
@ContextConfiguration(classes = PeopleTestApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class ServerTimeTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void theServerClockIsUsedExactlyWhenTheServerRunsUpdatePipelines(CapturedOutput output) {
        // a real MongoDB (4.2 or later, under -Pmongodb) runs update pipelines and names its build's commit;
        // mongo-java-server (the embedded store) does neither, whatever version it claims
        boolean realMongoDb = mongo.executeCommand(new Document("buildInfo", 1)).containsKey("gitVersion");
        if (!Boolean.getBoolean(RealMongoForTests.SWITCH)) {
            assertThat(realMongoDb).as("the embedded store").isFalse();
        }
        assertThat(new ServerTime(mongo).usesServerClock()).isEqualTo(realMongoDb);
        assertThat(mongo.getCollection(ServerTime.PROBE_COLLECTION).countDocuments()).isZero();
        // asking is quiet: the embedded store logs a command it cannot run as an error with a stack trace
        assertThat(output.getAll()).doesNotContain("Unknown error", "ClassCastException");
    }

    @Test
    void aStampedUpdateWritesNowAndItsOtherFieldsAndAgeIsJudgedOnTheServer() {
        ServerTime time = new ServerTime(mongo);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(2));
        mongo.insert(new Document("_id", "lease-1").append("owner", "a").append("heartbeatAt", Date.from(longAgo))
                .append("cancel", true), "leases");
        mongo.insert(new Document("_id", "lease-2").append("owner", "b").append("heartbeatAt", Date.from(longAgo)),
                "leases");

        Instant before = Instant.now();
        long matched = mongo.updateFirst(query(where("_id").is("lease-1").and("owner").is("a")),
                time.stamp(new Update().set("owner", "$b").unset("cancel"), "heartbeatAt"), "leases")
                .getMatchedCount();
        Instant after = Instant.now();

        assertThat(matched).isEqualTo(1);
        Document beaten = mongo.findById("lease-1", Document.class, "leases");
        assertThat(beaten.getString("owner")).as("a value is written as it is, never read as a field").isEqualTo("$b");
        assertThat(beaten).doesNotContainKey("cancel");
        // a real server's clock may differ from this one's by a little
        assertThat(beaten.getDate("heartbeatAt").toInstant()).isBetween(before.minusSeconds(5), after.plusSeconds(5));
        List<String> silent = mongo.find(query(where("_id").in("lease-1", "lease-2"))
                .addCriteria(time.olderThan("heartbeatAt", Duration.ofSeconds(30))), Document.class, "leases")
                .stream().map(document -> document.getString("_id")).toList();
        assertThat(silent).containsExactly("lease-2");
    }

    @Test
    void onARealServerTheStampIsThePipelineVariableNowNotThisInstancesClock() {
        ServerTime time = new ServerTime(null, Clock.systemUTC(), true);
        AggregationUpdate update = (AggregationUpdate) time.stamp(new Update().set("owner", "x").unset("cancel"),
                "heartbeatAt");
        List<Document> pipeline = update.toPipeline(Aggregation.DEFAULT_CONTEXT);
        assertThat(pipeline).contains(new Document("$set", new Document("heartbeatAt", "$$NOW")),
                new Document("$set", new Document("owner", new Document("$literal", "x"))),
                new Document("$unset", "cancel"));
    }

    @Test
    void onTheEmbeddedServerTheStampIsThisInstancesClock() {
        Instant fixed = Instant.parse("2026-12-01T05:00:00Z");
        ServerTime time = new ServerTime(null, Clock.fixed(fixed, java.time.ZoneOffset.UTC), false);
        Update update = (Update) time.stamp(new Update().set("owner", "x"), "heartbeatAt");
        assertThat(update.getUpdateObject().get("$set", Document.class))
                .containsEntry("owner", "x").containsEntry("heartbeatAt", fixed);
    }
}
