package org.mentoring.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
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

    /** Read cache of the file (H2's default is 16 MB): a community of 12,000 people fits. */
    private static final int CACHE_MB = 64;
    /** Changes held in memory before a background write (H2's default is 1 MB). */
    private static final int WRITE_BUFFER_KB = 8 * 1024;
    /**
     * Longest time a change waits in memory before a background write (H2's default is a second). Changes made by
     * a command are written before its answer anyway ({@link CommittingH2Backend}); this only bounds what a crash in
     * the middle of a command can lose.
     */
    private static final int COMMIT_DELAY_MS = 200;
    /** Longest time spent compacting the file when the store closes. */
    private static final int COMPACT_ON_CLOSE_MS = 3000;

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
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(CACHE_MB)
                .autoCommitBufferSize(WRITE_BUFFER_KB)
                .open();
        store.setAutoCommitDelay(COMMIT_DELAY_MS);
        EmbeddedMongoServer server = new EmbeddedMongoServer(new CommittingH2Backend(store), file);
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
            server.shutdown();
            log.info("Embedded MongoDB stopped{}", file == null ? "" : ", data written to " + file);
        }
    }

    /**
     * The H2 backend, writing what a command changed to the file before the command is answered: an acknowledged
     * write survives the process being killed right after (not a power loss before the operating system writes its
     * cache; a replica set is the answer to that). Without this, H2 writes in the background and a kill loses the
     * last changes it acknowledged.
     */
    private static final class CommittingH2Backend extends H2Backend {

        CommittingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            Document answer = super.handleMessage(message);
            commitChanges();
            return answer;
        }

        /** Compacts the file for up to {@link #COMPACT_ON_CLOSE_MS} before closing it: writing through leaves it sparse. */
        @Override
        public void close() {
            try {
                long before = getMvStore().getFileStore().size();
                getMvStore().compactFile(COMPACT_ON_CLOSE_MS);
                log.info("Embedded MongoDB file compacted from {} to {} bytes", before,
                        getMvStore().getFileStore().size());
            } catch (RuntimeException e) {
                log.warn("Could not compact the embedded MongoDB file; it is closed as it is", e);
            }
            super.close();
        }

        private void commitChanges() {
            if (getMvStore().hasUnsavedChanges()) {
                commit();
            }
        }
    }
}
