package org.mentoring.audit;

import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Records admin actions and failed sign-ins, and lets admins read them back, newest first. */
@Service
public class AuditService {

    private final AuditEventRepository repository;
    private final Clock clock;

    @Autowired
    public AuditService(AuditEventRepository repository) {
        this(repository, Clock.systemUTC());
    }

    AuditService(AuditEventRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Adds an entry. */
    public AuditEvent record(String actor, String action, String target, String detail, String address) {
        AuditEventDocument document = new AuditEventDocument();
        document.at = clock.instant();
        document.actor = actor == null ? "anonymous" : actor;
        document.action = action;
        document.target = target;
        document.detail = detail;
        document.address = address;
        return repository.insert(document).toEvent();
    }

    /** A page of entries, newest first; {@code action} or {@code actor} filter when not null. */
    public Page<AuditEvent> list(String action, String actor, int page, int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "at"));
        Page<AuditEventDocument> documents;
        if (action != null && actor != null) {
            documents = repository.findByActionAndActor(action, actor, request);
        } else if (action != null) {
            documents = repository.findByAction(action, request);
        } else if (actor != null) {
            documents = repository.findByActor(actor, request);
        } else {
            documents = repository.findAll(request);
        }
        return documents.map(AuditEventDocument::toEvent);
    }
}
