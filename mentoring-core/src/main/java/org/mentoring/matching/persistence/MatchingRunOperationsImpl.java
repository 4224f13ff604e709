package org.mentoring.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mentoring.matching.model.RunStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class MatchingRunOperationsImpl implements MatchingRunOperations {

    private static final String STATUS = "status";

    private final MongoTemplate mongo;

    MatchingRunOperationsImpl(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<MatchingRunDocument> transition(String id, RunStatus target, Update changes) {
        Query query = query(where("_id").is(id).and(STATUS).in(RunStatus.sourcesOf(target)));
        Update update = changes.set(STATUS, target).inc("version", 1);
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                MatchingRunDocument.class));
    }

    @Override
    public boolean recordProgress(String id, ScorePointDocument point) {
        Update update = new Update()
                .push("history", point)
                .set("score", point.score())
                .set("feasible", point.feasible())
                .set("matchedCount", point.matchedCount())
                .inc("version", 1);
        return mongo.updateFirst(query(where("_id").is(id).and(STATUS).is(RunStatus.SOLVING)), update,
                MatchingRunDocument.class).getMatchedCount() == 1;
    }

    @Override
    public boolean recordInputCounts(String id, int requestCount, int mentorCount, int settledCount) {
        Update update = new Update()
                .set("requestCount", requestCount)
                .set("mentorCount", mentorCount)
                .set("settledCount", settledCount)
                .inc("version", 1);
        return mongo.updateFirst(query(where("_id").is(id).and(STATUS).is(RunStatus.QUEUED)), update,
                MatchingRunDocument.class).getMatchedCount() == 1;
    }

    @Override
    public Page<MatchingRunDocument> findPageWithoutHistory(Pageable pageable) {
        Sort sort = pageable.getSort().isSorted() ? pageable.getSort() : Sort.by(Sort.Direction.DESC, "createdAt");
        Query query = new Query().with(pageable).with(sort);
        query.fields().exclude("history");
        List<MatchingRunDocument> content = mongo.find(query, MatchingRunDocument.class);
        long total = mongo.count(new Query(), MatchingRunDocument.class);
        return new PageImpl<>(content, pageable, total);
    }

    @Override
    public List<MatchingRunDocument> findActiveCreatedBefore(Instant instant) {
        return mongo.find(query(where(STATUS).in(RunStatus.QUEUED, RunStatus.SOLVING).and("createdAt").lt(instant)),
                MatchingRunDocument.class);
    }
}
