package org.mentoring.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB (mongo-java-server) listening on 127.0.0.1 on a free port, keeping its data in one H2
 * MVStore file, so the app talks to it through the ordinary MongoDB driver exactly as it would to a real server.
 * {@link #close()} stops it and closes the file, which writes what is still buffered.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** The database file inside the data folder. */
    public static final String FILE_NAME = "mentoring.mv.db";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;
    private boolean closed;

    private EmbeddedMongoServer(MongoBackend backend, Path file) {
        this.server = new MongoServer(backend);
        this.file = file;
        try {
            server.bind("127.0.0.1", 0);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        this.address = server.getLocalAddress();
    }

    /** Starts a server on the database file in {@code dataDir}, creating the folder and the file if missing. */
    public static EmbeddedMongoServer onDisk(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + file.getParent(), e);
        }
        EmbeddedMongoServer server = new EmbeddedMongoServer(new H2Backend(file.toString()), file);
        log.info("Embedded MongoDB on {} keeps its data in {}", server.address, file);
        return server;
    }

    /** Starts a server whose data lives in memory only, for tests. */
    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), null);
    }

    /** A connection string to this server's database. */
    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The database file, or null when in memory. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdownNow();
            log.info("Embedded MongoDB stopped{}", file == null ? "" : ", data written to " + file);
        }
    }
}
