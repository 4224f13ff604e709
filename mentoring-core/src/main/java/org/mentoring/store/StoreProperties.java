package org.mentoring.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With {@code mongodbUri} blank (and no {@code spring.data.mongodb.uri} or {@code host}),
 * an embedded server keeps it in {@code dataDir}.
 *
 * @param mongodbUri a real MongoDB to use instead of the embedded server (the app binds it from MONGODB_URI)
 * @param dataDir folder of the embedded server's database file (MENTORING_DATA_DIR)
 * @param embeddedInMemory keep the embedded server's data in memory only (tests)
 * @param database the database used when the URI names none
 */
@ConfigurationProperties("mentoring")
public record StoreProperties(String mongodbUri, Path dataDir, boolean embeddedInMemory, String database) {

    public static final String DEFAULT_DATABASE = "mentoring";

    public StoreProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        database = database == null || database.isBlank() ? DEFAULT_DATABASE : database;
    }
}
