package org.mentoring.matching.run;

import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MatchingRunLock;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.RunInputStore;
import org.mentoring.matching.persistence.RunLeases;
import org.springframework.stereotype.Component;

/**
 * Where a run started here writes, as one collaborator: its record, the inputs it read, the one-run-at-a-time
 * lock, its lease, and the mapper to their documents.
 */
@Component
record RunStore(MatchingRunRepository runs, RunInputStore inputStore, MatchingRunLock lock, RunLeases leases,
        MatchingPersistenceMapper mapper) {
}
