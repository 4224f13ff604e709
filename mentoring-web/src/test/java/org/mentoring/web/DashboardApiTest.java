package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mentoring.people.importing.ImportJournal;
import org.mentoring.places.MentorPlaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /api/v1/admin/attention} and {@code GET /api/v1/admin/demand}: the coordinator's overview in the API,
 * saying what the dashboard page says for the same store. Demand counts free places of mentors available today.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=dashboard-api"})
@AutoConfigureMockMvc
class DashboardApiTest {

    private static final String CLIMATE = "planetary-health/climate-health";
    /** m-1 (capacity 1, no end date) is available; m-later starts in 2099 and m-gone stopped in January 2026. */
    private static final String PEOPLE = Samples.PAIR.replaceFirst("\\{\"mentors\": \\[", """
            {"mentors": [{"externalId": "m-later", "name": "Dr. Later", "email": "later@uni.example.org",
              "institution": "Mentor University", "country": "KE", "timeZone": "Africa/Nairobi",
              "languages": ["en"], "domains": ["planetary-health/climate-health/heat-health"],
              "topics": ["publishing"], "capacity": 4, "availableFrom": "2099-01-01",
              "weeklyAvailability": [{"day": "TUESDAY", "start": "14:00", "end": "17:00"}]},
             {"externalId": "m-gone", "name": "Dr. Gone", "email": "gone@uni.example.org",
              "institution": "Mentor University", "country": "KE", "timeZone": "Africa/Nairobi",
              "languages": ["en"], "domains": ["planetary-health/climate-health/heat-health"],
              "topics": ["publishing"], "capacity": 2, "availableFrom": "2026-01-01", "availableUntil": "2026-01-31",
              "weeklyAvailability": [{"day": "TUESDAY", "start": "14:00", "end": "17:00"}]},
            """);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ImportJournal journal;
    @Autowired
    MentorPlaces places;
    @Autowired
    org.mentoring.people.persistence.MentorService mentorService;

