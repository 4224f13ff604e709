package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import org.mentoring.common.ConflictException;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.PublicationOrder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The order of publications ({@link PublicationOrder}, a counter, not clocks) as publishing a run uses it: a run may
 * begin publishing only if no other publication began since it was made, since its proposals knew every mentor's load
 * only then. Taken out of {@link LifecycleService}, which publishes.
 */
final class PublicationNumbers {

    private final MongoTemplate mongo;
    private final PublicationOrder publicationOrder;

    PublicationNumbers(MongoTemplate mongo, PublicationOrder publicationOrder) {
        this.mongo = mongo;
        this.publicationOrder = publicationOrder;
    }

    /**
     * Takes the next publication number for a run, which is allowed only if no other publication began since the
     * run was made (the run noted the number then). The number of a publication whose claim was cut short before
     * the run was marked stays the run's own.
     */
    void claim(MatchingRunDocument run) {
        long seen = publicationOrder.seenBy(run);
        Optional<Long> number = publicationOrder.claim(run.id(), seen);
        if (number.isPresent()) {
            mongo.updateFirst(query(where("_id").is(run.id())), new Update().set(PublicationOrder.NUMBER,
                    number.get()), MatchingRunDocument.class);
            return;
        }
        Optional<String> latest = publicationOrder.latestRun();
        if (latest.isPresent() && latest.get().equals(run.id()) && publicationOrder.current() == seen + 1) {
            return;
        }
        throw outdated(run, latest.orElse(null));
    }

    /**
     * Whether another run began publishing after this one was made, so that this one can no longer be published
     * (or a publication of it cut short finished).
     */
    boolean isOutdated(String runId) {
        MatchingRunDocument run = mongo.findById(runId, MatchingRunDocument.class);
        if (run == null || run.publishedAt() != null) {
            return false;
        }
        long seen = publicationOrder.seenBy(run);
        long current = publicationOrder.current();
        return current > seen && !(current == seen + 1 && run.id().equals(publicationOrder.latestRun().orElse(null)));
    }

    private static ConflictException outdated(MatchingRunDocument run, String laterRunId) {
        String later = laterRunId == null ? "Another run" : "Run " + laterRunId;
        return new ConflictException("run-outdated", later + " began publishing after run " + run.id() + " was made,"
                + " so this run's proposals no longer know every mentor's load; start a new run and publish that one");
    }
}
