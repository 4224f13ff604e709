package org.mentoring.matching.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Saves and reads the mentoring circles of a run ({@link RunCircleDocument}), found by their ids. */
@Component
public class RunCircleStore {

    private final MongoTemplate mongo;

    public RunCircleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The id the n-th (from 1) circle of a run is saved with. */
    public static String idOf(String runId, int n) {
        return RunChildIds.of(runId, n);
    }

    /** Replaces the circles of a run with these; running it again for the same run leaves one copy. */
    public void save(String runId, List<RunCircleDocument> circles) {
        delete(runId);
        if (!circles.isEmpty()) {
            mongo.insert(new ArrayList<>(circles), RunCircleDocument.class);
        }
    }

    /** A run's circles, in order; empty for a run without circles. */
    public List<RunCircleDocument> circles(String runId) {
        return mongo.find(RunChildIds.ofRun(runId), RunCircleDocument.class);
    }

    public Optional<RunCircleDocument> find(String circleId) {
        return Optional.ofNullable(mongo.findById(circleId, RunCircleDocument.class));
    }

    public void delete(String runId) {
        mongo.remove(RunChildIds.ofRun(runId), RunCircleDocument.class);
    }
}
