package org.mentoring.people.persistence;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredRequest;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The changes of a request's status, and the mentors it excludes, each one atomic update on one document, so that
 * two admins, or a run and an admin, cannot both win.
 */
final class RequestStatusChanges {

    private final MongoTemplate mongo;
    private final PeopleDocumentMapper mapper;
    private final Clock clock;
    private final RequestReads reads;

    RequestStatusChanges(MongoTemplate mongo, PeopleDocumentMapper mapper, Clock clock, RequestReads reads) {
        this.mongo = mongo;
        this.mapper = mapper;
        this.clock = clock;
        this.reads = reads;
    }

    /**
     * Moves one request from one status to another in a single atomic update: it happens only if the request is
     * still in {@code from}, so of two concurrent callers exactly one succeeds.
     *
     * @throws NotFoundException when no request has this externalId
     * @throws ConflictException {@code request-status-changed} when it is no longer in {@code from}
     */
    StoredRequest changeStatus(String externalId, RequestStatus from, RequestStatus to) {
        MentorshipRequestDocument changed = mongo.findAndModify(
                Query.query(Criteria.where("externalId").is(externalId).and("status").is(from)),
                statusUpdate(to), FindAndModifyOptions.options().returnNew(true), MentorshipRequestDocument.class);
        if (changed != null) {
            return mapper.toStored(changed);
        }
        StoredRequest current = reads.get(externalId);
        throw new ConflictException("request-status-changed", "Request " + externalId + " is " + current.status()
                + ", not " + from + ", so it cannot become " + to);
    }

    /**
     * Moves every listed request that is in {@code from} to {@code to}, each in its own atomic update; requests
     * in another status are left as they are.
     *
     * @return how many requests changed
     */
    long changeStatus(Collection<String> externalIds, RequestStatus from, RequestStatus to) {
        if (externalIds.isEmpty()) {
            return 0;
        }
        return mongo.updateMulti(
                Query.query(Criteria.where("externalId").in(externalIds).and("status").is(from)),
                statusUpdate(to), MentorshipRequestDocument.class).getModifiedCount();
    }

    /**
     * Adds a mentor to a request's excluded mentors in one atomic update, so that no later run proposes the pair;
     * adding one already there changes nothing.
     *
     * @return whether the request exists
     */
    boolean excludeMentor(String externalId, String mentorExternalId) {
        Update update = new Update().addToSet("excludedMentorIds", mentorExternalId)
                .set("updatedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .inc("version", 1);
        return mongo.updateFirst(Query.query(Criteria.where("externalId").is(externalId)), update,
                MentorshipRequestDocument.class).getMatchedCount() == 1;
    }

    private Update statusUpdate(RequestStatus to) {
        return new Update().set("status", to)
                .set("updatedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .inc("version", 1);
    }
}
