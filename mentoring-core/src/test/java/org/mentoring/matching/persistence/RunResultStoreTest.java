package org.mentoring.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.EmbeddedMongoTestConfiguration;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.matching.solver.MatchingResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A run's result is written without Spring Data's mapping, as the very documents that mapping writes: each proposal
 * and unmatched request is stored field for field as {@code mongo.insert} of {@link ProposalDocument#draft} and of
 * {@link UnmatchedDocument} stores it, and reads back as that document.
 */
@DataMongoTest
@Import({EmbeddedMongoTestConfiguration.class, RunResultStore.class})
class RunResultStoreTest {

    private static final String RUN = "0b7c2e9a-0d1b-4c55-9a6e-3b7f00000001";
    private static final String MAPPED_RUN = "0b7c2e9a-0d1b-4c55-9a6e-3b7f00000002";

    @Autowired
    private RunResultStore results;
    @Autowired
    private MongoTemplate mongo;

    @BeforeEach
    void empty() {
        mongo.remove(new Query(), ProposalDocument.class);
        mongo.remove(new Query(), UnmatchedDocument.class);
    }

    private static MatchingResult result() {
        List<MatchingResult.Proposal> proposals = List.of(
                new MatchingResult.Proposal("r-2", "m-1", new Explanation(List.of("Your first choice"),
                        List.of("Their first choice"), List.of("The researcher's first choice")), 9, 270, true, false),
                new MatchingResult.Proposal("r-1", "m-2", Explanation.same(List.of("Both speak Swahili")), 3, 60,
                        false, true),
                new MatchingResult.Proposal("r-3", "m-2", new Explanation(List.of(), List.of(), List.of()), 0, 0,
                        true, false));
        List<MatchingResult.Unmatched> unmatched = List.of(
                new MatchingResult.Unmatched("r-5", List.of("no mentor shares a language")),
                new MatchingResult.Unmatched("r-4", List.of()));
        return new MatchingResult("0hard/-2medium/12soft", true, 5, 2, 3, 0, proposals, unmatched,
                Duration.ofSeconds(3), false);
    }

    /** The result as Spring Data's mapping inserts it, under {@code runId}. */
    private void insertMapped(String runId, MatchingResult result) {
        List<MatchingResult.Proposal> sorted = new ArrayList<>(result.proposals());
        sorted.sort(java.util.Comparator.comparing(MatchingResult.Proposal::requestExternalId));
        List<ProposalDocument> proposals = new ArrayList<>();
        for (MatchingResult.Proposal p : sorted) {
            proposals.add(ProposalDocument.draft(RunChildIds.of(runId, proposals.size() + 1), runId,
                    p.requestExternalId(), p.mentorExternalId(), p.explanation(), p.affinity(), p.overlapMinutes(),
                    p.valid(), p.pinned()));
        }
        mongo.insert(proposals, ProposalDocument.class);
        List<MatchingResult.Unmatched> unmatchedSorted = new ArrayList<>(result.unmatched());
        unmatchedSorted.sort(java.util.Comparator.comparing(MatchingResult.Unmatched::requestExternalId));
        List<UnmatchedDocument> unmatched = new ArrayList<>();
        for (MatchingResult.Unmatched u : unmatchedSorted) {
            unmatched.add(new UnmatchedDocument(RunChildIds.of(runId, unmatched.size() + 1), runId,
                    u.requestExternalId(), u.reasons()));
        }
        mongo.insert(unmatched, UnmatchedDocument.class);
    }

    /** The stored documents of a run, without the fields that name the run. */
    private List<Document> stored(String collection, String runId) {
        List<Document> documents = new ArrayList<>();
        for (Document document : mongo.getCollection(collection).find(new Document("runId", runId))
                .sort(new Document("_id", 1))) {
            document.put("_id", document.getString("_id").substring(runId.length()));
            document.remove("runId");
            documents.add(document);
        }
        return documents;
    }

    @Test
    void theResultIsStoredAsTheDocumentsSpringDataWouldWrite() {
        results.save(RUN, result());
        insertMapped(MAPPED_RUN, result());

        assertThat(stored(ProposalDocument.COLLECTION, RUN)).hasSize(3)
                .isEqualTo(stored(ProposalDocument.COLLECTION, MAPPED_RUN));
        assertThat(stored(UnmatchedDocument.COLLECTION, RUN)).hasSize(2)
                .isEqualTo(stored(UnmatchedDocument.COLLECTION, MAPPED_RUN));
    }

    @Test
    void theStoredResultReadsBackAsDraftProposalsInRequestOrder() {
        results.save(RUN, result());

        List<ProposalDocument> proposals = results.proposals(RUN);
        assertThat(proposals).extracting(ProposalDocument::requestExternalId).containsExactly("r-1", "r-2", "r-3");
        assertThat(proposals).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(OfferStatus.DRAFT);
            assertThat(p.version()).isZero();
        });
        assertThat(proposals.get(0).isPinned()).isTrue();
        assertThat(proposals.get(0).explanation()).containsExactly("Both speak Swahili");
        assertThat(proposals.get(1).mentorExplanation()).containsExactly("Their first choice");
        assertThat(proposals.get(1).isPinned()).isFalse();
        assertThat(results.unmatched(RUN)).extracting(UnmatchedDocument::requestExternalId)
                .containsExactly("r-4", "r-5");
    }

    /** A result of {@code proposals} proposals and {@code unmatched} unmatched requests, r-00001 on. */
    private static MatchingResult large(int proposals, int unmatched) {
        List<MatchingResult.Proposal> pairs = new ArrayList<>();
        List<MatchingResult.Unmatched> left = new ArrayList<>();
        for (int i = proposals + unmatched; i >= 1; i--) {
            String request = String.format("r-%05d", i);
            if (i % 3 != 0 && pairs.size() < proposals || left.size() == unmatched) {
                pairs.add(new MatchingResult.Proposal(request, "m-" + i % 7, Explanation.same(List.of("line " + i)),
                        i % 10, 60, true, i % 11 == 0));
            } else {
                left.add(new MatchingResult.Unmatched(request, List.of("reason " + i)));
            }
        }
        return new MatchingResult("0hard/0medium/1soft", true, proposals + unmatched, 7, proposals, 0, pairs, left,
                Duration.ofSeconds(1), false);
    }

    @Test
    void aResultOfSeveralPartsIsStoredWholeEachDocumentOnceAsSpringDataWouldWriteIt() {
        MatchingResult result = large(2 * RunResultStore.PART_SIZE + 7, RunResultStore.PART_SIZE + 3);

        results.save(RUN, result);
        insertMapped(MAPPED_RUN, result);

        List<Document> proposals = stored(ProposalDocument.COLLECTION, RUN);
        assertThat(proposals).hasSize(2 * RunResultStore.PART_SIZE + 7)
                .isEqualTo(stored(ProposalDocument.COLLECTION, MAPPED_RUN));
        assertThat(proposals).extracting(d -> d.getString("_id"))
                .as("numbered 1 to n in request order, none twice, none missing")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, proposals.size())
                        .mapToObj(n -> String.format("-%06d", n)).toList());
        List<Document> unmatched = stored(UnmatchedDocument.COLLECTION, RUN);
        assertThat(unmatched).hasSize(RunResultStore.PART_SIZE + 3)
                .isEqualTo(stored(UnmatchedDocument.COLLECTION, MAPPED_RUN));
        assertThat(unmatched).extracting(d -> d.getString("requestExternalId")).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aFailedPartFailsTheSaveAndSavingAgainLeavesExactlyTheResult() {
        MatchingResult result = large(RunResultStore.PART_SIZE + 5, 40);
        // another run's unmatched request holds a key this result's unmatched requests need: their part fails
        var index = mongo.getCollection(UnmatchedDocument.COLLECTION).createIndex(new Document("requestExternalId", 1),
                new com.mongodb.client.model.IndexOptions().unique(true));
        try {
            String taken = result.unmatched().get(0).requestExternalId();
            mongo.getCollection(UnmatchedDocument.COLLECTION).insertOne(new Document("_id", "another-run-000001")
                    .append("runId", "another-run").append("requestExternalId", taken));

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> results.save(RUN, result))
                    .isInstanceOf(RuntimeException.class).hasMessageContaining("duplicate key");
        } finally {
            mongo.getCollection(UnmatchedDocument.COLLECTION).dropIndex(index);
        }
        mongo.remove(new Query(), UnmatchedDocument.class);

        results.save(RUN, result);
        assertThat(results.proposals(RUN)).hasSize(RunResultStore.PART_SIZE + 5)
                .extracting(ProposalDocument::id).doesNotHaveDuplicates();
        assertThat(results.unmatched(RUN)).hasSize(40);
    }
}
