package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.web.Problems.assertProblem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mentoring.api.security.SignedInUser;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.importing.ImportTemplates;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Mentoring circles' two fields wherever people and scripts meet mentors and requests: a mentor's {@code circles}
 * (0 to 3) and a request's {@code format} in the API (422 naming the field), the JSON, CSV and workbook imports, the
 * templates, the exports that import back, the mentor's and the researcher's forms, and the coordinator's pages, in
 * words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=circle-fields"})
@AutoConfigureMockMvc
class CircleFieldsTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;

    private static String mentor(String id, String email, String circles) {
        return """
                {"externalId": "%s", "name": "Dr. Circle Lead", "email": "%s", "institution": "Wits",
                 "country": "ZA", "timeZone": "Africa/Johannesburg", "languages": ["en"], "domains": ["%s"],
                 "topics": ["publishing"], "capacity": 2, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "MONDAY", "start": "09:00", "end": "12:00"}]%s}
                """.formatted(id, email, HEAT, circles == null ? "" : ", \"circles\": " + circles);
    }

    private static String request(String id, String email, String format) {
        return """
                {"externalId": "%s", "name": "Ama Mensah", "email": "%s", "country": "GH",
                 "timeZone": "Africa/Accra", "careerStage": "POSTDOC", "languages": ["en"], "domains": ["%s"],
                 "goals": ["publishing"], "startDate": "2026-03-01", "durationMonths": 6,
                 "weeklyAvailability": [{"day": "MONDAY", "start": "09:00", "end": "12:00"}]%s}
                """.formatted(id, email, HEAT, format == null ? "" : ", \"format\": \"" + format + "\"");
    }

    /** The create body as an update body: no externalId. */
    private static String update(String create) {
        return create.replaceFirst("\"externalId\": \"[^\"]+\", ", "");
    }

    @Test
    void theApiCreatesReadsListsAndUpdatesCirclesAndFormatAndNamesAWrongOne() {
        Http admin = new Http(port).asAdmin();
        Http.Answer created = admin.postJson("/api/v1/mentors", mentor("m-api", "api@circles.example.org", "2"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("circles").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/mentors/m-api").json().get("circles").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/mentors?size=500").json().get("content").findParents("externalId").stream()
                .filter(m -> m.get("externalId").asText().equals("m-api")).findFirst().orElseThrow()
                .get("circles").asInt()).isEqualTo(2);

        Http.Answer changed = admin.send("PUT", "/api/v1/mentors/m-api", "\"0\"",
                update(mentor("m-api", "api@circles.example.org", "1")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("circles").asInt()).isEqualTo(1);
        Http.Answer kept = admin.send("PUT", "/api/v1/mentors/m-api", "\"1\"",
                update(mentor("m-api", "api@circles.example.org", null)));
        assertThat(kept.json().get("circles").asInt()).as("an update without circles keeps them").isEqualTo(1);

        Http.Answer tooMany = admin.postJson("/api/v1/mentors", mentor("m-many", "many@circles.example.org", "5"));
        assertProblem(tooMany, 422, "invalid-input");
        assertThat(Problems.fields(tooMany)).containsExactly("circles");
        assertThat(tooMany.body()).contains("circles must be between 0 and 3, not 5");
        assertThat(admin.get("/api/v1/mentors/m-many").status()).isEqualTo(404);
        Http.Answer updateTooMany = admin.send("PUT", "/api/v1/mentors/m-api", "\"2\"",
                update(mentor("m-api", "api@circles.example.org", "4")));
        assertProblem(updateTooMany, 422, "invalid-input");
        assertThat(Problems.fields(updateTooMany)).containsExactly("circles");
        assertThat(mentors.get("m-api").mentor().circles()).isEqualTo(1);

        Http.Answer plain = admin.postJson("/api/v1/requests", request("r-plain", "plain@circles.example.org", null));
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(plain.json().get("format").asText()).isEqualTo("ONE_TO_ONE");
        Http.Answer either = admin.postJson("/api/v1/requests",
                request("r-either", "either@circles.example.org", "EITHER"));
        assertThat(either.json().get("format").asText()).isEqualTo("EITHER");
        assertThat(admin.get("/api/v1/requests/r-either").json().get("format").asText()).isEqualTo("EITHER");
        Http.Answer circle = admin.send("PUT", "/api/v1/requests/r-either", "\"0\"",
                update(request("r-either", "either@circles.example.org", "CIRCLE")));
        assertThat(circle.status()).as(circle.body()).isEqualTo(200);
        assertThat(circle.json().get("format").asText()).isEqualTo("CIRCLE");
        Http.Answer keptFormat = admin.send("PUT", "/api/v1/requests/r-either", "\"1\"",
                update(request("r-either", "either@circles.example.org", null)));
        assertThat(keptFormat.json().get("format").asText()).as("an update without format keeps it")
                .isEqualTo("CIRCLE");

        Http.Answer unknown = admin.postJson("/api/v1/requests", request("r-group", "group@circles.example.org",
                "GROUP"));
        assertProblem(unknown, 422, "invalid-input");
        assertThat(Problems.fields(unknown)).containsExactly("format");
        assertThat(unknown.body()).contains("Choose one-to-one, a circle, or either");
        assertThat(admin.get("/api/v1/requests/r-group").status()).isEqualTo(404);

        // the OpenAPI description says what each is
        var schemas = admin.get("/v3/api-docs").json().get("components").get("schemas");
        assertThat(schemas.get("CreateMentorRequest").get("properties").get("circles").get("description").asText())
                .contains("mentoring circles", "0 to 3");
        assertThat(schemas.get("CreateMentorshipRequestRequest").get("properties").get("format").get("enum"))
                .extracting(node -> node.asText()).containsExactly("ONE_TO_ONE", "CIRCLE", "EITHER");
        assertThat(schemas.get("MentorResponse").get("properties").has("circles")).isTrue();
        assertThat(schemas.get("MentorshipRequestResponse").get("properties").has("format")).isTrue();
    }

    @Test
    void jsonCsvAndWorkbookImportsCarryTheColumnsAndAnExportImportsBackTheSame() throws Exception {
        Http admin = new Http(port).asAdmin();
        Http.Answer json = admin.postJson("/api/v1/import", "{\"mentors\": [" + mentor("m-json",
                "json@circles.example.org", "3") + "], \"requests\": [" + request("r-json", "rjson@circles.example.org",
                "CIRCLE") + "]}");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(mentors.get("m-json").mentor().circles()).isEqualTo(3);
        assertThat(requests.get("r-json").request().format()).isEqualTo(RequestFormat.CIRCLE);

        // a CSV column in any letter case; a file without it is 0 and one-to-one; a wrong cell is named
        String mentorsCsv = "externalId,name,email,country,timeZone,languages,domains,capacity,availableFrom,"
                + "weeklyAvailability,Circles\r\n"
                + "m-csv1,Dr. One,csv1@circles.example.org,KE,Africa/Nairobi,en," + HEAT + ",2,2026-01-01,"
                + "TUE 14:00-16:00,2\r\n"
                + "m-csv2,Dr. Two,csv2@circles.example.org,KE,Africa/Nairobi,en," + HEAT + ",2,2026-01-01,"
                + "TUE 14:00-16:00,\r\n";
        Http.Answer csv = admin.post("/api/v1/import/mentors.csv", "text/csv",
                mentorsCsv.getBytes(StandardCharsets.UTF_8));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(mentors.get("m-csv1").mentor().circles()).isEqualTo(2);
        assertThat(mentors.get("m-csv2").mentor().circles()).isZero();
        String requestsCsv = "externalId,name,email,country,timeZone,careerStage,languages,domains,startDate,"
                + "durationMonths,weeklyAvailability,format\r\n"
                + "r-csv1,Ama One,rcsv1@circles.example.org,GH,Africa/Accra,POSTDOC,en," + HEAT + ",2026-03-01,6,"
                + "MON 09:00-11:00,either\r\n";
        assertThat(admin.post("/api/v1/import/requests.csv", "text/csv",
                requestsCsv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(requests.get("r-csv1").request().format()).isEqualTo(RequestFormat.EITHER);
        Http.Answer dryRun = admin.post("/api/v1/import/requests.csv?dryRun=true", "text/csv",
                requestsCsv.replace(",either\r\n", ",a group\r\n").getBytes(StandardCharsets.UTF_8));
        assertProblem(dryRun, 422, "import-rejected");
        assertThat(dryRun.json().get("report").get("rejections").get(0).get("field").asText()).endsWith("format");
        assertThat(dryRun.json().get("report").get("rejections").get(0).get("reason").asText())
                .contains("Choose one-to-one, a circle, or either");
        assertThat(requests.get("r-csv1").request().format()).isEqualTo(RequestFormat.EITHER);

        // the templates name both columns, and the workbook templates import with their example row
        String mentorsTemplate = new String(ImportTemplates.file("mentors.csv"), StandardCharsets.UTF_8);
        assertThat(mentorsTemplate.lines().findFirst().orElseThrow()).endsWith(",circles");
        assertThat(admin.get("/api/v1/import/templates/requests.csv").body().lines().findFirst().orElseThrow())
                .endsWith(",format");
        for (String name : new String[] {"mentors", "requests"}) {
            MockMultipartFile workbook = new MockMultipartFile(name, name + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ImportTemplates.file(name + ".xlsx"));
            mvc.perform(multipart("/api/v1/import").file(workbook).with(user(PageUsers.COORDINATOR)).with(csrf()))
                    .andExpect(status().isOk());
        }
        assertThat(mentors.get("m-017").mentor().circles()).isEqualTo(1);
        assertThat(requests.get("r-104").request().format()).isEqualTo(RequestFormat.EITHER);

        // export, change, import the export back: the values exported return
        String mentorsFile = admin.get("/api/v1/admin/exports/mentors.csv").body();
        String requestsFile = admin.get("/api/v1/admin/exports/requests.csv").body();
        assertThat(mentorsFile.lines().findFirst().orElseThrow()).endsWith(",circles");
        assertThat(mentorsFile).contains(",TUE 14:00-16:00,2\r\n");
        assertThat(requestsFile.lines().findFirst().orElseThrow()).endsWith(",format");
        assertThat(requestsFile).contains(",CIRCLE\r\n", ",EITHER\r\n");
        long mentorVersion = mentors.get("m-json").version();
        assertThat(admin.send("PUT", "/api/v1/mentors/m-json", "\"" + mentorVersion + "\"",
                update(mentor("m-json", "json@circles.example.org", "0"))).status()).isEqualTo(200);
        long requestVersion = requests.get("r-json").version();
        assertThat(admin.send("PUT", "/api/v1/requests/r-json", "\"" + requestVersion + "\"",
                update(request("r-json", "rjson@circles.example.org", "ONE_TO_ONE"))).status()).isEqualTo(200);
        Http.Answer back = admin.postFiles("/api/v1/import", java.util.Map.of("mentors", mentorsFile,
                "requests", requestsFile));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(mentors.get("m-json").mentor().circles()).isEqualTo(3);
        assertThat(mentors.get("m-csv1").mentor().circles()).isEqualTo(2);
        assertThat(requests.get("r-json").request().format()).isEqualTo(RequestFormat.CIRCLE);
        assertThat(requests.get("r-csv1").request().format()).isEqualTo(RequestFormat.EITHER);
        assertThat(admin.get("/api/v1/admin/exports/mentors.csv").body()).isEqualTo(mentorsFile);
        assertThat(admin.get("/api/v1/admin/exports/requests.csv").body()).isEqualTo(requestsFile);
    }

    @Test
    void theMentorsAndTheResearchersFormsSaveThemAndTheCoordinatorReadsThemInWords() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", "{\"mentors\": [" + mentor("m-page", "page@circles.example.org",
                null) + "], \"requests\": []}").status()).isEqualTo(200);
        SignedInUser lead = PageUsers.person("page@circles.example.org", "MENTOR", "m-page");
        String profile = page(get("/mentor").with(user(lead)));
        assertThat(ParticipantPagesTest.visibleText(profile)).contains("Circles you can lead at once",
                "A mentoring circle is a small group of mentees who meet you together once a week");
        assertThat(profile).contains("name=\"circles\"").contains("min=\"0\"").contains("max=\"3\"");

        String refused = page(profileForm(lead, 0).param("circles", "7"));
        assertThat(ParticipantPagesTest.visibleText(refused))
                .contains("Choose how many circles you can lead at once, from 0 to 3");
        assertThat(mentors.get("m-page").mentor().circles()).isZero();
        mvc.perform(profileForm(lead, 0).param("circles", "2")).andExpect(redirectedUrl("/mentor?saved"));
        assertThat(mentors.get("m-page").mentor().circles()).isEqualTo(2);

        SignedInUser ama = PageUsers.person("ama@circles.example.org", "RESEARCHER", null);
        String blank = page(get("/my-request").with(user(ama)));
        assertThat(ParticipantPagesTest.visibleText(blank)).contains("How you would like to be mentored",
                "One-to-one with a mentor", "In a mentoring circle (a small group meeting a mentor every week)",
                "Either").doesNotContain("ONE_TO_ONE", "CIRCLE", "EITHER");
        assertThat(blank).contains("type=\"radio\"");
        mvc.perform(requestForm(ama).param("version", "0").param("format", "EITHER"))
                .andExpect(redirectedUrl("/my-request?saved"));
        var own = requests.newestOf("ama@circles.example.org").orElseThrow();
        assertThat(own.request().format()).isEqualTo(RequestFormat.EITHER);
        String saved = page(get("/my-request").with(user(ama)));
        assertThat(saved).containsPattern("value=\"EITHER\"\\s+checked");
        String wrong = page(requestForm(ama).param("version", Long.toString(own.version())).param("format", "X"));
        assertThat(ParticipantPagesTest.visibleText(wrong)).contains("Choose one-to-one, a circle, or either");

        String id = own.request().externalId();
        String requestPage = ParticipantPagesTest.visibleText(page(get("/admin/requests/" + id)
                .with(user(PageUsers.COORDINATOR))));
        assertThat(requestPage).contains("How they would like to be mentored", "One-to-one or in a mentoring circle")
                .doesNotContain("EITHER", "ONE_TO_ONE");
        String mentorPage = ParticipantPagesTest.visibleText(page(get("/admin/mentors/m-page")
                .with(user(PageUsers.COORDINATOR))));
        assertThat(mentorPage).contains("Mentoring circles they lead at once", "2 circles at once");

        // the coordinator's edit forms change them
        var stored = requests.get(id);
        var r = stored.request();
        mvc.perform(post("/admin/requests/" + id).with(user(PageUsers.COORDINATOR)).with(csrf())
                .param("version", Long.toString(stored.version())).param("name", r.name()).param("email", r.email())
                .param("institution", "").param("country", r.country()).param("timeZone", r.timeZone().getId())
                .param("startDate", r.startDate().toString()).param("durationMonths", "6").param("format", "CIRCLE"))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.get(id).request().format()).isEqualTo(RequestFormat.CIRCLE);
        var m = mentors.get("m-page");
        mvc.perform(post("/admin/mentors/m-page").with(user(PageUsers.COORDINATOR)).with(csrf())
                .param("version", Long.toString(m.version())).param("name", m.mentor().name())
                .param("email", m.mentor().email()).param("institution", "Wits").param("country", "ZA")
                .param("timeZone", "Africa/Johannesburg").param("capacity", "2").param("availableFrom", "2026-01-01")
                .param("circles", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(mentors.get("m-page").mentor().circles()).isEqualTo(1);
        assertThat(ParticipantPagesTest.visibleText(page(get("/admin/mentors/m-page")
                .with(user(PageUsers.COORDINATOR))))).contains("1 circle at once");
    }

    @Test
    void theImportPageListsBothColumnsAndARejectedRowComesBackWithItsCircles() throws Exception {
        String page = page(get("/admin/import").with(user(PageUsers.COORDINATOR)));
        assertThat(page).contains("<code>circles</code>", "<code>format</code>");

        MockHttpSession session = new MockHttpSession();
        String file = "externalId,name,email,country,timeZone,languages,domains,capacity,availableFrom,"
                + "weeklyAvailability,circles\r\n"
                + "m-rows1,Dr. Good,rows1@circles.example.org,KE,Africa/Nairobi,en," + HEAT + ",2,2026-01-01,"
                + "TUE 14:00-16:00,1\r\n"
                + "m-rows2,Dr. Busy,rows2@circles.example.org,KE,Africa/Nairobi,en," + HEAT + ",2,2026-01-01,"
                + "TUE 14:00-16:00,9\r\n";
        MockMultipartFile upload = new MockMultipartFile("mentors", "mentors.csv", "text/csv",
                file.getBytes(StandardCharsets.UTF_8));
        String report = page(multipart("/admin/import").file(upload).param("validOnly", "true").session(session)
                .with(user(PageUsers.COORDINATOR)).with(csrf()));
        assertThat(ParticipantPagesTest.visibleText(report)).contains("mentors.csv line 3",
                "circles must be between 0 and 3, not 9");
        assertThat(mentors.get("m-rows1").mentor().circles()).isEqualTo(1);
        String rows = new String(mvc.perform(get("/admin/import/rejected/mentors").session(session)
                        .with(user(PageUsers.COORDINATOR))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(rows).contains(",circles,rejectedBecause\r\n", "m-rows2,Dr. Busy,").contains(",9,")
                .doesNotContain("m-rows1");
    }

    private MockHttpServletRequestBuilder profileForm(SignedInUser who, long version) {
        return post("/mentor").with(user(who)).with(csrf()).param("version", Long.toString(version))
                .param("name", "Dr. Circle Lead").param("institution", "Wits").param("country", "ZA")
                .param("timeZone", "Africa/Johannesburg").param("languages", "en").param("domains", HEAT)
                .param("topics", "publishing").param("capacity", "2").param("availableFrom", "2026-01-01")
                .param("slotDay", "MONDAY").param("slotStart", "09:00").param("slotEnd", "12:00");
    }

    private static MockHttpServletRequestBuilder requestForm(SignedInUser who) {
        return post("/my-request").with(user(who)).with(csrf()).param("name", "Ama Mensah").param("country", "GH")
                .param("timeZone", "Africa/Accra").param("careerStage", "POSTDOC").param("languages", "en")
                .param("domainPick", HEAT).param("goals", "publishing").param("startDate", "2026-03-01")
                .param("durationMonths", "6").param("minOverlapMinutes", "60")
                .param("slotDay", "MONDAY").param("slotStart", "09:00").param("slotEnd", "11:00");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
