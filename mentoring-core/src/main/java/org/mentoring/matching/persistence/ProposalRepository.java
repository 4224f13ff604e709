package org.mentoring.matching.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Proposals one at a time, by id; a run's proposals all at once come from {@link RunResultStore}. */
public interface ProposalRepository extends MongoRepository<ProposalDocument, String> {
}
