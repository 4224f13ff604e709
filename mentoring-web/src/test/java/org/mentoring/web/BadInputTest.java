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

    @Test
    void namesOfInvisibleControlOrBidirectionalCharactersAreRefusedNamingTheField() {
        String before = http.peopleSnapshot();

        Http.Answer zeroWidth = http.postJson("/api/v1/import",
                Samples.IMPORT.replace("\"Dr. A. Mwangi\"", "\"\\u200B\\u200B\\u200B\""));
        Http.Answer nul = http.postJson("/api/v1/mentors", Samples.MENTOR.replace("m-017", "m-901")
                .replace("a.mwangi@", "m901@").replace("Dr. A. Mwangi", "Dr. A.\\u0000Mwangi"));
        Http.Answer bidiInstitution = http.postJson("/api/v1/import", Samples.IMPORT
                .replace("University of British Columbia", "University of \\u202Eaibmuloc"));

        assertProblem(zeroWidth, 422, "import-rejected");
        assertThat(fields(zeroWidth)).containsExactly("mentors[0].name");
        assertThat(zeroWidth.json().get("detail").asText()).contains("name contains an invisible character (U+200B)");
        assertProblem(nul, 422, "invalid-input");
        assertThat(fields(nul)).containsExactly("name");
        assertThat(nul.json().get("detail").asText()).contains("control character (U+0000)");
        assertProblem(bidiInstitution, 422, "import-rejected");
        assertThat(fields(bidiInstitution)).containsExactly("requests[0].institution");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aSignUpOrAnInvitationWithABidirectionalOrInvisibleNameIsRefused() {
        Http.Answer signUp = new Http(port).postJson("/api/v1/accounts/sign-up", """
                {"email": "eve.bidi@example.org", "password": "a long passphrase 2026 for Eve",
                 "name": "Eve \\u202Enimda"}
                """);
        Http.Answer invitation = http.postJson("/api/v1/accounts/invitations", """
                {"email": "zw@example.org", "name": "\\u200B\\u200B", "role": "MENTOR"}
                """);

        assertProblem(signUp, 422, "invalid-input");
        assertThat(fields(signUp)).containsExactly("name");
        assertThat(signUp.json().get("detail").asText()).contains("bidirectional control character (U+202E)");
        assertProblem(invitation, 422, "invalid-input");
        assertThat(fields(invitation)).containsExactly("name");
        assertThat(http.get("/api/v1/accounts?size=100").body()).doesNotContain("eve.bidi@", "zw@example.org");
    }

    @Test
    void aSlotFrom2400To2400IsRefusedButAnEndAt2400IsMidnight() {
        String before = http.peopleSnapshot();

        Http.Answer wholeDay = http.postJson("/api/v1/import", Samples.IMPORT
                .replace("\"start\": \"07:00\", \"end\": \"09:00\"", "\"start\": \"24:00\", \"end\": \"24:00\""));

        assertProblem(wholeDay, 422, "import-rejected");
        assertThat(fields(wholeDay)).containsExactly("requests[0].weeklyAvailability[0].start");
        assertThat(wholeDay.json().get("detail").asText()).contains("24:00 is the end of the day");
        assertThat(http.peopleSnapshot()).isEqualTo(before);

        Http.Answer lateEvening = http.postJson("/api/v1/mentors", Samples.MENTOR.replace("m-017", "m-902")
                .replace("a.mwangi@", "m902@").replace("\"start\": \"14:00\", \"end\": \"16:00\"",
                        "\"start\": \"22:00\", \"end\": \"24:00\""));
        assertThat(lateEvening.status()).as(lateEvening.body()).isEqualTo(201);
        assertThat(lateEvening.json().get("weeklyAvailability").get(0).get("end").asText()).isEqualTo("24:00");
    }

    @Test
    void aFractionalNumberIsRefusedInsteadOfTruncated() {
        String before = http.peopleSnapshot();
        String runsBefore = http.get("/api/v1/matching-runs").body();

        Http.Answer capacity = http.postJson("/api/v1/import",
                Samples.IMPORT.replace("\"capacity\": 3", "\"capacity\": 3.9"));
        Http.Answer duration = http.postJson("/api/v1/import",
                Samples.IMPORT.replace("\"durationMonths\": 6", "\"durationMonths\": 6.5"));
        Http.Answer overlap = http.postJson("/api/v1/import",
                Samples.IMPORT.replace("\"minOverlapMinutes\": 60", "\"minOverlapMinutes\": 59.5"));
        Http.Answer timeLimit = http.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 1.5}");

        assertProblem(capacity, 400, "malformed-body");
        assertThat(fields(capacity)).containsExactly("mentors[0].capacity");
        assertThat(capacity.json().get("detail").asText()).contains("mentors[0].capacity '3.9' is not a whole number");
        assertProblem(duration, 400, "malformed-body");
        assertThat(fields(duration)).containsExactly("requests[0].durationMonths");
        assertProblem(overlap, 400, "malformed-body");
        assertThat(fields(overlap)).containsExactly("requests[0].minOverlapMinutes");
        assertProblem(timeLimit, 400, "malformed-body");
        assertThat(fields(timeLimit)).containsExactly("timeLimitSeconds");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
        assertThat(http.get("/api/v1/matching-runs").body()).isEqualTo(runsBefore);
    }

    @Test
    void anUnknownWeightIsRefusedNamingItAndTheKnownOnes() {
        String runsBefore = http.get("/api/v1/matching-runs").body();

        Http.Answer answer = http.postJson("/api/v1/matching-runs",
                "{\"timeLimitSeconds\": 1, \"weights\": {\"domainAfinity\": 3}}");

        assertProblem(answer, 422, "invalid-input");
        assertThat(fields(answer)).containsExactly("weights.domainAfinity");
        assertThat(answer.json().get("detail").asText()).contains("weights.domainAfinity", "domainAffinity",
                "preferredMentor", "loadBalance");
        assertThat(http.get("/api/v1/matching-runs").body()).isEqualTo(runsBefore);
    }

    @Test
    void anUnknownPropertyOfTheRunSettingsOrOfAnImportIsRefused() {
        String before = http.peopleSnapshot();
        String runsBefore = http.get("/api/v1/matching-runs").body();

        Http.Answer run = http.postJson("/api/v1/matching-runs", "{\"timeLimit\": 1}");
        Http.Answer importBody = http.postJson("/api/v1/import",
                Samples.IMPORT.replace("\"minOverlapMinutes\": 60", "\"minOverlapMinute\": 60"));

        assertProblem(run, 422, "invalid-input");
        assertThat(fields(run)).containsExactly("timeLimit");
        assertThat(run.json().get("detail").asText()).contains("timeLimitSeconds");
        assertProblem(importBody, 422, "invalid-input");
        assertThat(fields(importBody)).containsExactly("requests[0].minOverlapMinute");
        assertThat(importBody.json().get("detail").asText()).contains("minOverlapMinutes");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
        assertThat(http.get("/api/v1/matching-runs").body()).isEqualTo(runsBefore);
    }

    @Test
    void aCsvNamingAColumnTwiceIsRefusedInsteadOfUsingTheLastOne() {
        String before = http.peopleSnapshot();
        String csv = Samples.MENTORS_CSV.replaceFirst("weeklyAvailability\n", "weeklyAvailability,name\n")
                .replace("THU 14:00-15:30\n", "THU 14:00-15:30,Someone Else\n")
                .replace("TUE 10:00-12:00\n", "TUE 10:00-12:00,Someone Else\n");

        Http.Answer answer = http.post("/api/v1/import/mentors.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("mentors.csv line 1");
        assertThat(answer.json().get("detail").asText()).contains("column 'name' twice (columns 2 and 14)");
        assertThat(http.peopleSnapshot()).isEqualTo(before);
    }

    @Test
    void aCsvThatIsNotUtf8IsRefusedNamingTheLine() {
        String before = http.peopleSnapshot();
        byte[] latin1 = Samples.MENTORS_CSV.replace("Dr. C. Dubois", "Dr. C. Dubé")
                .getBytes(StandardCharsets.ISO_8859_1);

        Http.Answer answer = http.post("/api/v1/import/mentors.csv", "text/csv", latin1);

        assertProblem(answer, 422, "import-rejected");
        assertThat(fields(answer)).containsExactly("mentors.csv line 2");
        assertThat(answer.json().get("detail").asText()).contains("not valid UTF-8", "0xE9");
        assertThat(answer.body()).doesNotContain("\uFFFD");
        assertThat(http.peopleSnapshot()).isEqualTo(before);

        byte[] withMark = ("\uFEFF" + Samples.MENTORS_CSV.replace("Dr. C. Dubois", "Dr. C. Dubé"))
                .getBytes(StandardCharsets.UTF_8);
        Http.Answer accepted = http.post("/api/v1/import/mentors.csv?dryRun=true", "text/csv", withMark);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
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
