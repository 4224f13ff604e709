package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.lifecycle.PlacesReconciliation;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.places.MentorPlacesDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A mentor's places over HTTP: the consistency report, a capacity below the places held refused in a profile edit
 * and in an import, no run started while a publication is unfinished, publications ordered by the counter, and a
 * broken ledger reported by mentor and fixed by the reconciliation the app runs at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=places-ledger",
            "mentoring.places.reconcile-settle=0s"})
class PlacesLedgerFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PlacesReconciliation reconciliation;

    @Test
    void theLedgerGuardsEveryPathAndTheReconciliationFindsAndFixesADifference() {
        Http admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [%s, %s], "requests": [%s, %s]}
                """.formatted(mentor("m-1", 1), mentor("m-2", 1), request("r-1"), request("r-2")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        String outdated = completedRun(admin);
        String first = completedRun(admin);
        Http.Answer published = admin.postJson("/api/v1/matching-runs/" + first + "/publish", "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("offered").asInt()).isEqualTo(2);
        Http.Answer refused = admin.postJson("/api/v1/matching-runs/" + outdated + "/publish", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("run-outdated");
        assertThat(refused.json().get("detail").asText()).contains(first);

        JsonNode report = admin.get("/api/v1/admin/consistency").json();
        assertThat(report.get("consistent").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("mentors")).isEmpty();

        JsonNode current = admin.get("/api/v1/mentors/m-1").json();
        Http.Answer lowered = admin.send("PUT", "/api/v1/mentors/m-1", null, mentor("m-1", 0)
                .replaceFirst("\\{", "{\"version\": " + current.get("version").asLong() + ", "));
        assertThat(lowered.status()).as(lowered.body()).isEqualTo(422);
        assertThat(lowered.body()).contains("capacity", "Dr. Mentor m-1 (m-1)", "give at least 1");
        assertThat(admin.get("/api/v1/mentors/m-1").json().get("capacity").asInt()).isEqualTo(1);
        Http.Answer importedLower = admin.postJson("/api/v1/import", """
                {"mentors": [%s], "requests": []}
                """.formatted(mentor("m-2", 0)));
        assertThat(importedLower.status()).as(importedLower.body()).isEqualTo(422);
        assertThat(importedLower.body()).contains("mentors[0].capacity", "Dr. Mentor m-2 (m-2)");

        mongo.updateFirst(Query.query(Criteria.where("_id").is(first)), new Update().unset("publishCompletedAt"),
                MatchingRunDocument.class);
        Http.Answer blocked = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 1}");
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(409);
        assertThat(blocked.json().get("code").asText()).isEqualTo("publication-unfinished");
        assertThat(blocked.json().get("detail").asText()).contains(first, "publish it again");
        assertThat(admin.postJson("/api/v1/matching-runs/" + first + "/publish", "").status()).isEqualTo(200);

        mongo.updateFirst(Query.query(Criteria.where("_id").is("m-1")), new Update().set("held", 0),
                MentorPlacesDocument.class);
        JsonNode broken = admin.get("/api/v1/admin/consistency").json();
        assertThat(broken.get("consistent").asBoolean()).isFalse();
        assertThat(broken.get("mentors")).singleElement().satisfies(mentor -> {
            assertThat(mentor.get("mentorExternalId").asText()).isEqualTo("m-1");
            assertThat(mentor.get("name").asText()).isEqualTo("Dr. Mentor m-1");
            assertThat(mentor.get("ledger").asInt()).isZero();
            assertThat(mentor.get("actual").asInt()).isEqualTo(1);
        });

        reconciliation.fixAtStart();

        assertThat(admin.get("/api/v1/admin/consistency").json().get("consistent").asBoolean()).isTrue();
        assertThat(mongo.findById("m-1", MentorPlacesDocument.class).held()).isEqualTo(1);
    }

    private static String completedRun(Http admin) {
        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 1}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("QUEUED", "SOLVING")
                .contains(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()));
        assertThat(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()).isEqualTo("COMPLETED");
        return id;
    }

    private static String mentor(String id, int capacity) {
        return """
                {"externalId": "%s", "name": "Dr. Mentor %s", "email": "%s@places.example.org",
                 "institution": "Mentor University", "country": "KE", "timeZone": "UTC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["publishing"],
                 "capacity": %d, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "12:00"}]}
                """.formatted(id, id, id, capacity);
    }

    private static String request(String id) {
        return """
                {"externalId": "%s", "name": "Researcher %s", "email": "%s@places.example.org",
                 "institution": "University", "country": "CA", "timeZone": "UTC", "careerStage": "POSTDOC",
                 "languages": ["en"], "domains": ["planetary-health/climate-health/heat-health"],
                 "goals": ["publishing"], "startDate": "2026-03-01", "durationMonths": 6, "minOverlapMinutes": 60,
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "11:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": [], "priority": false}
                """.formatted(id, id, id);
    }
}
