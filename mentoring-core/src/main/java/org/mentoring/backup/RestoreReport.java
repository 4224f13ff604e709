package org.mentoring.backup;

import java.time.Instant;
import java.util.Map;

/**
 * What a restore wrote.
 *
 * @param createdAt when the archive was made
 * @param documents documents written, by collection
 * @param replaced the interrupted restore whose leftovers this one replaced; null if the store was empty
 */
public record RestoreReport(Instant createdAt, Map<String, Long> documents, RestoreStatus replaced) {

    public RestoreReport {
        documents = Map.copyOf(documents);
    }

    /** What the audit trail says of it. */
    public String auditDetail() {
        return "backup of " + createdAt + ", " + total() + " documents" + (replaced == null ? ""
                : "; replaced what the interrupted restore started by " + replaced.startedBy() + " at "
                        + replaced.startedAt() + " left");
    }

    /** Documents written in all collections together. */
    public long total() {
        return documents.values().stream().mapToLong(Long::longValue).sum();
    }
}
