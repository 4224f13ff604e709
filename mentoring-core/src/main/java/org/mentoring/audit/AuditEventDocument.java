package org.mentoring.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An audit entry as stored; entries are only ever inserted. */
@Document("audit_events")
class AuditEventDocument {

    @Id
    String id;
    @Indexed
    Instant at;
    String actor;
    @Indexed
    String action;
    String target;
    String detail;
    String address;

    AuditEvent toEvent() {
        return new AuditEvent(id, at, actor, action, target, detail, address);
    }
}
