package org.mentoring.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An audit entry as stored; entries are only ever inserted. */
// the log filtered by action, by actor or both, newest first
@CompoundIndex(name = "action_actor_at", def = "{'action': 1, 'actor': 1, 'at': -1}")
@CompoundIndex(name = "action_at", def = "{'action': 1, 'at': -1}")
@CompoundIndex(name = "actor_at", def = "{'actor': 1, 'at': -1}")
// what was done to one thing (a person's page shows it), newest first
@CompoundIndex(name = "target_at", def = "{'target': 1, 'at': -1}")
@Document("audit_events")
class AuditEventDocument {

    @Id
    String id;
    @Indexed
    Instant at;
    String actor;
    String action;
    String target;
    String detail;
    String address;

    AuditEvent toEvent() {
        return new AuditEvent(id, at, actor, action, target, detail, address);
    }
}
