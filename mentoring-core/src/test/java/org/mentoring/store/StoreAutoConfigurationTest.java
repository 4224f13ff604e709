package org.mentoring.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class StoreAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StoreAutoConfiguration.class, MongoAutoConfiguration.class,
                    MongoDataAutoConfiguration.class));

    @TempDir
    Path dataDir;

    record Note(String id, String text, LocalDate day) {
    }

    @Test
    void withoutMongodbUriTheEmbeddedServerKeepsDataInTheDataDirAcrossRestarts() {
        runner.withPropertyValues("mentoring.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasSingleBean(EmbeddedMongoServer.class);
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            mongo.insert(new Note("n1", "kept", LocalDate.of(2026, 2, 1)), "notes");
        });
        assertThat(dataDir.resolve(EmbeddedMongoServer.FILE_NAME)).exists();

        runner.withPropertyValues("mentoring.data-dir=" + dataDir).run(context -> {
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            Note note = mongo.findById("n1", Note.class, "notes");
            assertThat(note).isEqualTo(new Note("n1", "kept", LocalDate.of(2026, 2, 1)));
        });
    }

    @Test
    void theEmbeddedServerListensOnLoopbackOnlyAndTheDatabaseIsMentoring() {
        runner.withPropertyValues("mentoring.data-dir=" + dataDir).run(context -> {
            EmbeddedMongoServer server = context.getBean(EmbeddedMongoServer.class);
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(context.getBean(MongoTemplate.class).getDb().getName()).isEqualTo("mentoring");
        });
    }

    @Test
    void closingTheContextStopsTheEmbeddedServer() {
        int[] port = new int[1];
        runner.withPropertyValues("mentoring.embedded-in-memory=true").run(context -> {
            port[0] = context.getBean(EmbeddedMongoServer.class).address().getPort();
        });
        assertThat(port[0]).isPositive();
        assertThat(isListening(port[0])).isFalse();
    }

    @Test
    void withMongodbUriNothingEmbeddedStartsAndTheUriIsUsed() {
        runner.withPropertyValues("mentoring.mongodb-uri=mongodb://db.example.org:27017/cop?replicaSet=rs0",
                "mentoring.data-dir=" + dataDir).run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class);
                    var connection = context.getBean(MongoConnectionDetails.class).getConnectionString();
                    assertThat(connection.getHosts()).containsExactly("db.example.org:27017");
                    assertThat(connection.getDatabase()).isEqualTo("cop");
                    assertThat(connection.getRequiredReplicaSetName()).isEqualTo("rs0");
                });
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void aMongodbUriWithoutDatabaseUsesMentoring() {
        runner.withPropertyValues("mentoring.mongodb-uri=mongodb://mongo:27017/?replicaSet=rs0").run(context -> {
            var connection = context.getBean(MongoConnectionDetails.class).getConnectionString();
            assertThat(connection.getDatabase()).isEqualTo("mentoring");
            assertThat(connection.getRequiredReplicaSetName()).isEqualTo("rs0");
        });
    }

    @Test
    void springsOwnMongodbUriAlsoTurnsTheEmbeddedServerOff() {
        runner.withPropertyValues("spring.data.mongodb.uri=mongodb://mongo:27017/other").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class);
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getDatabase())
                    .isEqualTo("other");
        });
    }

    @Test
    void aDateIsStoredAsMidnightUtcWhateverTheJvmTimeZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            runner.withPropertyValues("mentoring.embedded-in-memory=true").run(context -> {
                MongoTemplate mongo = context.getBean(MongoTemplate.class);
                mongo.insert(new Note("n2", "dated", LocalDate.of(2026, 3, 1)), "notes");
                Document raw = mongo.findOne(Query.query(Criteria.where("_id").is("n2")), Document.class, "notes");
                assertThat(raw.get("day", Date.class).toInstant()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
                assertThat(mongo.findById("n2", Note.class, "notes").day()).isEqualTo(LocalDate.of(2026, 3, 1));
            });
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void readsGoToThePrimaryAndWritesWaitForAMajorityEvenWhenTheUriAsksOtherwise() {
        runner.withPropertyValues("mentoring.mongodb-uri=mongodb://db.example.org:27017/cop?replicaSet=rs0"
                + "&readPreference=secondaryPreferred&w=1").run(context -> {
                    MongoDatabase db = context.getBean(MongoTemplate.class).getDb();
                    assertThat(db.getReadPreference()).isEqualTo(ReadPreference.primary());
                    assertThat(db.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
                });
        runner.withPropertyValues("mentoring.embedded-in-memory=true").run(context -> {
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            assertThat(mongo.getDb().getReadPreference()).isEqualTo(ReadPreference.primary());
            assertThat(mongo.getDb().getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
            mongo.insert(new Note("n3", "acknowledged", LocalDate.of(2026, 4, 1)), "notes");
            assertThat(mongo.findById("n3", Note.class, "notes").text()).isEqualTo("acknowledged");
        });
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
