package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every query the app makes has an index on a real MongoDB (the embedded server ignores non-unique indexes, so
 * nothing else would notice a missing one). Runs the whole lifecycle flow of {@link LifecycleFlowTest} (import,
 * invitations, runs, publish, answers, diff, analytics, override, feedback), then the lists, the dashboard and the
 * people's own pages, recording every filter and sort the app sends; then checks each against the indexes the
 * collections declare.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@AutoConfigureMockMvc
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

    @Autowired
    MockMvc mvc;

    @Test
    @Order(Integer.MAX_VALUE)
    void everyQueryOfTheFlowHasAnIndex() throws Exception {
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
        // the coordinator's people and audit pages (signed in on the form, which MockMvc stands for)
        for (String path : List.of("/admin/requests", "/admin/requests?q=a", "/admin/requests?status=OPEN",
                "/admin/requests?domain=planetary-health", "/admin/requests?q=a&domain=methods&status=OPEN",
                "/admin/requests/r-1", "/admin/mentors", "/admin/mentors?q=kenya&status=PAUSED",
                "/admin/mentors?domain=planetary-health&status=TAKING_MENTEES", "/admin/mentors/m-1",
                "/admin/accounts", "/admin/accounts?q=a", "/admin/accounts?role=MENTOR",
                "/admin/accounts?status=DISABLED", "/admin/accounts?role=MENTOR&status=ENABLED",
                "/admin/mentorships", "/admin/mentorships?q=a", "/admin/mentorships?status=ACTIVE",
                "/admin/mentorships?domain=planetary-health", "/admin/mentorships?q=a&domain=methods&status=ACTIVE",
                "/admin/audit", "/admin/audit?from=2026-01-01", "/admin/audit?actor=" + Http.ADMIN_EMAIL
                        + "&action=import&from=2026-01-01&to=2030-01-01",
                "/admin/audit?action=import&to=2030-01-01")) {
            assertThat(mvc.perform(get(path).with(user(PageUsers.COORDINATOR))).andReturn().getResponse()
                    .getStatus()).as(path).isEqualTo(200);
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
