package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.people.importing.ImportJournal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * Every query the app makes has an index on a real MongoDB (the embedded server ignores non-unique indexes, so
 * nothing else would notice a missing one). Runs the whole lifecycle flow of {@link LifecycleFlowTest} (import,
 * invitations, runs, publish, answers, diff, analytics, override, feedback), then the lists, the dashboard and the
 * people's own pages, recording every filter and sort the app sends; then checks each against the indexes the
 * collections declare.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryIndexTest extends LifecycleFlowTest {

    private static final QueryRecorder RECORDER = new QueryRecorder();

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        MongoClientSettingsBuilderCustomizer recordQueries() {
            return settings -> settings.addCommandListener(RECORDER);
        }
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    LifecycleService lifecycle;
    @Autowired
    ImportJournal imports;

    @Test
    @Order(Integer.MAX_VALUE)
    void everyQueryOfTheFlowHasAnIndex() {
        Http admin = new Http(port).asAdmin();
        for (String path : List.of("/api/v1/requests", "/api/v1/requests?status=OPEN", "/api/v1/requests?country=DE",
                "/api/v1/mentors", "/api/v1/mentors?country=DE", "/api/v1/mentors?language=en",
                "/api/v1/matching-runs", "/api/v1/mentorships", "/api/v1/mentorships?status=ACTIVE",
                "/api/v1/audit-events", "/api/v1/audit-events?action=IMPORT",
                "/api/v1/audit-events?actor=" + Http.ADMIN_EMAIL,
                "/api/v1/audit-events?action=IMPORT&actor=" + Http.ADMIN_EMAIL, "/api/v1/accounts",
                "/api/v1/accounts/invitations", "/api/v1/accounts/invitations?status=SENT",
                "/api/v1/imports", "/api/v1/notifications/mine", "/api/v1/proposals/mine", "/admin",
                "/api/v1/admin/waiting-offers",
                "/admin/runs", "/admin/invitations", "/admin/backup", "/requests", "/mentors")) {
            assertThat(admin.get(path).status()).as(path).isLessThan(500);
        }
        // what no call of the flow asks for: a mentor's offers, the import history
        assertThat(lifecycle.forMentor("m-1")).isNotEmpty();
        assertThat(imports.recent(5)).isNotEmpty();

        Map<QueryRecorder.Shape, String> shapes = RECORDER.shapes();
        Map<String, List<IndexInfo>> indexes = new TreeMap<>();
        shapes.keySet().forEach(shape -> indexes.computeIfAbsent(shape.collection(),
                collection -> mongo.indexOps(collection).getIndexInfo()));

        shapes.forEach((shape, caller) -> System.out.println("query " + shape + "  (from " + caller + ")"));
        assertThat(shapes).as("the flow sends queries").hasSizeGreaterThan(20);
        List<String> missing = QueryRecorder.unindexed(shapes, indexes);
        assertThat(missing).as("queries without an index (declare one on the @Document class):%n%s",
                String.join("\n", missing)).isEmpty();
    }
}
