package org.mentoring.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
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
    private final MongoTemplate mongo;

    @Autowired
    public AuditService(AuditEventRepository repository, MongoTemplate mongo) {
        this(repository, mongo, Clock.systemUTC());
    }

    AuditService(AuditEventRepository repository, MongoTemplate mongo, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
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

    /**
     * A page of entries, newest first, each filter applied when not null: who did it, what was done, and when (from
     * included, until excluded).
     */
    public Page<AuditEvent> search(String actor, String action, Instant from, Instant until, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        if (actor != null) {
            all.add(Criteria.where("actor").is(actor));
        }
        if (action != null) {
            all.add(Criteria.where("action").is(action));
        }
        if (from != null || until != null) {
            Criteria at = Criteria.where("at");
            if (from != null) {
                at = at.gte(from);
            }
            if (until != null) {
                at = at.lt(until);
            }
            all.add(at);
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        PageRequest request = PageRequest.of(Math.max(0, page), size, Sort.by(Sort.Direction.DESC, "at"));
        List<AuditEvent> content = mongo.find(Query.query(criteria).with(request), AuditEventDocument.class).stream()
                .map(AuditEventDocument::toEvent).toList();
        return PageableExecutionUtils.getPage(content, request,
                () -> mongo.count(Query.query(criteria), AuditEventDocument.class));
    }

    /** Every kind of action the trail holds, in alphabetical order. */
    public List<String> actions() {
        return mongo.findDistinct(new Query(), "action", AuditEventDocument.class, String.class).stream()
                .filter(action -> action != null).sorted().toList();
    }

    /** The latest entries about any of these targets (a person's externalId or email), newest first. */
    public List<AuditEvent> about(Collection<String> targets, int limit) {
        Query query = Query.query(Criteria.where("target").in(targets))
                .with(PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "at")));
        return mongo.find(query, AuditEventDocument.class).stream().map(AuditEventDocument::toEvent).toList();
    }
}
