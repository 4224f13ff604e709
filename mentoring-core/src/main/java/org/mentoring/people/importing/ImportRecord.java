package org.mentoring.people.importing;

import java.time.Instant;

/**
 * One import that wrote records, as the journal keeps it.
 *
 * @param source what was imported: JSON, CSV upload, mentors.csv, ...
 * @param mentors mentors in the import
 * @param requests requests in the import
 * @param created records created, once COMPLETED
 * @param updated records updated, once COMPLETED
 * @param reason why it FAILED or was INTERRUPTED, and what to do
 */
public record ImportRecord(String id, String actor, String source, ImportStatus status, int mentors, int requests,
        Instant startedAt, Instant endedAt, Integer created, Integer updated, String reason) {

    /** Whether it stopped before every record was written. */
    public boolean cutShort() {
        return status == ImportStatus.FAILED || status == ImportStatus.INTERRUPTED;
    }
}
