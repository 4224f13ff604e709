package org.mentoring.matching;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * An in-memory mongo-java-server on a random local port and a client for it. Like the application's embedded
 * store it has no transactions.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedMongoTestConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer mongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    /** Under -Pmongodb, a client of the real MongoDB that {@code RealMongoForTests} set instead. */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer server, Environment environment) {
        String real = environment.getProperty("mentoring.mongodb-uri");
        return MongoClients.create(real != null && !real.isBlank() ? real : server.getConnectionString());
    }
}
