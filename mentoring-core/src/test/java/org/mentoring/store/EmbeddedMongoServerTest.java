package org.mentoring.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    private static final int WRITES = 300;

    @TempDir
    Path dataDir;

    @Test
    void everyAnsweredWriteIsInTheFileAndTheFileIsCompactedWhenTheStoreCloses() throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir);
        Path file = server.file();
        long grown;
        try (MongoClient client = MongoClients.create(server.connectionString("mentoring"))) {
            MongoCollection<Document> requests = client.getDatabase("mentoring").getCollection("requests");
            for (int i = 0; i < WRITES; i++) {
                requests.insertOne(new Document("_id", "r-" + i).append("name", "Researcher " + i));
            }
            // read by a second, independent opening of the file while the server still runs: only what was
            // written to the file counts, not what waits in the server's memory
            assertThat(documentsInFile(file)).isEqualTo(WRITES);
            grown = Files.size(file);
        } finally {
            server.close();
        }

        assertThat(Files.size(file)).as("compacted on close").isLessThan(grown);
        EmbeddedMongoServer reopened = EmbeddedMongoServer.onDisk(dataDir);
        try (MongoClient client = MongoClients.create(reopened.connectionString("mentoring"))) {
            assertThat(client.getDatabase("mentoring").getCollection("requests").countDocuments())
                    .isEqualTo(WRITES);
        } finally {
            reopened.close();
        }
    }

    /** What a copy of the file holds, as a process killed at this moment would find it at its next start. */
    private long documentsInFile(Path file) throws Exception {
        Path copyDir = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-copy"));
        Files.copy(file, copyDir.resolve(EmbeddedMongoServer.FILE_NAME));
        EmbeddedMongoServer copy = EmbeddedMongoServer.onDisk(copyDir);
        try (MongoClient client = MongoClients.create(copy.connectionString("mentoring"))) {
            return client.getDatabase("mentoring").getCollection("requests").countDocuments();
        } finally {
            copy.close();
        }
    }
}
