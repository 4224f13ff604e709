package org.mentoring.backup;

import java.time.Instant;
import java.util.Map;

/**
 * What a restore wrote.
 *
 * @param createdAt when the archive was made
 * @param documents documents written, by collection
 */
public record RestoreReport(Instant createdAt, Map<String, Long> documents) {

    public RestoreReport {
        documents = Map.copyOf(documents);
    }

    /** Documents written in all collections together. */
    public long total() {
        return documents.values().stream().mapToLong(Long::longValue).sum();
    }
}
