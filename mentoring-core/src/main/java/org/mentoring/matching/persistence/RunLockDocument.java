package org.mentoring.matching.persistence;

import java.time.Instant;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one-run-at-a-time lock: a single document whose {@code runId} names the active run, or is null when none is.
 *
 * @see MatchingRunLock
 */
@Document(RunLockDocument.COLLECTION)
record RunLockDocument(String id, String runId, Instant acquiredAt) {

    static final String COLLECTION = "matchingRunLock";
}
