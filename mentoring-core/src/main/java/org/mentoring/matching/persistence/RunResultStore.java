package org.mentoring.matching.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.solver.MatchingResult;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Saves and reads a run's result: its proposals and its unmatched requests, found by their ids ({@link RunChildIds}).
 */
@Component
public class RunResultStore {

    private final MongoTemplate mongo;

    public RunResultStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Replaces the result of a run with {@code result}: proposals and unmatched ordered by request, inserted in
     * bulk. Running it again for the same run leaves one copy.
     */
    public void save(String runId, MatchingResult result) {
        delete(runId);
        List<MatchingResult.Proposal> sortedProposals = new ArrayList<>(result.proposals());
        sortedProposals.sort(Comparator.comparing(MatchingResult.Proposal::requestExternalId));
        List<Document> proposals = new ArrayList<>(sortedProposals.size());
        for (MatchingResult.Proposal p : sortedProposals) {
            proposals.add(draft(RunChildIds.of(runId, proposals.size() + 1), runId, p));
        }
        List<MatchingResult.Unmatched> sortedUnmatched = new ArrayList<>(result.unmatched());
        sortedUnmatched.sort(Comparator.comparing(MatchingResult.Unmatched::requestExternalId));
        List<Document> unmatched = new ArrayList<>(sortedUnmatched.size());
        for (MatchingResult.Unmatched u : sortedUnmatched) {
            Document document = new Document("_id", RunChildIds.of(runId, unmatched.size() + 1))
                    .append("runId", runId);
            appendUnlessNull(document, "requestExternalId", u.requestExternalId());
            appendUnlessNull(document, "reasons", u.reasons());
            unmatched.add(document.append(TYPE_KEY, UnmatchedDocument.class.getName()));
        }
        // written as the documents Spring Data would map them to (RunResultStoreTest compares both), without mapping
        // each: the proposals of a large run cost more to map than to send
        if (!proposals.isEmpty()) {
            mongo.getCollection(ProposalDocument.COLLECTION).insertMany(proposals);
        }
        if (!unmatched.isEmpty()) {
            mongo.getCollection(UnmatchedDocument.COLLECTION).insertMany(unmatched);
        }
    }

    /** Spring Data's key for the stored type, which its mapping writes into every document it inserts. */
    private static final String TYPE_KEY = "_class";

    /** The document of {@link ProposalDocument#draft}, as Spring Data writes it: no null fields, version 0. */
    private static Document draft(String id, String runId, MatchingResult.Proposal p) {
        Document document = new Document("_id", id).append("runId", runId);
        appendUnlessNull(document, "requestExternalId", p.requestExternalId());
        appendUnlessNull(document, "mentorExternalId", p.mentorExternalId());
        appendUnlessNull(document, "explanation", p.explanation().researcher());
        appendUnlessNull(document, "mentorExplanation", p.explanation().mentor());
        appendUnlessNull(document, "adminExplanation", p.explanation().admin());
        document.append("affinity", p.affinity()).append("overlapMinutes", p.overlapMinutes())
                .append("valid", p.valid()).append("status", OfferStatus.DRAFT.name()).append("version", 0L);
        if (p.pinned()) {
            document.append("pinned", true);
        }
        return document.append(TYPE_KEY, ProposalDocument.class.getName());
    }

    private static void appendUnlessNull(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }

    /** A run's proposals, ordered by request. */
    public List<ProposalDocument> proposals(String runId) {
        return mongo.find(RunChildIds.ofRun(runId), ProposalDocument.class);
    }

    /** A run's unmatched requests, ordered by request. */
    public List<UnmatchedDocument> unmatched(String runId) {
        return mongo.find(RunChildIds.ofRun(runId), UnmatchedDocument.class);
    }

    /** Why the most recently published run left a request without a mentor. */
    public record PublishedUnmatched(String runId, java.time.Instant publishedAt, List<String> reasons) {
    }

    /**
     * The reasons the most recently published run gave for leaving this request unmatched; empty when that run
     * placed it, did not include it, or no run is published.
     */
    public java.util.Optional<PublishedUnmatched> latestPublishedUnmatched(String requestExternalId) {
        org.springframework.data.mongodb.core.query.Query latest = org.springframework.data.mongodb.core.query.Query
                .query(org.springframework.data.mongodb.core.query.Criteria.where("publishedAt").ne(null))
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                        "publishedAt"))
                .limit(1);
        MatchingRunDocument run = mongo.findOne(latest, MatchingRunDocument.class);
        if (run == null) {
            return java.util.Optional.empty();
        }
        org.springframework.data.mongodb.core.query.Query mine = RunChildIds.ofRun(run.id());
        mine.addCriteria(org.springframework.data.mongodb.core.query.Criteria.where("requestExternalId")
                .is(requestExternalId));
        UnmatchedDocument unmatched = mongo.findOne(mine, UnmatchedDocument.class);
        return java.util.Optional.ofNullable(unmatched)
                .map(u -> new PublishedUnmatched(run.id(), run.publishedAt(), u.reasons()));
    }

    /** Removes a run's result, if any. */
    public void delete(String runId) {
        mongo.remove(RunChildIds.ofRun(runId), ProposalDocument.class);
        mongo.remove(RunChildIds.ofRun(runId), UnmatchedDocument.class);
    }
}
