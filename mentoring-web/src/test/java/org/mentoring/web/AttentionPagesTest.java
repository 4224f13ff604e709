package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mentoring.people.importing.ImportJournal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the application could not finish by itself reaches the coordinator: an import cut short by a stop shows on
 * the dashboard and in the import page's history until an import completes, and a publication cut short shows on
 * the dashboard and the run's page, with a button that finishes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=attention-pages"})
@AutoConfigureMockMvc
class AttentionPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ImportJournal journal;

    @Test
    void anImportAndAPublicationCutShortAreShownUntilTheyAreFinished() throws Exception {
        mvc.perform(get("/admin").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(not(containsString("Needs your attention"))));

        // what a process killed while writing an import leaves, found by the next start
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        mongo.insert(new Document("_id", "killed-import").append("actor", Http.ADMIN_EMAIL)
                .append("source", "CSV upload").append("status", "WRITING").append("mentors", 12)
                .append("requests", 340).append("owner", "dead").append("startedAt", anHourAgo)
                .append("heartbeatAt", anHourAgo), "imports");
        assertThat(journal.markInterrupted()).isEqualTo(1);

        mvc.perform(get("/admin").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("Needs your attention")))
                .andExpect(content().string(containsString("The import of 12 mentors and 340 requests (CSV upload")))
                .andExpect(content().string(containsString("was interrupted")))
                .andExpect(content().string(containsString("href=\"/admin/import\"")));
        mvc.perform(get("/admin/import").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("id=\"import-history\"")))
                .andExpect(content().string(containsString(">Interrupted</strong>")))
                .andExpect(content().string(containsString("Send the same import again")));

        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", Samples.PAIR).status()).isEqualTo(200);
        mvc.perform(get("/admin").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(not(containsString("Needs your attention"))));

        String location = mvc.perform(post("/admin/runs").param("timeLimitSeconds", "1")
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/admin/runs/");
        String runId = location.substring("/admin/runs/".length());
        JsonNode started = admin.get("/api/v1/audit-events?action=run.start&actor=" + Http.ADMIN_EMAIL).json();
        assertThat(started.findValuesAsText("target")).as("a run started on its page is audited").contains(runId);
        assertThat(admin.get("/api/v1/audit-events?action=run.start&actor=someone.else@example.org").json()
                .findValuesAsText("target")).as("both filters apply").isEmpty();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                admin.get("/api/v1/matching-runs/" + runId).json().get("status").asText()));
        // what a process killed while publishing leaves: the run claimed, nobody offered yet, no completion
        mongo.updateFirst(Query.query(Criteria.where("_id").is(runId)), new Update().set("publishedAt", anHourAgo),
                "matchingRuns");

        mvc.perform(get("/admin").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("Publishing run " + runId)))
                .andExpect(content().string(containsString("Finish publishing")));
        mvc.perform(get("/admin/runs/{id}", runId).with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("id=\"publish-unfinished\"")))
                .andExpect(content().string(not(containsString("id=\"published-at\""))));

        mvc.perform(post("/admin/runs/{id}/publish", runId).with(user(PageUsers.COORDINATOR)).with(csrf()));

        mvc.perform(get("/admin/runs/{id}", runId).with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(not(containsString("id=\"publish-unfinished\""))))
                .andExpect(content().string(containsString("id=\"published-at\"")));
        mvc.perform(get("/admin").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(not(containsString("Needs your attention"))));
        assertThat(admin.get("/api/v1/requests/r-1").json().get("status").asText()).isEqualTo("PROPOSED");
    }
}
