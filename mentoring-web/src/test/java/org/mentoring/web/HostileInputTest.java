package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.web.Problems.assertProblem;
import static org.mentoring.web.Problems.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input over real HTTP: thousands of broken rows, deeply nested JSON, huge strings, script tags and
 * spreadsheet formulas in names. Each is rejected with a clear reason (or, for text, stored as text and exported
 * harmlessly) and nothing partial is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY})
class HostileInputTest {

    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

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
    void tenThousandBrokenRowsAreRejectedWithABoundedReport() {
        String before = http.peopleSnapshot();
        StringBuilder csv = new StringBuilder(Samples.MENTORS_CSV);
        for (int i = 0; i < 10_000; i++) {
            csv.append("m-x").append(i).append(",Dr. Broken ").append(i).append(",broken").append(i)
                    .append("@example.org,Nowhere,ZZ,Mars/Olympus,en,methods/epidemiology,,1,2026-01-01,,")
                    .append("MON 09:00-10:00\n");
        }

        Http.Answer answer = http.post("/api/v1/import/mentors.csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 422, "import-rejected");
        JsonNode problem = answer.json();
        JsonNode report = problem.get("report");
        assertThat(report.get("rejected").asInt()).isEqualTo(10_000);
        assertThat(report.get("created").asInt()).isZero();
        // two wrong fields a row: 20,000 reasons, of which the first 1,000 are listed and the rest counted
        assertThat(report.get("rejections")).hasSize(1000);
        assertThat(report.get("rejectionsOmitted").asInt()).isEqualTo(19_000);
        assertThat(problem.get("errors")).hasSize(1000);
        assertThat(problem.get("errorsOmitted").asInt()).isEqualTo(19_000);
        assertThat(report.get("rejections").get(0).get("message").asText())
                .contains("m-x0", "mentors.csv line 4", "'ZZ'");
        assertThat(problem.get("detail").asText()).contains("10000 records were rejected");
        assertThat(answer.body().length()).isLessThan(2_000_000);
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonIsAClearBadRequest() {
        String before = http.peopleSnapshot();
        int depth = 100_000;
        String nested = "{\"mentors\": [], \"notes\": " + "[".repeat(depth) + "]".repeat(depth) + "}";

        Http.Answer answer = http.postJson("/api/v1/import", nested);

        assertProblem(answer, 400, "malformed-body");
        assertThat(answer.json().get("detail").asText()).contains("nesting depth", "exceeds the maximum allowed");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
        assertThat(http.get("/api/v1/mentors/m-017").status()).isEqualTo(200);
    }

    @Test
    void deeplyNestedListsWhereMentorsBelongAreAClearBadRequest() {
        String before = http.peopleSnapshot();
        int depth = 100_000;
        String nested = "{\"mentors\": " + "[".repeat(depth) + "]".repeat(depth) + "}";

        Http.Answer answer = http.postJson("/api/v1/import", nested);

        assertProblem(answer, 400, "malformed-body");
        assertThat(answer.json().get("detail").asText()).contains("mentors[0] is not an object");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonInAFormIsAClearBadRequestToo() {
        String before = http.peopleSnapshot();
        String nested = "{\"externalId\": \"m-500\", \"topics\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}";

        Http.Answer answer = http.postJson("/api/v1/mentors", nested);

        assertProblem(answer, 400, "malformed-body");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aFiveMegabyteNameIsRejectedWithItsField() {
        String before = http.peopleSnapshot();
        String huge = "A".repeat(5 * 1024 * 1024);

        Http.Answer answer = http.postJson("/api/v1/import", Samples.IMPORT
                .replace("\"m-017\", \"name\": \"Dr. A. Mwangi\"", "\"m-017\", \"name\": \"" + huge + "\""));

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("mentors[0].name");
        assertThat(answer.json().get("detail").asText()).contains("name is longer than 200 characters");
        assertThat(answer.body().length()).isLessThan(10_000);
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aFiveMegabyteValueEchoedInAnErrorIsShortened() {
        String before = http.peopleSnapshot();
        String huge = "Mars/" + "x".repeat(5 * 1024 * 1024);

        Http.Answer answer = http.postJson("/api/v1/import", Samples.IMPORT.replace("Africa/Nairobi", huge));

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("mentors[0].timeZone");
        assertThat(answer.json().get("detail").asText()).contains("'Mars/xxx", "is not an IANA time zone");
        assertThat(answer.body().length()).isLessThan(10_000);
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void scriptTagsAndFormulasInNamesAreStoredAsTextAndExportedHarmlessly() {
        String hostile = Samples.IMPORT
                .replace("\"m-017\"", "\"m-666\"").replace("a.mwangi@", "m666@")
                .replace("Dr. A. Mwangi", SCRIPT.replace("'", "\\u0027"))
                .replace("\"r-104\"", "\"r-666\"").replace("j.singh@", "r666@").replace("J. Singh", escaped(FORMULA))
                .replace("\"preferredMentorIds\": [\"m-017\"]", "\"preferredMentorIds\": [\"m-666\"]");
        // a formula is no goal or topic of the programme's list: refused, naming the field
        Http.Answer formulaTopic = http.postJson("/api/v1/import", hostile.replace("\"goals\": [\"grant-writing\"]",
                "\"goals\": [\"" + escaped(FORMULA) + "\"]"));
        assertThat(formulaTopic.status()).isEqualTo(422);
        assertThat(formulaTopic.body()).contains("requests[0].goals[0]");
        Http.Answer imported = http.postJson("/api/v1/import", hostile);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        assertThat(http.get("/api/v1/mentors/m-666").json().get("name").asText()).isEqualTo(SCRIPT);
        assertThat(http.get("/api/v1/requests/r-666").json().get("name").asText()).isEqualTo(FORMULA);

        Http.Answer started = http.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 1, \"seed\": 7}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().get("id").asText();
        awaitEnd(runId);
        Http.Answer csv = http.get("/api/v1/matching-runs/" + runId + "/proposals.csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);

        Http.Answer mailMerge = http.get("/api/v1/matching-runs/" + runId + "/mail-merge.csv");
        assertThat(mailMerge.status()).isEqualTo(200);
        assertThat(mailMerge.body()).as("the name is there, as text").contains("'=HYPERLINK(");
        for (CSVRecord row : parse(mailMerge.body().substring(1))) {
            for (String cell : row) {
                assertThat(cell).as("a mail-merge cell of " + row).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@");
            }
        }

        List<CSVRecord> rows = parse(csv.body());
        assertThat(rows).anySatisfy(row -> assertThat(row.get(2)).isEqualTo("r-666"));
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).as("a cell of " + row).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@");
            }
        }
    }

    private void awaitEnd(String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            String status = http.get("/api/v1/matching-runs/" + runId).json().get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("SOLVING")) {
                assertThat(status).isEqualTo("COMPLETED");
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + runId + " did not end within 60 s");
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escaped(String text) {
        return text.replace("\"", "\\\"");
    }

    /** Everything stored, as the API lists it. */
}
