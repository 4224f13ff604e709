package org.mentoring.people.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.audit.AuditService;
import org.mentoring.people.StoreTest;
import org.mentoring.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

@StoreTest
class ImportJournalTest {

    private static final Instant START = Instant.parse("2026-11-27T01:00:00Z");
    private static final Duration HEARTBEAT = Duration.ofSeconds(3);
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditService audit;

    private final MovableClock clock = new MovableClock(START);

    @BeforeEach
    void emptyJournal() {
        mongo.remove(new Query(), ImportJournalDocument.COLLECTION);
        mongo.remove(new Query(), "audit_events");
    }

    private ImportJournal journal(boolean ownStore) {
        return new ImportJournal(mongo, audit, ownStore, HEARTBEAT, LEASE, clock);
    }

    @Test
    void anImportIsWritingUntilItEndsAndThenKeepsItsCounts() {
        ImportJournal journal = journal(true);
        String id = journal.begin("coordinator@example.org", "JSON", 2, 10);

        assertThat(journal.recent(5)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(id);
            assertThat(entry.status()).isEqualTo(ImportStatus.WRITING);
            assertThat(entry.endedAt()).isNull();
        });

        clock.move(Duration.ofSeconds(2));
        journal.completed(id, 9, 3);

        assertThat(journal.recent(5)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(entry.created()).isEqualTo(9);
            assertThat(entry.updated()).isEqualTo(3);
            assertThat(entry.endedAt()).isEqualTo(START.plusSeconds(2));
        });
        assertThat(journal.cutShort()).isEmpty();
    }

    @Test
    void withItsOwnStoreAnInstanceMarksEveryImportLeftWritingByTheLastProcessInterrupted() {
        ImportJournal killed = journal(true);
        String id = killed.begin("coordinator@example.org", "CSV upload", 0, 6000);

        clock.move(Duration.ofSeconds(5));
        ImportJournal restarted = journal(true);
        String fresh = restarted.begin("coordinator@example.org", "JSON", 1, 1);

        assertThat(restarted.markInterrupted()).isEqualTo(1);

        ImportRecord interrupted = restarted.recent(5).stream().filter(entry -> entry.id().equals(id)).findFirst()
                .orElseThrow();
        assertThat(interrupted.status()).isEqualTo(ImportStatus.INTERRUPTED);
        assertThat(interrupted.reason()).contains("Send the same import again");
        assertThat(restarted.recent(5)).filteredOn(entry -> entry.id().equals(fresh))
                .singleElement().extracting(ImportRecord::status).isEqualTo(ImportStatus.WRITING);
        assertThat(audit.list("import.interrupted", null, 0, 10).getContent()).singleElement()
                .satisfies(event -> assertThat(event.detail()).contains(id));
        assertThat(restarted.markInterrupted()).as("marked once").isZero();
    }

    @Test
    void onASharedStoreOnlyAnImportWhoseHeartbeatStoppedIsInterrupted() {
        ImportJournal dead = journal(false);
        dead.begin("coordinator@example.org", "JSON", 5, 5);
        ImportJournal alive = journal(false);
        String own = alive.begin("coordinator@example.org", "JSON", 1, 1);

        clock.move(LEASE.minusSeconds(1));
        assertThat(alive.markInterrupted()).as("within the lease").isZero();

        clock.move(Duration.ofSeconds(2));
        assertThat(alive.markInterrupted()).as("its own import, still being written, is left alone").isEqualTo(1);
        assertThat(alive.recent(5)).filteredOn(entry -> entry.id().equals(own)).singleElement()
                .extracting(ImportRecord::status).isEqualTo(ImportStatus.WRITING);
    }

    @Test
    void theLatestImportCutShortIsWhatTheAdminHearsOfUntilAnImportCompletes() {
        ImportJournal journal = journal(true);
        String failed = journal.begin("coordinator@example.org", "JSON", 1, 1);
        journal.failed(failed, "Another writer stored one of these externalIds");

        assertThat(journal.cutShort()).get().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(entry.reason()).contains("Another writer");
        });

        clock.move(Duration.ofSeconds(1));
        journal.completed(journal.begin("coordinator@example.org", "JSON", 1, 1), 0, 2);

        assertThat(journal.cutShort()).isEmpty();
    }
}
