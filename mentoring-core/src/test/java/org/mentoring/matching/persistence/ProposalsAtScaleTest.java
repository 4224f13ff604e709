package org.mentoring.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.matching.solver.MatchingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The result of a 10,000-request run on the application's own embedded store (mongo-java-server with its H2
 * backend, in a file), beside the results of earlier runs: saved in bulk and read back whole and in order. The
 * times are logged, not asserted (docs/benchmarks.md holds the measured numbers).
 */
@DataMongoTest
@Import({ProposalsAtScaleTest.H2Store.class, RunResultStore.class})
class ProposalsAtScaleTest {

    private static final Logger log = LoggerFactory.getLogger(ProposalsAtScaleTest.class);
    private static final int REQUESTS = 10_000;
    private static final int MATCHED = 9_600;

    @TestConfiguration(proxyBeanMethods = false)
    static class H2Store {

        @Bean(destroyMethod = "shutdownNow")
        MongoServer mongoServer() {
            try {
                Path dir = Files.createTempDirectory("mentoring-scale");
                dir.toFile().deleteOnExit();
                MongoServer server = new MongoServer(new H2Backend(dir.resolve("store.mv").toString()));
                server.bind("127.0.0.1", 0);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Bean
        InsertTimes insertTimes() {
            return new InsertTimes();
        }

        @Bean(destroyMethod = "close")
        MongoClient mongoClient(MongoServer server, InsertTimes insertTimes) {
            return MongoClients.create(com.mongodb.MongoClientSettings.builder()
                    .applyConnectionString(new com.mongodb.ConnectionString(server.getConnectionString()))
                    .addCommandListener(insertTimes).build());
        }
    }

    /** When each insert command began and ended (nanoTime), by collection. */
    static final class InsertTimes implements com.mongodb.event.CommandListener {
        record Insert(String collection, long start, long end) {
        }

        private final java.util.Map<Long, Insert> running = new java.util.concurrent.ConcurrentHashMap<>();
        final List<Insert> ended = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
            if (event.getCommandName().equals("insert")) {
                running.put(event.getOperationId() * 1_000_003L + event.getRequestId(),
                        new Insert(event.getCommand().getString("insert").getValue(), System.nanoTime(), 0));
            }
        }

        @Override
        public void commandSucceeded(com.mongodb.event.CommandSucceededEvent event) {
            Insert insert = running.remove(event.getOperationId() * 1_000_003L + event.getRequestId());
            if (insert != null) {
                ended.add(new Insert(insert.collection(), insert.start(), System.nanoTime()));
            }
        }

        List<Insert> of(String collection) {
            synchronized (ended) {
                return ended.stream().filter(i -> i.collection().equals(collection)).toList();
            }
        }
    }

    @Autowired
    private InsertTimes insertTimes;

    @Autowired
    private RunResultStore results;

    static MatchingResult result(int requests, int matched) {
        List<MatchingResult.Proposal> proposals = new ArrayList<>(matched);
        List<MatchingResult.Unmatched> unmatched = new ArrayList<>(requests - matched);
        for (int i = 1; i <= requests; i++) {
            String request = String.format("r-%05d", i);
            if (i <= matched) {
                proposals.add(new MatchingResult.Proposal(request, String.format("m-%04d", i % 2000 + 1),
                        Explanation.same(List.of(
                        "Shares planetary-health/climate-health/heat-health, your first choice",
                        "4 h 30 min a week together (you asked for at least 1 h)",
                        "Both speak English and Swahili",
                        "Offers grant-writing and publishing, two of your goals",
                        "Your second preferred mentor",
                        "Crosses institutions and countries (University of Nairobi, KE)")), 9, 270, true));
            } else {
                unmatched.add(new MatchingResult.Unmatched(request, List.of(
                        "no mentor shares a language", "all 4 mentors in heat-health are at capacity")));
            }
        }
        return new MatchingResult("0hard/-400medium/91234soft", true, requests, 2000, matched, 0, proposals,
                unmatched, Duration.ofSeconds(60), false);
    }

    @Test
    void theProposalsOfATenThousandRequestRunAreReadWholeAndInOrderBesideAnotherRun() throws Exception {
        results.save(UUID.randomUUID().toString(), result(REQUESTS, MATCHED));
        String runId = UUID.randomUUID().toString();

        long saveStart = System.nanoTime();
        results.save(runId, result(REQUESTS, MATCHED));
        long saveMillis = (System.nanoTime() - saveStart) / 1_000_000;

        long readStart = System.nanoTime();
        List<ProposalDocument> proposals = results.proposals(runId);
        List<UnmatchedDocument> unmatched = results.unmatched(runId);
        long readMillis = (System.nanoTime() - readStart) / 1_000_000;
        long jsonStart = System.nanoTime();
        byte[] json = new ObjectMapper().writeValueAsBytes(List.of(proposals, unmatched));
        long jsonMillis = (System.nanoTime() - jsonStart) / 1_000_000;
        log.info("10,000-request run on the H2 store beside another: saved in {} ms, read in {} ms, "
                + "JSON ({} kB) in {} ms", saveMillis, readMillis, json.length / 1024, jsonMillis);

        assertThat(proposals).hasSize(MATCHED);
        assertThat(unmatched).hasSize(REQUESTS - MATCHED);
        assertThat(proposals).allSatisfy(p -> assertThat(p.runId()).isEqualTo(runId));
        assertThat(proposals).extracting(ProposalDocument::requestExternalId).isSorted();
        assertThat(proposals.get(0).id()).isEqualTo(runId + "-000001");
        assertThat(proposals.get(0).explanation()).hasSize(6);
        assertThat(unmatched).extracting(UnmatchedDocument::requestExternalId).isSorted();
    }

    @Test
    void theProposalsAndTheUnmatchedRequestsAreWrittenSideBySide() {
        String runId = UUID.randomUUID().toString();
        insertTimes.ended.clear();

        results.save(runId, result(REQUESTS, 5_000));

        List<InsertTimes.Insert> proposals = insertTimes.of(ProposalDocument.COLLECTION);
        List<InsertTimes.Insert> unmatched = insertTimes.of(UnmatchedDocument.COLLECTION);
        assertThat(proposals).isNotEmpty();
        assertThat(unmatched).isNotEmpty();
        long proposalsStart = proposals.stream().mapToLong(InsertTimes.Insert::start).min().orElseThrow();
        long proposalsEnd = proposals.stream().mapToLong(InsertTimes.Insert::end).max().orElseThrow();
        assertThat(unmatched).as("an unmatched request is written while the proposals are")
                .anySatisfy(u -> assertThat(u.start() < proposalsEnd && proposalsStart < u.end()).isTrue());
        assertThat(results.proposals(runId)).hasSize(5_000).extracting(ProposalDocument::id).doesNotHaveDuplicates();
        assertThat(results.unmatched(runId)).hasSize(REQUESTS - 5_000);
    }

    @Test
    void savingARunsResultAgainLeavesOneCopy() {
        String runId = UUID.randomUUID().toString();
        results.save(runId, result(50, 40));
        results.save(runId, result(50, 45));

        assertThat(results.proposals(runId)).hasSize(45);
        assertThat(results.unmatched(runId)).hasSize(5);

        results.delete(runId);
        assertThat(results.proposals(runId)).isEmpty();
        assertThat(results.unmatched(runId)).isEmpty();
    }
}
