package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole second programme through the API, as another Community of Practice would use the app: its own taxonomy and
 * topics, people imported with only those codes into a cycle, the cycle run, published, answered and ended, then a
 * second cycle where the same researchers ask again and are placed with the places the ended mentorships gave back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=second-programme"})
class SecondProgrammeTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Test
    void anOceanHealthProgrammeRunsTwoCyclesWithItsOwnCodes() {
        Http admin = new Http(port).asAdmin();

        // its own taxonomy and topics
        Http.Answer taxonomy = admin.send("PUT", "/api/v1/taxonomy", null, """
                {"name": "Ocean health", "roots": [{"code": "ocean", "name": "Ocean health", "children": [
                  {"code": "ocean/fisheries", "name": "Fisheries", "children": []},
                  {"code": "ocean/coral-reefs", "name": "Coral reefs", "children": []}]}]}
                """);
        assertThat(taxonomy.status()).as(taxonomy.body()).isEqualTo(200);
        Http.Answer topics = admin.send("PUT", "/api/v1/topics", null, """
                [{"code": "field-safety", "name": "Safety at sea"}, {"code": "writing", "name": "Writing papers"}]
                """);
        assertThat(topics.status()).as(topics.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/topics").json()).extracting(t -> t.get("name").asText())
                .containsExactly("Safety at sea", "Writing papers");

        // two cycles: the first open for requests today, the second later
        String first = "ocean-" + TODAY.getYear() + "-a";
        String second = "ocean-" + TODAY.getYear() + "-b";
        assertThat(admin.postJson("/api/v1/cycles", cycle(first, "First round", -1, 5, 10, 200)).status())
                .isEqualTo(201);
        assertThat(admin.postJson("/api/v1/cycles", cycle(second, "Second round", 6, 20, 30, 300)).status())
                .isEqualTo(201);
        assertThat(admin.postJson("/api/v1/cycles", cycle("ocean-overlap", "Overlap", 3, 8, 30, 300)).status())
                .as("request windows that overlap make the open cycle ambiguous").isEqualTo(422);
        assertThat(admin.get("/api/v1/cycles").json().get("openForRequests").asText()).isEqualTo(first);

        // people with only the programme's codes; an old code or an unknown topic is a rejected record
        Http.Answer refused = admin.postJson("/api/v1/import", "{\"mentors\": [" + mentor("m-o1", "ocean/fisheries",
                "astrology") + "], \"requests\": []}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("astrology");
        Http.Answer oldCode = admin.postJson("/api/v1/import", "{\"mentors\": [" + mentor("m-o1",
                "planetary-health/climate-health/heat-health", "writing") + "], \"requests\": []}");
        assertThat(oldCode.status()).as("the shipped taxonomy is gone").isEqualTo(422);
        Http.Answer imported = admin.postJson("/api/v1/import", "{\"mentors\": [" + mentor("m-o1",
                "ocean/fisheries", "writing") + ", " + mentor("m-o2", "ocean/coral-reefs", "field-safety")
                + "], \"requests\": [" + request("r-a1", "ana", "ocean/fisheries", "writing", first) + ", "
                + request("r-a2", "ben", "ocean/coral-reefs", "field-safety", first) + "]}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(4);

        // the first cycle: run, publish with a deadline, both sides answer, the mentorships start
        String firstRun = completedRun(admin, first);
        Map<String, String> offers = proposals(admin, firstRun);
        assertThat(offers).containsOnlyKeys("r-a1", "r-a2");
        Http.Answer published = admin.postJson("/api/v1/matching-runs/" + firstRun + "/publish",
                "{\"answerWithinDays\": 7}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        for (String proposal : offers.values()) {
            assertThat(admin.get("/api/v1/proposals/" + proposal).json().get("answerBy").asText()).isNotBlank();
            for (String side : List.of("RESEARCHER", "MENTOR")) {
                Http.Answer accepted = admin.postJson("/api/v1/proposals/" + proposal + "/accept",
                        "{\"onBehalfOf\": \"" + side + "\"}");
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            }
        }
        JsonNode active = admin.get("/api/v1/mentorships?status=ACTIVE").json().get("content");
        assertThat(active).hasSize(2);
        assertThat(admin.get("/api/v1/requests/r-a1").json().get("status").asText()).isEqualTo("MATCHED");

        // the mentorships end, one completed, one early with a note; each gives its place back
        List<String> ended = new ArrayList<>();
        for (JsonNode mentorship : active) {
            String id = mentorship.get("id").asText();
            String body = ended.isEmpty() ? "{\"reason\": \"COMPLETED\", \"note\": \"A good six months\"}"
                    : "{\"reason\": \"ENDED_EARLY\", \"note\": \"Moved to another post\"}";
            Http.Answer end = admin.postJson("/api/v1/mentorships/" + id + "/end", body);
            assertThat(end.status()).as(end.body()).isEqualTo(200);
            ended.add(id);
        }
        assertThat(admin.get("/api/v1/mentorships?status=ACTIVE").json().get("content")).isEmpty();
        assertThat(admin.get("/api/v1/mentorships?status=ENDED_EARLY").json().get("content")).hasSize(1);
        assertThat(admin.postJson("/api/v1/mentorships/" + ended.get(0) + "/end",
                "{\"reason\": \"COMPLETED\", \"note\": \"again\"}").status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/admin/consistency").json().get("consistent").asBoolean())
                .as("the places ledger agrees with the offers and mentorships").isTrue();

        // the second cycle: the same researchers ask again, but never twice in one cycle
        Http.Answer twice = admin.postJson("/api/v1/import", "{\"mentors\": [], \"requests\": ["
                + request("r-a1-again", "ana", "ocean/fisheries", "writing", first) + "]}");
        assertThat(twice.status()).as("a second request of ana in the first cycle").isEqualTo(422);
        Http.Answer again = admin.postJson("/api/v1/import", "{\"mentors\": [], \"requests\": ["
                + request("r-b1", "ana", "ocean/coral-reefs", "writing", second) + ", "
                + request("r-b2", "ben", "ocean/fisheries", "field-safety", second) + "]}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("created").asInt()).isEqualTo(2);

        String secondRun = completedRun(admin, second);
        JsonNode run = admin.get("/api/v1/matching-runs/" + secondRun).json();
        assertThat(run.get("cycle").asText()).isEqualTo(second);
        assertThat(run.get("requestCount").asInt()).as("only the second cycle's open requests").isEqualTo(2);
        assertThat(proposals(admin, secondRun)).as("the ended mentorships gave their places back")
                .containsOnlyKeys("r-b1", "r-b2");
    }

    private static String completedRun(Http admin, String cycle) {
        Http.Answer started = admin.postJson("/api/v1/matching-runs",
                "{\"timeLimitSeconds\": 5, \"cycle\": \"" + cycle + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("QUEUED", "SOLVING")
                .contains(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()));
        assertThat(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()).isEqualTo("COMPLETED");
        return id;
    }

    private static Map<String, String> proposals(Http admin, String run) {
        Map<String, String> byRequest = new HashMap<>();
        for (JsonNode proposal : admin.get("/api/v1/matching-runs/" + run + "/proposals").json().get("proposals")) {
            byRequest.put(proposal.get("requestExternalId").asText(), proposal.get("id").asText());
        }
        return byRequest;
    }

    private static String cycle(String code, String name, int open, int close, int starts, int ends) {
        return """
                {"code": "%s", "name": "%s", "requestsOpen": "%s", "requestsClose": "%s", "startsOn": "%s",
                 "endsOn": "%s"}
                """.formatted(code, name, TODAY.plusDays(open), TODAY.plusDays(close), TODAY.plusDays(starts),
                TODAY.plusDays(ends));
    }

    private static String mentor(String id, String domain, String topic) {
        return """
                {"externalId": "%s", "name": "Dr. %s", "email": "%s@ocean.example.org", "institution": "Reef Lab",
                 "country": "AU", "timeZone": "Australia/Brisbane", "languages": ["en"], "domains": ["%s"],
                 "topics": ["%s"], "capacity": 1, "availableFrom": "%s",
                 "weeklyAvailability": [{"day": "WEDNESDAY", "start": "08:00", "end": "12:00"}]}
                """.formatted(id, id, id, domain, topic, TODAY.minusDays(30));
    }

    private static String request(String id, String person, String domain, String goal, String cycle) {
        return """
                {"externalId": "%s", "name": "%s Researcher", "email": "%s@uni.example.org", "institution": "Uni",
                 "country": "FJ", "timeZone": "Pacific/Fiji", "careerStage": "POSTDOC", "languages": ["en"],
                 "domains": ["%s"], "goals": ["%s"], "startDate": "%s", "durationMonths": 6,
                 "minOverlapMinutes": 60, "cycle": "%s",
                 "weeklyAvailability": [{"day": "WEDNESDAY", "start": "10:00", "end": "14:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": [], "priority": false}
                """.formatted(id, person, person, domain, goal, TODAY.plusDays(40), cycle);
    }
}
