package org.mentoring.matching.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Matching runs: plain reads and inserts, and the conditional updates of {@link MatchingRunOperations}. */
public interface MatchingRunRepository extends MongoRepository<MatchingRunDocument, String>, MatchingRunOperations {
}
