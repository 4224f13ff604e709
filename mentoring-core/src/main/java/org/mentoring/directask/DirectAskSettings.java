package org.mentoring.directask;

import org.mentoring.audit.AuditService;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Whether researchers may ask mentors directly: the coordinator's switch, kept in the {@code settings} collection as
 * the document {@code direct-asks}; on while no one has turned it off.
 */
@Service
public class DirectAskSettings {

    static final String COLLECTION = "settings";
    static final String ID = "direct-asks";
    static final String ACTION = "settings.direct-asks";

    private final MongoTemplate mongo;
    private final AuditService audit;

    public DirectAskSettings(MongoTemplate mongo, AuditService audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    /** Whether direct asks are on (the default). */
    public boolean enabled() {
        DirectAskSettingsDocument settings = mongo.findById(ID, DirectAskSettingsDocument.class);
        return settings == null || !Boolean.FALSE.equals(settings.enabled());
    }

    /** Turns direct asks on or off; asks already made stay as they are. */
    public void setEnabled(boolean enabled, String admin, String address) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ID)), new Update().set("enabled", enabled),
                DirectAskSettingsDocument.class);
        audit.record(admin, ACTION, ID, enabled ? "direct asks turned on" : "direct asks turned off", address);
    }
}