    @Test
    void demandCountsFreePlacesOfMentorsAvailableTodayAsThePageDoes() throws Exception {
        Http admin = new Http(port).asAdmin();
        Http.Answer imported = admin.postJson("/api/v1/import", PEOPLE);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        JsonNode demand = admin.get("/api/v1/admin/demand").json();
        assertThat(demand.get("openRequests").asInt()).isEqualTo(1);
        assertThat(demand.get("mentors").asInt()).isEqualTo(3);
        assertThat(demand.get("availableMentors").asInt()).as("only m-1 is available today").isEqualTo(1);
        assertThat(demand.get("places").asInt()).isEqualTo(1);
        assertThat(demand.get("freePlaces").asInt()).isEqualTo(1);
        JsonNode climate = branch(demand, CLIMATE);
        assertThat(climate.get("name").asText()).isEqualTo("Climate and health");
        assertThat(List.of(climate.get("openRequests").asInt(), climate.get("freePlaces").asInt(),
                climate.get("places").asInt())).containsExactly(1, 1, 1);
        assertPageSays(demand);

        places.take("m-1", "Dr. Mentor One", 1);
        try {
            JsonNode held = admin.get("/api/v1/admin/demand").json();
            assertThat(held.get("freePlaces").asInt()).as("m-1's only place is held").isZero();
            assertThat(held.get("places").asInt()).isEqualTo(1);
            assertThat(branch(held, CLIMATE).get("freePlaces").asInt()).isZero();
            assertThat(branch(held, CLIMATE).get("places").asInt()).isEqualTo(1);
            assertPageSays(held);
        } finally {
            places.release("m-1");
        }

        // a mentor who paused (no new mentees until a later date) offers no place until the pause ends
        mentorService.pause("m-1", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30));
        try {
            JsonNode paused = admin.get("/api/v1/admin/demand").json();
            assertThat(paused.get("availableMentors").asInt()).as("m-1 paused").isZero();
            assertThat(paused.get("places").asInt()).isZero();
            assertThat(paused.get("freePlaces").asInt()).isZero();
            assertThat(branch(paused, CLIMATE).get("openRequests").asInt()).isEqualTo(1);
            assertThat(branch(paused, CLIMATE).get("freePlaces").asInt()).isZero();
            assertPageSays(paused);
        } finally {
            mentorService.pause("m-1", null);
        }
        assertThat(admin.get("/api/v1/admin/demand").json().get("freePlaces").asInt()).as("back from the pause")
                .isEqualTo(1);
    }

    @Test
    void attentionListsWhatThePageListsWithWhereToDealWithIt() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.get("/api/v1/admin/attention").json().get("items")).isEmpty();

        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        mongo.insert(new Document("_id", "killed-import-api").append("actor", Http.ADMIN_EMAIL)
                .append("source", "CSV upload").append("status", "WRITING").append("mentors", 12)
                .append("requests", 340).append("owner", "dead").append("startedAt", anHourAgo)
                .append("heartbeatAt", anHourAgo), "imports");
        assertThat(journal.markInterrupted()).isEqualTo(1);

        JsonNode items = admin.get("/api/v1/admin/attention").json().get("items");
        assertThat(items).hasSize(1);
        JsonNode item = items.get(0);
        assertThat(item.get("kind").asText()).isEqualTo("import-cut-short");
        assertThat(item.get("text").asText()).startsWith("The import of 12 mentors and 340 requests (CSV upload")
                .contains("was interrupted");
        assertThat(item.get("page").asText()).isEqualTo("/admin/import");
        assertThat(item.get("action").asText()).isEqualTo("Import again");
        assertThat(item.get("api").asText()).isEqualTo("/api/v1/import");
        String page = dashboard();
        assertThat(page).contains("Needs your attention", "data-kind=\"import-cut-short\"",
                HtmlUtils.htmlEscape(item.get("text").asText()), "href=\"/admin/import\"");

        assertThat(admin.postJson("/api/v1/import", Samples.PAIR).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/attention").json().get("items")).as("an import went through").isEmpty();
        assertThat(dashboard()).doesNotContain("Needs your attention");
    }

    /** The dashboard's numbers, table and chart data are the API's. */
    private void assertPageSays(JsonNode demand) throws Exception {
        String page = dashboard();
        assertThat(between(page, "id=\"stat-open\">", "<")).isEqualTo(demand.get("openRequests").asText());
        assertThat(between(page, "id=\"stat-mentors\">", "<")).isEqualTo(demand.get("mentors").asText());
        assertThat(between(page, "id=\"stat-free\">", "<")).isEqualTo(demand.get("freePlaces").asText());
        assertThat(page).contains("of " + demand.get("places").asInt(), "Free places");
        List<Integer> free = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode branch : demand.get("branches")) {
            free.add(branch.get("freePlaces").asInt());
            names.add(branch.get("name").asText());
            Matcher row = Pattern.compile("<tr data-branch=\"" + Pattern.quote(branch.get("code").asText())
                    + "\">\\s*<td>([^<]*)</td>\\s*<td>(\\d+)</td>\\s*<td>(\\d+)</td>\\s*<td>(\\d+)</td>").matcher(page);
            assertThat(row.find()).as("a table row for " + branch.get("code").asText()).isTrue();
            assertThat(List.of(HtmlUtils.htmlUnescape(row.group(1)), row.group(2), row.group(3), row.group(4)))
                    .containsExactly(branch.get("name").asText(), branch.get("openRequests").asText(),
                            branch.get("freePlaces").asText(), branch.get("places").asText());
        }
        assertThat(JSON.readTree(HtmlUtils.htmlUnescape(between(page, "data-places=\"", "\""))))
                .as("the chart's free places").isEqualTo(JSON.valueToTree(free));
        assertThat(JSON.readTree(HtmlUtils.htmlUnescape(between(page, "data-labels=\"", "\""))))
                .isEqualTo(JSON.valueToTree(names));
    }

    private String dashboard() throws Exception {
        return mvc.perform(get("/admin").with(user(PageUsers.COORDINATOR))).andReturn().getResponse()
                .getContentAsString();
    }

    private static JsonNode branch(JsonNode demand, String code) {
        for (JsonNode branch : demand.get("branches")) {
            if (branch.get("code").asText().equals(code)) {
                return branch;
            }
        }
        throw new AssertionError("no branch " + code + " in " + demand);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
