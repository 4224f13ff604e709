package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole app over real HTTP on the embedded store in a folder: import JSON, list, import CSV, stop, start again
 * on the same folder, and everything is still there.
 */
class PeopleRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void importedPeopleSurviveARestart() {
        List<String> mentorsBefore;
        String requestBefore;
        try (ConfigurableApplicationContext app = start(false)) {
            Http http = http(app);

            Http.Answer imported = http.postJson("/api/v1/import", Samples.IMPORT);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("created").asInt()).isEqualTo(2);

            JsonNode list = http.get("/api/v1/mentors").json();
            assertThat(list.get("totalElements").asInt()).isEqualTo(1);
            assertThat(list.get("content").get(0).get("email").asText()).isEqualTo("a.mwangi@example.org");

            Http.Answer csv = http.postFiles("/api/v1/import",
                    Map.of("mentors", Samples.MENTORS_CSV, "requests", Samples.REQUESTS_CSV));
            assertThat(csv.status()).as(csv.body()).isEqualTo(200);
            assertThat(csv.json().get("mentors").get("created").asInt()).isEqualTo(2);
            assertThat(csv.json().get("requests").get("created").asInt()).isEqualTo(2);

            JsonNode okafor = http.get("/api/v1/mentors/m-102").json();
            assertThat(okafor.get("name").asText()).isEqualTo("Dr. Okafor, PhD");
            JsonNode sharma = http.get("/api/v1/requests/r-202").json();
            assertThat(sharma.get("preferredMentorIds")).extracting(JsonNode::asText)
                    .containsExactly("m-101", "m-017");
            assertThat(sharma.get("status").asText()).isEqualTo("OPEN");

            mentorsBefore = externalIds(http.get("/api/v1/mentors").json());
            requestBefore = http.get("/api/v1/requests/r-104").body();
        }

        try (ConfigurableApplicationContext app = start(true)) {
            Http http = http(app);

            assertThat(externalIds(http.get("/api/v1/mentors").json()))
                    .isEqualTo(mentorsBefore)
                    .containsExactly("m-017", "m-101", "m-102");
            assertThat(http.get("/api/v1/requests/r-104").body()).isEqualTo(requestBefore);
            assertThat(http.get("/api/v1/requests?status=OPEN").json().get("totalElements").asInt())
                    .as("the demo community is not loaded into a store that has people").isEqualTo(3);
        }
    }

    private ConfigurableApplicationContext start(boolean demoData) {
        return new SpringApplicationBuilder(MentoringApplication.class).run(
                "--server.port=0",
                "--mentoring.data-dir=" + dataDir,
                "--mentoring.demo-data=" + demoData,
                "--" + Http.ADMIN_EMAIL_PROPERTY,
                "--" + Http.ADMIN_PASSWORD_PROPERTY);
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(((ServletWebServerApplicationContext) app).getWebServer().getPort()).asAdmin();
    }

    private static List<String> externalIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(item -> ids.add(item.get("externalId").asText()));
        return ids;
    }
}
