package org.mentoring.matching.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.Document;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.solver.MatchingResult;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
     * bulk. Running it again for the same run leaves one copy. Returns only once every document is stored, or throws
     * once every write it started has ended (none goes on after it returns or throws).
     *
     * <p>The documents are written in parts of at most {@value #PART_SIZE}, two at a time: on the embedded store
     * each insert is one thread's work, most of it the unique id index's checks, and a collection takes one insert
     * at a time, so the proposals and the unmatched requests go side by side (the parts of one collection, one
     * after the other, overlap only the sending). On a real MongoDB the same concurrent ordered inserts.
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
        insertSideBySide(parts(proposals, ProposalDocument.COLLECTION, unmatched, UnmatchedDocument.COLLECTION));
    }

    /** How many documents one insert writes at most. */
    static final int PART_SIZE = 2_500;

    private record Part(String collection, List<Document> documents) {
    }

    /** The parts of both collections, taking turns, so that two writers start on different collections. */
    private static Queue<Part> parts(List<Document> first, String firstCollection, List<Document> second,
            String secondCollection) {
        Queue<Part> parts = new ConcurrentLinkedQueue<>();
        for (int from = 0; from < Math.max(first.size(), second.size()); from += PART_SIZE) {
            if (from < first.size()) {
                parts.add(new Part(firstCollection, first.subList(from, Math.min(first.size(), from + PART_SIZE))));
            }
            if (from < second.size()) {
                parts.add(new Part(secondCollection,
                        second.subList(from, Math.min(second.size(), from + PART_SIZE))));
            }
        }
        return parts;
    }

    /**
     * Inserts the parts with two writers, this thread and one of its own, each taking the next part until none is
     * left or one has failed; then throws the first failure (an {@link Error} as it is), the others suppressed.
     */
    private void insertSideBySide(Queue<Part> parts) {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Runnable writer = () -> {
            Part part;
            while (failures.isEmpty() && (part = parts.poll()) != null) {
                try {
                    mongo.getCollection(part.collection()).insertMany(part.documents());
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                }
            }
        };
        Thread other = null;
        if (parts.size() > 1) {
            other = new Thread(writer, "matching-run-save");
            other.setDaemon(true);
            other.start();
        }
        writer.run();
        if (other != null) {
            joinUninterruptibly(other);
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            if (first instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) first;
        }
    }

    /** Waits for the other writer to end, even if interrupted meanwhile (the interrupt is kept). */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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
    public record PublishedUnmatched(String runId, Instant publishedAt, List<String> reasons) {
    }

    /**
     * The reasons the most recently published run gave for leaving this request unmatched; empty when that run
     * placed it, did not include it, or no run is published.
     */
    public Optional<PublishedUnmatched> latestPublishedUnmatched(String requestExternalId) {
        Query latest = Query
                .query(Criteria.where("publishedAt").ne(null))
                .with(Sort.by(Sort.Direction.DESC,
                        "publishedAt"))
                .limit(1);
        MatchingRunDocument run = mongo.findOne(latest, MatchingRunDocument.class);
        if (run == null) {
            return Optional.empty();
        }
        Query mine = RunChildIds.ofRun(run.id());
        mine.addCriteria(Criteria.where("requestExternalId")
                .is(requestExternalId));
        UnmatchedDocument unmatched = mongo.findOne(mine, UnmatchedDocument.class);
        return Optional.ofNullable(unmatched)
                .map(u -> new PublishedUnmatched(run.id(), run.publishedAt(), u.reasons()));
    }

    /** Removes a run's result, if any. */
    public void delete(String runId) {
        mongo.remove(RunChildIds.ofRun(runId), ProposalDocument.class);
        mongo.remove(RunChildIds.ofRun(runId), UnmatchedDocument.class);
    }
}
