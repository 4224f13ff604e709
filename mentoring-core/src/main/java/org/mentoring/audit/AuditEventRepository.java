package org.mentoring.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Audit entries, newest first by the caller's sort. */
interface AuditEventRepository extends MongoRepository<AuditEventDocument, String> {

    Page<AuditEventDocument> findByAction(String action, Pageable pageable);

    Page<AuditEventDocument> findByActionAndActor(String action, String actor, Pageable pageable);

    Page<AuditEventDocument> findByActor(String actor, Pageable pageable);
}
