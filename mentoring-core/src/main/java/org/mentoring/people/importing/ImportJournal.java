package org.mentoring.people.importing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mentoring.audit.AuditService;
import org.mentoring.store.EmbeddedMongoServer;
import org.mentoring.store.Leases;
import org.mentoring.store.ServerTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The journal of imports that write: an entry is stored before the first record is written and ended after the
 * last, so an import cut short by a crash is seen and named afterwards, not silently half there.
 *
 * <p>While an instance writes an import it refreshes the entry's heartbeat every
 * {@code mentoring.runs.heartbeat-interval}, like a run's lease. An entry still WRITING whose heartbeat is older than
 * {@code mentoring.runs.lease-timeout} belongs to an instance that died: it is marked INTERRUPTED with what to do,
 * and the audit trail says so. With the embedded store, which only this process uses, every entry WRITING at start
 * is interrupted at once. The heartbeat is stamped, and its age judged, by the store's clock through {@link Leases}
 * (the server's on a real MongoDB), so instances whose clocks differ agree on which import stopped.
 */
@Service
public class ImportJournal {

    static final String INTERRUPTED_REASON = "The application stopped while this import was writing: each of its "
            + "records is either wholly stored or absent, but some may be missing. Send the same import again to "
            + "complete it; records already stored are updated, not duplicated.";

    private static final Logger log = LoggerFactory.getLogger(ImportJournal.class);
    private static final String STATUS = "status";

    private final MongoTemplate mongo;
    private final Leases leases;
    private final AuditService audit;
    private final boolean ownStore;
    private final Duration heartbeat;
    private final Duration leaseTimeout;
    private final Clock clock;
    private final Instant bootedAt;
    private final String owner = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> writing = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "import-journal");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public ImportJournal(MongoTemplate mongo, AuditService audit,
            Optional<EmbeddedMongoServer> embeddedStore,
            @Value("${mentoring.runs.heartbeat-interval:3s}") String heartbeat,
            @Value("${mentoring.runs.lease-timeout:30s}") String leaseTimeout) {
        this(mongo, audit, embeddedStore.isPresent(), DurationStyle.detectAndParse(heartbeat),
                DurationStyle.detectAndParse(leaseTimeout), Clock.systemUTC());
    }

    ImportJournal(MongoTemplate mongo, AuditService audit, boolean ownStore,
            Duration heartbeat, Duration leaseTimeout, Clock clock) {
        this.mongo = mongo;
        this.leases = new Leases(mongo, new ServerTime(mongo, clock), ImportJournalDocument.COLLECTION,
                "heartbeatAt", null);
        this.audit = audit;
        this.ownStore = ownStore;
        this.heartbeat = heartbeat;
        this.leaseTimeout = leaseTimeout;
        this.clock = clock;
        this.bootedAt = now();
    }

    /** Notes that an import of so many mentors and requests starts writing; returns its entry's id. */
    public String begin(String actor, String source, int mentors, int requests) {
        Instant now = now();
        String id = UUID.randomUUID().toString();
        leases.acquire(new ImportJournalDocument(id, actor, source, ImportStatus.WRITING, mentors, requests, owner,
                now, now, null, null, null, null));
        writing.add(id);
        leases.heartbeat(query(where("_id").is(id)));
        return id;
    }

    /** Notes that every record of the import was written. */
    public void completed(String id, int created, int updated) {
        end(id, ImportStatus.COMPLETED, new Update().set("created", created).set("updated", updated));
    }

    /** Notes that writing stopped on an error, with the reason the importer was given. */
    public void failed(String id, String reason) {
        end(id, ImportStatus.FAILED, new Update().set("reason", reason));
    }

    private void end(String id, ImportStatus status, Update update) {
        writing.remove(id);
        mongo.updateFirst(query(where("_id").is(id).and(STATUS).is(ImportStatus.WRITING)),
                update.set(STATUS, status).set("endedAt", now()), ImportJournalDocument.class);
    }

    /** The latest imports, newest first. */
    public List<ImportRecord> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(limit),
                ImportJournalDocument.class).stream().map(ImportJournalDocument::toRecord).toList();
    }

    /** The latest import, when it was cut short and nothing has been imported since: what an admin must hear of. */
    public Optional<ImportRecord> cutShort() {
        return recent(1).stream().filter(ImportRecord::cutShort).findFirst();
    }

    /**
     * Marks INTERRUPTED the entries still WRITING whose instance stopped: with the embedded store, those begun
     * before this process started; on a shared MongoDB, those whose heartbeat is older than the lease timeout.
     *
     * @return how many were marked
     */
    public int markInterrupted() {
        Criteria stale = ownStore ? where("startedAt").lt(bootedAt) : leases.expired(leaseTimeout);
        int marked = 0;
        for (ImportJournalDocument entry : mongo.find(query(where(STATUS).is(ImportStatus.WRITING))
                .addCriteria(stale), ImportJournalDocument.class)) {
            if (writing.contains(entry.id())) {
                continue;
            }
            long updated = mongo.updateFirst(query(where("_id").is(entry.id()).and(STATUS).is(ImportStatus.WRITING)
                    .and("heartbeatAt").is(entry.heartbeatAt())), new Update().set(STATUS, ImportStatus.INTERRUPTED)
                    .set("endedAt", now()).set("reason", INTERRUPTED_REASON), ImportJournalDocument.class)
                    .getModifiedCount();
            if (updated == 1) {
                marked++;
                log.error("The import {} ({}, {} mentors and {} requests, started {} by {} on instance {}) was cut "
                        + "short by a stop of that instance; send it again to complete it", entry.id(), entry.source(),
                        entry.mentors(), entry.requests(), entry.startedAt(), entry.actor(), entry.owner());
                audit.record("system", "import.interrupted", entry.source(), "import " + entry.id() + " of "
                        + entry.startedAt() + " by " + entry.actor() + ": " + INTERRUPTED_REASON, null);
            }
        }
        return marked;
    }

    @EventListener(ApplicationReadyEvent.class)
    void keepWatch() {
        markInterrupted();
        if (!heartbeat.isZero() && !heartbeat.isNegative()) {
            scheduler.scheduleWithFixedDelay(this::beatQuietly, heartbeat.toMillis(), heartbeat.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (!ownStore) {
            long check = Math.max(1, leaseTimeout.toMillis() / 3);
            scheduler.scheduleWithFixedDelay(this::markInterruptedQuietly, check, check, TimeUnit.MILLISECONDS);
        }
    }

    private void beatQuietly() {
        try {
            if (!writing.isEmpty()) {
                leases.heartbeatAll(query(where("_id").in(writing).and(STATUS).is(ImportStatus.WRITING)));
            }
        } catch (RuntimeException e) {
            log.warn("Could not refresh the heartbeat of the imports being written", e);
        }
    }

    private void markInterruptedQuietly() {
        try {
            markInterrupted();
        } catch (RuntimeException e) {
            log.warn("Could not check for imports of stopped instances", e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
