package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.run.RunReader;
import org.mentoring.people.MentorshipRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Compares a run's pairs with those of the previous completed run, so that an admin sees what a new run changes. */
@Service
public class RunDiffService {

    private final RunReader runs;
    private final MongoTemplate mongo;

    RunDiffService(RunReader runs, MongoTemplate mongo) {
        this.runs = runs;
        this.mongo = mongo;
    }

    /**
     * The difference between a finished run and the latest COMPLETED run created before it.
     *
     * @throws org.mentoring.common.NotFoundException if there is no such run
     * @throws org.mentoring.common.ConflictException while the run is queued or solving, or if it failed
     */
    public RunDiff diff(String runId) {
        MatchingRun run = runs.get(runId);
        Map<String, String> current = pairs(runId);
        MatchingRunDocument previous = mongo.findOne(query(where("status").is(RunStatus.COMPLETED)
                .and("createdAt").lt(run.createdAt())).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1),
                MatchingRunDocument.class);
        Map<String, String> before = previous == null ? Map.of() : pairs(previous.id());
        List<RunDiff.PairChange> kept = new ArrayList<>();
        List<RunDiff.PairChange> changed = new ArrayList<>();
        List<RunDiff.PairChange> added = new ArrayList<>();
        List<RunDiff.PairChange> dropped = new ArrayList<>();
        TreeSet<String> requests = new TreeSet<>(current.keySet());
        requests.addAll(before.keySet());
        for (String request : requests) {
            String was = before.get(request);
            String is = current.get(request);
            RunDiff.PairChange change = new RunDiff.PairChange(request, was, is);
            if (was == null) {
                added.add(change);
            } else if (is == null) {
                dropped.add(change);
            } else if (was.equals(is)) {
                kept.add(change);
            } else {
                changed.add(change);
            }
        }
        return new RunDiff(runId, previous == null ? null : previous.id(), kept, changed, added, dropped);
    }

    /** Request to mentor of every pair a run proposed or kept. */
    private Map<String, String> pairs(String runId) {
        Map<String, String> pairs = new TreeMap<>();
        for (Map.Entry<MentorshipRequest, String> settled : runs.inputs(runId).settled().entrySet()) {
            pairs.put(settled.getKey().externalId(), settled.getValue());
        }
        for (Proposal proposal : runs.proposals(runId).proposals()) {
            pairs.put(proposal.requestExternalId(), proposal.mentorExternalId());
        }
        return pairs;
    }
}
