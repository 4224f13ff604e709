package org.mentoring.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The order of publications, kept by one counter document ({@code counters}, id {@value #ID}) rather than by the
 * clocks of different instances. Each run notes the counter when it is made ({@value #SEEN} on the run); a run may
 * begin publishing only by moving the counter from exactly that number to the next one, so a run made before another
 * run began publishing can never be published: its proposals do not know that publication's offers. The counter also
 * names the run that took its number, so that a publication cut short before it marked its run can be resumed.
 */
@Component
public class PublicationOrder {

    public static final String COLLECTION = "counters";
    static final String ID = "publications";
    /** On a run: the publication number when it was made. */
    public static final String SEEN = "publicationsSeen";
    /** On a run: the number its publication took. */
    public static final String NUMBER = "publicationNumber";

    private final MongoTemplate mongo;

    public PublicationOrder(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The number of the latest publication begun: 0 before the first. */
    public long current() {
        return counter().map(counter -> counter.get("seq", Number.class).longValue()).orElseGet(this::initialise);
    }

    /** The run that took the latest publication number, if any run did since the counter existed. */
    public Optional<String> latestRun() {
        return counter().map(counter -> counter.getString("runId"));
    }

    /**
     * Takes the next publication number for a run, if no publication began since the run was made.
     *
     * @param seen the counter when the run was made ({@link #seenBy})
     * @return the number taken, or empty when another publication began since
     */
    public Optional<Long> claim(String runId, long seen) {
        current();
        try {
            Document after = mongo.findAndModify(query(where("_id").is(ID).and("seq").is(seen)),
                    new Update().inc("seq", 1).set("runId", runId), FindAndModifyOptions.options().returnNew(true),
                    Document.class, COLLECTION);
            return after == null ? Optional.empty() : Optional.of(after.get("seq", Number.class).longValue());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** Notes on a new run the current publication number, before it reads its inputs. */
    public void noteSeen(String runId, long seen) {
        mongo.updateFirst(query(where("_id").is(runId)), new Update().set(SEEN, seen), MatchingRunDocument.class);
    }

    /**
     * The publication number a run saw when it was made. A run made before the counter existed (or whose note was
     * lost) counts the publications begun before it was made, as their timestamps say.
     */
    public long seenBy(MatchingRunDocument run) {
        Document raw = mongo.findById(run.id(), Document.class, MatchingRunDocument.COLLECTION);
        if (raw != null && raw.get(SEEN) instanceof Number seen) {
            return seen.longValue();
        }
        return mongo.count(query(where("_id").ne(run.id()).and("publishedAt").lt(run.createdAt())),
                MatchingRunDocument.class);
    }

    /** The number a run's publication took, or empty if it took none (never published, or published before). */
    public Optional<Long> numberOf(String runId) {
        Document raw = mongo.findById(runId, Document.class, MatchingRunDocument.COLLECTION);
        return raw != null && raw.get(NUMBER) instanceof Number number ? Optional.of(number.longValue())
                : Optional.empty();
    }

    /**
     * A publication begun and not finished: a run with {@code publishedAt} and no {@code publishCompletedAt}, or the
     * run that took the latest number and was cut short before it was marked.
     */
    public Optional<MatchingRunDocument> unfinished() {
        MatchingRunDocument marked = mongo.findOne(query(where("publishedAt").ne(null).and("publishCompletedAt")
                .is(null)), MatchingRunDocument.class);
        if (marked != null) {
            return Optional.of(marked);
        }
        return latestRun().map(runId -> mongo.findById(runId, MatchingRunDocument.class))
                .filter(run -> run.publishCompletedAt() == null);
    }

    private Optional<Document> counter() {
        return Optional.ofNullable(mongo.findById(ID, Document.class, COLLECTION));
    }

    /** A store written before the counter existed starts it at the number of runs already published. */
    private long initialise() {
        long published = mongo.count(query(where("publishedAt").ne(null)), MatchingRunDocument.class);
        try {
            mongo.upsert(query(where("_id").is(ID)), new Update().setOnInsert("seq", published),
                    Document.class, COLLECTION);
        } catch (DuplicateKeyException e) {
            // started by another instance at the same moment
        }
        return counter().map(counter -> counter.get("seq", Number.class).longValue()).orElse(published);
    }
}
