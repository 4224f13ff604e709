package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.web.Problems.assertProblem;
import static org.mentoring.web.Problems.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input over real HTTP: each is answered by a 4xx problem that names what is wrong, and the store is exactly
 * as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY})
class BadInputTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void storeWithOneMentorAndOneRequest() {
        http = new Http(port).asAdmin();
        if (http.get("/api/v1/mentors/m-017").status() == 404) {
            assertThat(http.postJson("/api/v1/import", Samples.IMPORT).status()).isEqualTo(200);
        }
    }

    @Test
    void malformedJson() {
        String before = http.peopleSnapshot();

        Http.Answer answer = http.postJson("/api/v1/import",
                Samples.IMPORT.replace("\"capacity\": 3,", "\"capacity\": 3"));

        assertProblem(answer, 400, "malformed-body");
        assertThat(answer.json().get("detail").asText()).contains("not valid JSON at line 7, column 5");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void anUnknownTimeZone() {
        String before = http.peopleSnapshot();

        Http.Answer answer = http.postJson("/api/v1/import", Samples.IMPORT
                .replace("Africa/Nairobi", "Africa/Atlantis").replace("Dr. A. Mwangi", "Must not be written"));

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("mentors[0].timeZone");
        assertThat(answer.json().get("detail").asText()).contains("m-017", "Africa/Atlantis", "IANA time zone");
        assertThat(answer.json().get("report").get("created").asInt()).isZero();
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aSlotEndingBeforeItStarts() {
        String before = http.peopleSnapshot();

        Http.Answer answer = http.postJson("/api/v1/import", Samples.IMPORT
                .replace("\"start\": \"07:00\", \"end\": \"09:00\"", "\"start\": \"09:00\", \"end\": \"07:00\""));

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("requests[0].weeklyAvailability[0]");
        assertThat(answer.json().get("errors").get(0).get("message").asText())
                .contains("r-104", "ends at 07:00, not after its start 09:00");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aNegativeCapacity() {
        String before = http.peopleSnapshot();

        Http.Answer answer = http.postJson("/api/v1/import",
                Samples.IMPORT.replace("\"capacity\": 3", "\"capacity\": -1"));

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("mentors[0].capacity");
        assertThat(answer.json().get("errors").get(0).get("message").asText())
                .contains("capacity must be between 0 and 100, not -1");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aNegativeCapacityInAFormIsNamedToo() {
        String before = http.peopleSnapshot();
        String mentor = Samples.MENTOR.replace("m-017", "m-900").replace("a.mwangi@", "x@")
                .replace("\"capacity\": 3", "\"capacity\": -1");

        Http.Answer answer = http.postJson("/api/v1/mentors", mentor);

        assertProblem(answer, 422, "invalid-input");
        assertThat(fields(answer)).containsExactly("capacity");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void anUnknownDomainCode() {
        String before = http.peopleSnapshot();

        Http.Answer answer = http.postJson("/api/v1/import",
                Samples.IMPORT.replace("\"methods/epidemiology\"", "\"methods/astrology\""));

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("requests[0].domains[1]");
        assertThat(answer.json().get("detail").asText()).contains("'methods/astrology' is not in the taxonomy");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void duplicateExternalIdsInOneImport() {
        String before = http.peopleSnapshot();
        String twice = """
                {"requests": [%s, %s]}
                """.formatted(request("r-300", "a@example.org"), request("r-300", "b@example.org"));

        Http.Answer answer = http.postJson("/api/v1/import", twice);

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("requests[1].externalId");
        assertThat(answer.json().get("detail").asText())
                .contains("externalId 'r-300' appears twice in this import: first at requests[0]");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aCsvWithOneBrokenRowAmongGoodOnes() {
        String before = http.peopleSnapshot();
        String csv = Samples.MENTORS_CSV + "m-103,Dr. Broken,broken@example.org,Nowhere,ZZ,Europe/Paris,en,"
                + "methods/epidemiology,,1,2026-01-01,,MON 09:00-10:00\n";

        Http.Answer answer = http.post("/api/v1/import/mentors.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("mentors.csv line 4: country");
        assertThat(answer.json().get("detail").asText()).contains("m-103", "mentors.csv line 4", "'ZZ'");
        assertThat(answer.json().get("report").get("rejected").asInt()).isEqualTo(1);
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aCsvUploadWithAWrongHeader() {
        String before = http.peopleSnapshot();

        Http.Answer answer = http.postFiles("/api/v1/import",
                Map.of("mentors", Samples.MENTORS_CSV.replace("timeZone", "zone")));

        assertProblem(answer, 422, "import-rejected");
        assertThat(answer.json().get("detail").asText())
                .contains("unknown column 'zone'", "missing column 'timeZone'");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheSizeLimit() {
        String before = http.peopleSnapshot();
        byte[] body = new byte[21 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');

        Http.Answer answer = http.post("/api/v1/import", "application/json", body);

        assertProblem(answer, 413, "body-too-large");
        assertThat(answer.json().get("detail").asText()).contains("limit is 20971520 bytes");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void anUploadOverTheSizeLimit() {
        String before = http.peopleSnapshot();

        Http.Answer answer = http.postFiles("/api/v1/import", Map.of("mentors", " ".repeat(21 * 1024 * 1024)));

        assertProblem(answer, 413, "body-too-large");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aStaleVersion() {
        Http.Answer read = http.get("/api/v1/mentors/m-017");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode mentor = read.json();
        long version = mentor.get("version").asLong();
        String body = Samples.MENTOR.replace("\"externalId\": \"m-017\",", "");
        Http.Answer first = http.send("PUT", "/api/v1/mentors/m-017", "\"" + version + "\"",
                body.replace("Dr. A. Mwangi", "Prof. A. Mwangi"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String before = http.peopleSnapshot();

        Http.Answer second = http.send("PUT", "/api/v1/mentors/m-017", "\"" + version + "\"",
                body.replace("Dr. A. Mwangi", "Lost update"));

        assertProblem(second, 409, "stale-version");
        assertThat(second.json().get("code").asText()).isEqualTo("stale-version");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
        http.send("PUT", "/api/v1/mentors/m-017", "\"" + (version + 1) + "\"", body);
    }

    private static String request(String externalId, String email) {
        return """
                {"externalId": "%s", "name": "A. Researcher", "email": "%s", "country": "BR",
                 "timeZone": "America/Sao_Paulo", "careerStage": "STUDENT", "languages": ["pt"],
                 "domains": ["methods"], "startDate": "2026-03-01", "durationMonths": 6,
                 "weeklyAvailability": [{"day": "MON", "start": "10:00", "end": "11:00"}]}
                """.formatted(externalId, email);
    }

    /** Everything stored, as the API lists it. */
}
