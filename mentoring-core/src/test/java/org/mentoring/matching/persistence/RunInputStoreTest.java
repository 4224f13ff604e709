package org.mentoring.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.EmbeddedMongoTestConfiguration;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.people.MentorshipRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The inputs a run keeps are read back exactly as they were read, whether kept as a packed snapshot in one part or in
 * many, or in the earlier layout of a document per 500 records; and a snapshot whose parts are not all there reads as
 * none (a run that stopped while keeping them).
 */
@DataMongoTest
@Import({EmbeddedMongoTestConfiguration.class, RunInputStore.class})
class RunInputStoreTest {

    private static final String RUN = "6f1c2e9a-0d1b-4c55-9a6e-3b7f00000001";
    private static final String OTHER_RUN = "6f1c2e9a-0d1b-4c55-9a6e-3b7f00000002";

    @Autowired
    private RunInputStore store;
    @Autowired
    private MongoTemplate mongo;

    @BeforeEach
    void empty() {
        mongo.remove(new Query(), RunInputsDocument.COLLECTION);
    }

    /** A generated community with two settled pairs and a pin, as a run would read it. */
    private static InputSnapshot snapshot(int requests, int mentors) {
        CommunityGenerator.Community community = new CommunityGenerator(5).generate(requests, mentors);
        List<MentorshipRequest> all = community.requests();
        Map<MentorshipRequest, String> settled = new HashMap<>();
        settled.put(all.get(0), community.mentors().get(0).externalId());
        settled.put(all.get(1), community.mentors().get(1).externalId());
        List<MentorshipRequest> open = all.subList(2, all.size());
        return new InputSnapshot(community.mentors(), open, settled,
                Map.of(open.get(0).externalId(), community.mentors().get(2).externalId()), Map.of());
    }

    private static void assertSame(InputSnapshot read, InputSnapshot kept) {
        assertThat(read.mentors()).isEqualTo(kept.mentors());
        assertThat(read.openRequests()).isEqualTo(kept.openRequests());
        assertThat(read.settled()).isEqualTo(kept.settled());
        assertThat(read.pinned()).isEqualTo(kept.pinned());
    }

    private List<Document> parts(String runId) {
        return mongo.getCollection(RunInputsDocument.COLLECTION)
                .find(new Document("runId", runId)).into(new java.util.ArrayList<>());
    }

    @Test
    void aRunsInputsAreReadBackExactlyAsKeptInOneCompactDocument() {
        InputSnapshot kept = snapshot(400, 80);
        store.save(RUN, kept);
        store.save(OTHER_RUN, snapshot(30, 10));

        assertSame(store.load(RUN), kept);
        List<Document> parts = parts(RUN);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).getString("kind")).isEqualTo("PACKED");
        assertThat(parts.get(0).get("data", Binary.class).length()).isLessThan(RunInputStore.CHUNK_BYTES);
    }

    @Test
    void aLargeSnapshotIsSplitIntoPartsNoneLargerThanAChunkAndReadBackWhole() {
        InputSnapshot kept = snapshot(2_000, 400);
        int chunk = 16 * 1024;
        store.save(RUN, kept, chunk);

        List<Document> parts = parts(RUN);
        assertThat(parts).hasSizeGreaterThan(3);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.get("data", Binary.class).length()).isLessThanOrEqualTo(chunk);
            assertThat(part.getInteger("parts")).isEqualTo(parts.size());
        });
        assertSame(store.load(RUN), kept);
    }

    @Test
    void eachPartOfALargeSnapshotFitsOnOneLineOfABackup() {
        InputSnapshot kept = snapshot(8_000, 1_600);
        store.save(RUN, kept);
        Document part = parts(RUN).get(0);
        assertSame(store.load(RUN), kept);

        // the largest part there can be: as full as a part gets, of bytes that do not compress
        byte[] full = new byte[RunInputStore.CHUNK_BYTES];
        new java.util.Random(3).nextBytes(full);
        part.put("data", new Binary(full));
        part.put("part", 9_999);
        part.put("parts", 9_999);
        // a restore reads lines of at most 1 MiB (backup.RestoreLimits.LINE_BYTES)
        assertThat(part.toJson(org.bson.json.JsonWriterSettings.builder()
                .outputMode(org.bson.json.JsonMode.EXTENDED).build()).length()).isLessThan(1024 * 1024);
    }

    @Test
    void savingAgainLeavesOneCopyAndReplacesTheEarlierLayout() {
        InputSnapshot kept = snapshot(1_200, 200);
        store.saveAsRecords(RUN, snapshot(600, 100));
        assertThat(parts(RUN)).hasSizeGreaterThan(2);

        store.save(RUN, kept, 16 * 1024);
        store.save(RUN, kept);

        assertThat(parts(RUN)).hasSize(1);
        assertSame(store.load(RUN), kept);
    }

    @Test
    void inputsKeptInTheEarlierLayoutAreStillRead() {
        InputSnapshot kept = snapshot(1_200, 200);
        store.saveAsRecords(RUN, kept);

        assertThat(parts(RUN)).extracting(part -> part.getString("kind")).doesNotContain("PACKED");
        assertSame(store.load(RUN), kept);
    }

    @Test
    void aSnapshotWithAPartMissingReadsAsNoInputs() {
        store.save(RUN, snapshot(2_000, 400), 16 * 1024);
        mongo.getCollection(RunInputsDocument.COLLECTION).deleteOne(new Document("runId", RUN).append("part", 2));

        InputSnapshot read = store.load(RUN);

        assertThat(read.mentors()).isEmpty();
        assertThat(read.openRequests()).isEmpty();
        assertThat(read.settled()).isEmpty();
    }

    @Test
    void aRunWithoutInputsReadsAsEmpty() {
        assertThat(store.load(RUN).openRequests()).isEmpty();
    }
}
