package org.mentoring.store;

import com.mongodb.ConnectionString;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.data.auditing.DateTimeProvider;
import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.mongodb.config.EnableMongoAuditing;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Chooses the MongoDB the app talks to: the one {@code mentoring.mongodb-uri} (MONGODB_URI) names, or else, when no
 * {@code spring.data.mongodb.uri} or {@code host} is set either, an {@link EmbeddedMongoServer} started here. Either
 * way the rest of the app sees one MongoClient. Also turns on auditing (created and updated timestamps) and stores
 * dates in UTC whatever the JVM's time zone.
 */
@AutoConfiguration(before = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class})
@EnableConfigurationProperties(StoreProperties.class)
@EnableMongoAuditing(dateTimeProviderRef = "mentoringAuditingTime")
public class StoreAutoConfiguration {

    /** Audit timestamps in milliseconds, what the store keeps, so a saved entity equals the one read back. */
    @Bean
    DateTimeProvider mentoringAuditingTime() {
        return () -> Optional.of(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Every read from the primary and every write acknowledged by a majority, whatever MONGODB_URI says: leases,
     * the one-publication-at-a-time claim and compare-and-set updates read what they just wrote, which a secondary
     * may not have yet, and a write only one member holds can be rolled back when the primary changes. Runs after
     * Spring Boot's own customizer (no order: lowest precedence), so it wins over the connection string's options.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer mentoringReadPrimaryWriteMajority() {
        return settings -> settings.readPreference(ReadPreference.primary()).writeConcern(WriteConcern.MAJORITY);
    }

    /** java.time values as the driver writes them: a LocalDate is midnight UTC, never the JVM's zone. */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(MongoCustomConversions.MongoConverterConfigurationAdapter
                ::useNativeDriverJavaTimeCodecs);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnMongodbUri.class)
    static class ExternalMongo {

        @Bean
        MongoConnectionDetails mongoConnectionDetails(StoreProperties properties) {
            ConnectionString connectionString = MongoUris.withDefaultDatabase(
                    properties.mongodbUri().trim(), properties.database());
            return () -> connectionString;
        }
    }

    /** Also stands aside when the application (or a test) defines its own MongoClient. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnNoMongoConfigured.class)
    @ConditionalOnMissingBean(MongoClient.class)
    static class EmbeddedMongo {

        @Bean(destroyMethod = "close")
        EmbeddedMongoServer embeddedMongoServer(StoreProperties properties) {
            return properties.embeddedInMemory()
                    ? EmbeddedMongoServer.inMemory()
                    : EmbeddedMongoServer.onDisk(properties.dataDir());
        }

        @Bean
        MongoConnectionDetails mongoConnectionDetails(EmbeddedMongoServer server, StoreProperties properties) {
            ConnectionString connectionString = new ConnectionString(server.connectionString(properties.database()));
            return () -> connectionString;
        }

        /** The client closes before the server stops, so the server's file is closed with no client left. */
        @Bean
        static MongoClientDependsOnEmbeddedServer mongoClientDependsOnEmbeddedServer() {
            return new MongoClientDependsOnEmbeddedServer();
        }
    }

    static class MongoClientDependsOnEmbeddedServer extends AbstractDependsOnBeanFactoryPostProcessor {

        MongoClientDependsOnEmbeddedServer() {
            super(MongoClient.class, "embeddedMongoServer");
        }
    }

    static class OnMongodbUri extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return hasText(context.getEnvironment(), "mentoring.mongodb-uri")
                    ? ConditionOutcome.match("mentoring.mongodb-uri is set")
                    : ConditionOutcome.noMatch("mentoring.mongodb-uri is not set");
        }
    }

    static class OnNoMongoConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            for (String property : new String[] {
                "mentoring.mongodb-uri", "spring.data.mongodb.uri", "spring.data.mongodb.host"}) {
                if (hasText(environment, property)) {
                    return ConditionOutcome.noMatch(property + " is set");
                }
            }
            return ConditionOutcome.match("no MongoDB is configured: the embedded one starts");
        }
    }

    private static boolean hasText(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }
}
