package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole lifecycle over HTTP: import, run, publish, answers by the people themselves and by an admin for them,
 * a decline, new requests (and the declined request imported again as it was), and a second run that keeps the
 * mentorships, never proposes the declined pair again and respects every mentor's capacity; then the run's diff,
 * analytics, candidates, a refused override and feedback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=lifecycle-flow"})
class LifecycleFlowTest {

    private static final String PASSWORD = "lifecycle-test-pass 2026";

    @LocalServerPort
    int port;

    @Test
    void fromImportToASecondRunThatKeepsTheMentorshipsAndRespectsTheDecline() {
        Http admin = new Http(port).asAdmin();
        Http anonymous = new Http(port);
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [%s, %s, %s], "requests": [%s, %s, %s]}
                """.formatted(mentor("m-1"), mentor("m-2"), mentor("m-3"), request("r-1"), request("r-2"),
                request("r-3")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        // the import gave everyone an account without a password: the researchers and mentors accept invitations
        for (String person : List.of("r-1", "r-2", "m-1", "m-2", "m-3")) {
            String role = person.startsWith("m-") ? "MENTOR" : "RESEARCHER";
            Http.Answer invited = admin.postJson("/api/v1/accounts/invitations",
                    "{\"email\": \"%s\", \"name\": \"Person\", \"role\": \"%s\", \"personExternalId\": \"%s\"}"
                            .formatted(email(person), role, person));
            assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            String url = invited.json().get("setPasswordUrl").asText();
            assertThat(anonymous.postJson("/api/v1/accounts/set-password", "{\"token\": \"%s\", \"password\": \"%s\"}"
                    .formatted(url.substring(url.indexOf("token=") + 6), PASSWORD)).status()).isEqualTo(204);
        }

        String firstRun = completedRun(admin);
        Map<String, JsonNode> offers = new HashMap<>();
        for (JsonNode proposal : admin.get("/api/v1/matching-runs/" + firstRun + "/proposals").json()
                .get("proposals")) {
            offers.put(proposal.get("requestExternalId").asText(), proposal);
        }
        assertThat(offers).containsOnlyKeys("r-1", "r-2", "r-3");
        assertThat(admin.get("/api/v1/proposals/" + offers.get("r-1").get("id").asText()).json().get("status")
                .asText()).isEqualTo("DRAFT");
        assertThat(as("r-1").get("/api/v1/proposals/mine").json()).isEmpty();

        // a deadline of no days, a past one or one too far off is refused naming the field, and publishes nothing
        for (String days : List.of("0", "-14", "91", "2147483648", "1.5", "\"soon\"")) {
            Http.Answer refused = admin.postJson("/api/v1/matching-runs/" + firstRun + "/publish",
                    "{\"answerWithinDays\": " + days + "}");
            assertThat(refused.status()).as(days + ": " + refused.body()).isIn(400, 422);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.body()).as(days).contains("answerWithinDays");
        }
        Problems.assertProblem(admin.postJson("/api/v1/matching-runs/" + firstRun + "/publish",
                "{\"answerWithinDays\": 0}"), 422, "invalid-input");
        assertThat(Problems.fields(admin.postJson("/api/v1/matching-runs/" + firstRun + "/publish",
                "{\"answerWithinDays\": 91}"))).containsExactly("answerWithinDays");
        assertThat(admin.get("/api/v1/matching-runs/" + firstRun).json().get("publishedAt").isNull()).isTrue();
        assertThat(admin.get("/api/v1/requests/r-1").json().get("status").asText()).isEqualTo("OPEN");

        java.time.Instant before = java.time.Instant.now();
        Http.Answer published = admin.postJson("/api/v1/matching-runs/" + firstRun + "/publish",
                "{\"answerWithinDays\": 10}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("offered").asInt()).isEqualTo(3);
        java.time.Instant answerBy = java.time.Instant.parse(admin.get("/api/v1/proposals/"
                + offers.get("r-1").get("id").asText()).json().get("answerBy").asText());
        assertThat(answerBy).isBetween(before.plus(Duration.ofDays(10)).minusSeconds(1),
                java.time.Instant.now().plus(Duration.ofDays(10)));
        JsonNode waiting = admin.get("/api/v1/admin/waiting-offers").json();
        assertThat(waiting.get("total").asInt()).isEqualTo(3);
        assertThat(waiting.get("offers")).allSatisfy(offer -> {
            assertThat(offer.get("answerBy").asText()).isEqualTo(answerBy.toString());
            assertThat(offer.get("waitingOn").asText()).isEqualTo("both");
        });
        Http.Answer again = admin.postJson("/api/v1/matching-runs/" + firstRun + "/publish", "");
        assertThat(again.json().get("alreadyPublished").asBoolean()).isTrue();
        assertThat(again.json().get("offered").asInt()).isZero();
        assertThat(admin.get("/api/v1/requests/r-1").json().get("status").asText()).isEqualTo("PROPOSED");

        JsonNode mine = as("r-1").get("/api/v1/proposals/mine").json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("requestExternalId").asText()).isEqualTo("r-1");
        assertThat(mine.get(0).get("explanation")).isNotEmpty()
                .anySatisfy(line -> assertThat(line.asText()).contains(" your time ("));
        String declinedMentor = offers.get("r-1").get("mentorExternalId").asText();
        String r1 = offers.get("r-1").get("id").asText();
        assertThat(as(declinedMentor).get("/api/v1/proposals/" + r1).json().get("explanation"))
                .as("the mentor reads about the researcher as they")
                .anySatisfy(line -> assertThat(line.asText()).contains(" theirs, in "))
                .noneSatisfy(line -> assertThat(line.asText()).contains("(your "));
        assertThat(admin.get("/api/v1/proposals/" + r1).json().get("explanation"))
                .as("an admin reads both in the third person")
                .anySatisfy(line -> assertThat(line.asText()).contains(" researcher's time ("))
                .noneSatisfy(line -> assertThat(line.asText()).containsPattern("\\b[Yy]our?\\b"));
        assertThat(as(declinedMentor).get("/api/v1/notifications/mine").json())
                .filteredOn(n -> n.get("body").asText().contains("Offer: " + r1))
                .singleElement().satisfies(n -> assertThat(n.get("body").asText()).contains(" theirs, in ")
                        .doesNotContain("(your "));
        String r2 = offers.get("r-2").get("id").asText();
        String r3 = offers.get("r-3").get("id").asText();
        assertThat(as("r-2").get("/api/v1/proposals/" + r1).status()).isEqualTo(403);
        assertThat(as("r-2").postJson("/api/v1/proposals/" + r1 + "/accept", "").status()).isEqualTo(403);
        assertThat(as(otherMentorThan(declinedMentor, offers)).postJson("/api/v1/proposals/" + r1 + "/decline", "")
                .status()).isEqualTo(403);

        Http.Answer declined = as("r-1").postJson("/api/v1/proposals/" + r1 + "/decline", "");
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
        assertThat(as(declinedMentor).postJson("/api/v1/proposals/" + r1 + "/accept", "").status())
                .isEqualTo(409);

        assertThat(as("r-2").postJson("/api/v1/proposals/" + r2 + "/accept", "").status()).isEqualTo(200);
        assertThat(as("r-2").postJson("/api/v1/proposals/" + r2 + "/accept", "").status()).isEqualTo(409);
        Http.Answer accepted = as(offers.get("r-2").get("mentorExternalId").asText())
                .postJson("/api/v1/proposals/" + r2 + "/accept", "");
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(admin.postJson("/api/v1/proposals/" + r3 + "/accept", "").status()).isEqualTo(422);
        assertThat(admin.postJson("/api/v1/proposals/" + r3 + "/accept", "{\"onBehalfOf\": \"RESEARCHER\"}")
                .status()).isEqualTo(200);
        assertThat(admin.postJson("/api/v1/proposals/" + r3 + "/accept", "{\"onBehalfOf\": \"MENTOR\"}").json()
                .get("status").asText()).isEqualTo("ACCEPTED");

        JsonNode mentorships = admin.get("/api/v1/mentorships?status=ACTIVE").json().get("content");
        Map<String, String> active = new HashMap<>();
        for (JsonNode mentorship : mentorships) {
            active.put(mentorship.get("requestExternalId").asText(), mentorship.get("mentorExternalId").asText());
        }
        assertThat(active).containsOnlyKeys("r-2", "r-3");
        assertThat(admin.get("/api/v1/requests/r-1").json().get("status").asText()).isEqualTo("OPEN");
        assertThat(admin.get("/api/v1/requests/r-2").json().get("status").asText()).isEqualTo("MATCHED");
        assertThat(as("r-1").get("/api/v1/notifications/mine").json()).extracting(n -> n.get("subject").asText())
                .contains("A mentorship offer for you", "A mentorship offer was declined");

        Http.Answer newcomers = admin.postJson("/api/v1/import", """
                {"mentors": [], "requests": [%s, %s, %s]}
                """.formatted(request("r-1"), request("r-4"), request("r-5")));
        assertThat(newcomers.status()).as(newcomers.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/requests/r-1").json().get("excludedMentorIds"))
                .as("the import rewrote r-1 without the declined mentor").isEmpty();
        String secondRun = completedRun(admin);
        JsonNode run = admin.get("/api/v1/matching-runs/" + secondRun).json();
        assertThat(run.get("settledCount").asInt()).isEqualTo(2);
        assertThat(run.get("requestCount").asInt()).isEqualTo(3);
        Map<String, Integer> load = new HashMap<>();
        active.values().forEach(mentor -> load.merge(mentor, 1, Integer::sum));
        for (JsonNode proposal : admin.get("/api/v1/matching-runs/" + secondRun + "/proposals").json()
                .get("proposals")) {
            String request = proposal.get("requestExternalId").asText();
            String mentor = proposal.get("mentorExternalId").asText();
            assertThat(request).isIn("r-1", "r-4", "r-5");
            if (request.equals("r-1")) {
                assertThat(mentor).isNotEqualTo(declinedMentor);
            }
            load.merge(mentor, 1, Integer::sum);
        }
        assertThat(load.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(1));
        assertThat(load.get(declinedMentor)).as("the mentor left free takes one newcomer").isEqualTo(1);

        JsonNode analytics = admin.get("/api/v1/analytics/runs/" + secondRun).json();
        assertThat(analytics.get("requestCount").asInt()).isEqualTo(3);
        assertThat(analytics.get("matchedCount").asInt()).isEqualTo(1);
        assertThat(analytics.get("shareMatched").asDouble()).isEqualTo(1.0 / 3);
        assertThat(analytics.get("worstAffinity").asInt()).isEqualTo(analytics.get("meanAffinity").asInt());
        assertThat(analytics.get("unmatchedReasons").size()).isPositive();
        assertThat(analytics.get("byIncomeGroup")).singleElement().satisfies(group -> {
            assertThat(group.get("group").asText()).isEqualTo("HIGH");
            assertThat(group.get("requests").asInt()).isEqualTo(3);
            assertThat(group.get("matched").asInt()).isEqualTo(1);
        });
        assertThat(analytics.get("byCareerStage").get(0).get("group").asText()).isEqualTo("POSTDOC");
        assertThat(analytics.get("demandVsCapacity")).singleElement().satisfies(domain -> {
            assertThat(domain.get("domain").asText()).isEqualTo("planetary-health/climate-health/heat-health");
            assertThat(domain.get("requests").asInt()).isEqualTo(3);
            assertThat(domain.get("mentorPlaces").asInt()).isEqualTo(3);
        });

        String feedback = "/api/v1/mentorships/" + r2 + "/feedback";
        String endFeedback = "{\"stage\": \"END\", \"rating\": 5, \"comment\": \"Very helpful\"}";
        assertThat(as("r-2").postJson(feedback, endFeedback).status()).isEqualTo(201);
        assertThat(as("r-2").postJson(feedback, endFeedback).status()).isEqualTo(409);
        assertThat(as("r-1").postJson(feedback, endFeedback).status()).isEqualTo(403);
        assertThat(as(active.get("r-2")).postJson(feedback, "{\"stage\": \"MID\", \"rating\": 9}").status())
                .isEqualTo(422);
        assertThat(admin.get(feedback).json()).singleElement()
                .satisfies(f -> assertThat(f.get("side").asText()).isEqualTo("RESEARCHER"));

        JsonNode candidates = admin.get("/api/v1/requests/r-1/candidates").json();
        assertThat(candidates).extracting(c -> c.get("mentorExternalId").asText())
                .containsExactlyInAnyOrder("m-1", "m-2", "m-3");
        for (JsonNode candidate : candidates) {
            assertThat(candidate.get("broken")).extracting(JsonNode::asText).contains(
                    candidate.get("mentorExternalId").asText().equals(declinedMentor) ? "CONFLICT" : "CAPACITY");
        }

        JsonNode newcomerProposal = admin.get("/api/v1/matching-runs/" + secondRun + "/proposals").json()
                .get("proposals").get(0);
        Http.Answer refused = admin.postJson("/api/v1/proposals/" + newcomerProposal.get("id").asText()
                + "/override", "{\"mentorExternalId\": \"%s\"}".formatted(active.get("r-2")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("CAPACITY (rule 1)");

        JsonNode diff = admin.get("/api/v1/matching-runs/" + secondRun + "/diff").json();
        assertThat(diff.get("previousRunId").asText()).isEqualTo(firstRun);
        assertThat(diff.get("kept")).extracting(p -> p.get("requestExternalId").asText())
                .containsExactly("r-2", "r-3");
        assertThat(diff.get("dropped")).extracting(p -> p.get("requestExternalId").asText()).containsExactly("r-1");
        assertThat(diff.get("changed")).isEmpty();
        assertThat(diff.get("new")).singleElement().satisfies(p -> {
            assertThat(p.get("requestExternalId").asText()).isIn("r-4", "r-5");
            assertThat(p.get("mentorExternalId").asText()).isEqualTo(declinedMentor);
        });
    }

    private Http as(String person) {
        return new Http(port).as(email(person), PASSWORD);
    }

    private static String otherMentorThan(String mentor, Map<String, JsonNode> offers) {
        return offers.values().stream().map(o -> o.get("mentorExternalId").asText())
                .filter(m -> !m.equals(mentor)).findFirst().orElseThrow();
    }

    private static String completedRun(Http admin) {
        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("QUEUED", "SOLVING")
                .contains(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()));
        assertThat(admin.get("/api/v1/matching-runs/" + id).json().get("status").asText()).isEqualTo("COMPLETED");
        return id;
    }

    private static String email(String person) {
        return person + "@lifecycle.example.org";
    }

    private static String mentor(String id) {
        return """
                {"externalId": "%s", "name": "Dr. Mentor %s", "email": "%s", "institution": "Mentor University",
                 "country": "KE", "timeZone": "UTC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "topics": ["publishing"],
                 "capacity": 1, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "12:00"}]}
                """.formatted(id, id, email(id));
    }

    private static String request(String id) {
        return """
                {"externalId": "%s", "name": "Researcher %s", "email": "%s", "institution": "University",
                 "country": "CA", "timeZone": "UTC", "careerStage": "POSTDOC", "languages": ["en"],
                 "domains": ["planetary-health/climate-health/heat-health"], "goals": ["publishing"],
                 "startDate": "2026-03-01", "durationMonths": 6, "minOverlapMinutes": 60,
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "09:00", "end": "11:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": [], "priority": false}
                """.formatted(id, id, email(id));
    }
}
