package org.mentoring.web;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Under {@code ./mvnw -Pmongodb} (system property {@value #SWITCH}), points every Spring test context at the real
 * MongoDB that MONGODB_URI names instead of the embedded server, each context in a database of its own (dropped when
 * the context closes), so tests that expect an empty store still get one. Fails the test at once, saying why, when
 * MONGODB_URI is unset or no server answers there: the profile never falls back to the embedded store silently.
 * Without the switch it does nothing. (mentoring-core's tests have the same class.)
 */
public class RealMongoForTests implements ContextCustomizerFactory {

    /** Set by the mongodb Maven profile. */
    public static final String SWITCH = "mentoring.test.real-mongodb";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return Boolean.getBoolean(SWITCH) ? new Customizer() : null;
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String uri = System.getenv("MONGODB_URI");
            if (uri == null || uri.isBlank()) {
                throw new IllegalStateException("The mongodb profile runs the store tests against a real MongoDB: "
                        + "set MONGODB_URI, e.g. MONGODB_URI=mongodb://localhost:27017/mentoring?replicaSet=rs0 "
                        + "after `docker compose up mongo`");
            }
            ConnectionString base = new ConnectionString(uri.trim());
            ping(base);
            String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            String perContext = withDatabase(uri.trim(), base.getDatabase(), database);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realMongoForTests",
                    Map.of("mentoring.mongodb-uri", perContext)));
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    drop(new ConnectionString(perContext), database);
                }
            });
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }

    /** The URI naming {@code database} instead of its own, options kept (credentials still checked where they were). */
    static String withDatabase(String uri, String current, String database) {
        int hostsStart = uri.indexOf("://") + 3;
        int query = uri.indexOf('?', hostsStart);
        int slash = uri.indexOf('/', hostsStart);
        String hosts = uri.substring(0, slash >= 0 && (query < 0 || slash < query) ? slash : query < 0 ? uri.length()
                : query);
        String options = query < 0 ? "" : uri.substring(query + 1);
        if (uri.substring(hostsStart, hosts.length()).contains("@") && !options.contains("authSource=")) {
            String authSource = "authSource=" + (current == null || current.isEmpty() ? "admin" : current);
            options = options.isEmpty() ? authSource : options + "&" + authSource;
        }
        return hosts + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }

    private static void ping(ConnectionString uri) {
        try (MongoClient client = client(uri)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            throw new IllegalStateException("No MongoDB answers at " + redacted(uri) + " (MONGODB_URI): start one "
                    + "with `docker compose up mongo`, or run the tests without -Pmongodb", e);
        }
    }

    private static void drop(ConnectionString uri, String database) {
        try (MongoClient client = client(uri)) {
            client.getDatabase(database).drop();
        } catch (RuntimeException e) {
            // the server went away: nothing left to clean
        }
    }

    private static MongoClient client(ConnectionString uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(uri)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS)).build());
    }

    private static String redacted(ConnectionString uri) {
        return String.join(",", uri.getHosts()) + (uri.getDatabase() == null ? "" : "/" + uri.getDatabase());
    }
}
