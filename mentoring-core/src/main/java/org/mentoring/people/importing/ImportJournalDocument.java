package org.mentoring.people.importing;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An import in the store: written when it starts writing, ended when it has; {@code heartbeatAt} while it runs. */
// imports still writing, started before a time; the latest imports
@CompoundIndex(name = "status_startedAt", def = "{'status': 1, 'startedAt': 1}")
@Document(ImportJournalDocument.COLLECTION)
record ImportJournalDocument(@Id String id, String actor, String source, ImportStatus status, int mentors,
        int requests, String owner, @Indexed Instant startedAt, Instant heartbeatAt, Instant endedAt, Integer created,
        Integer updated, String reason) {

    static final String COLLECTION = "imports";

    ImportRecord toRecord() {
        return new ImportRecord(id, actor, source, status, mentors, requests, startedAt, endedAt, created, updated,
                reason);
    }
}
