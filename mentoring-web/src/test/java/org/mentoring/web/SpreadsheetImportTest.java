package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mentoring.people.importing.ImportTemplates;
import org.mentoring.people.persistence.MentorService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A coordinator's spreadsheet work on the import page: templates, a semicolon-separated file from Excel, a dry run
 * whose file is imported without choosing it again, the valid records imported and the rejected rows downloaded,
 * fixed and sent back, and an Excel workbook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=spreadsheet-import"})
@AutoConfigureMockMvc
class SpreadsheetImportTest {

    private static final String HEADER = "externalId;name;email;institution;country;timeZone;languages;domains;"
            + "topics;capacity;availableFrom;availableUntil;weeklyAvailability\r\n";

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    MentorService mentors;

    @Test
    void aDryRunThenTheValidRowsThenTheFixedRejectedRows() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String file = "\uFEFF" + HEADER
                + "m-xl-1;Dr. Lucía Pérez;lucia@example.org;Universidad de Chile;CL;America/Santiago;es|en;"
                + "methods/epidemiology;grant-writing;2;2026-01-01;;TUE 14:00-16:00|THU 09:00-10:30\r\n"
                + "m-xl-2;Dr. Chloé Martin;chloe@example.org;Université Laval;CA;India;fr;methods/epidemiology;;1;"
                + "2026-01-01;;MON 08:00-10:00\r\n";
        MockMultipartFile upload = new MockMultipartFile("mentors", "mentors.csv", "text/csv",
                file.getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/admin/import").file(upload).param("dryRun", "true").session(session)
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Checked: some records would be rejected")))
                .andExpect(content().string(containsString("mentors.csv line 3")))
                .andExpect(content().string(containsString("id=\"kept-mentors\"")));
        assertThat(mentors.find("m-xl-1")).isEmpty();

        // the same file, not chosen again: only the valid record is written
        mvc.perform(multipart("/admin/import").param("keepMentors", "true").param("validOnly", "true")
                        .session(session).with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Imported the valid records; the rejected ones were left out")))
                .andExpect(content().string(containsString("href=\"/admin/import/rejected/mentors\"")));
        assertThat(mentors.find("m-xl-1")).hasValueSatisfying(m -> {
            assertThat(m.mentor().languages()).containsExactlyInAnyOrder("es", "en");
            assertThat(m.mentor().weeklyAvailability()).hasSize(2);
        });
        assertThat(mentors.find("m-xl-2")).isEmpty();

        byte[] rejected = mvc.perform(get("/admin/import/rejected/mentors").session(session)
                        .with(user(PageUsers.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("rejected-mentors.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String rows = new String(rejected, StandardCharsets.UTF_8);
        assertThat(rows).contains(";rejectedBecause\r\n", "m-xl-2;Dr. Chloé Martin;").doesNotContain("m-xl-1");

        MockMultipartFile fixed = new MockMultipartFile("mentors", "rejected-mentors.csv", "text/csv",
                rows.replace(";India;", ";America/Toronto;").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/import").file(fixed).session(session).with(user(PageUsers.COORDINATOR))
                        .with(csrf()))
                .andExpect(content().string(containsString(">Imported<")))
                .andExpect(content().string(not(containsString("id=\"kept-mentors\""))));
        assertThat(mentors.find("m-xl-2")).isPresent();
    }

    @Test
    void peopleExportAsFilesThatImportBackAndARunAsAMailMerge() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", Samples.PAIR).status()).isEqualTo(200);

        Http.Answer mentorsFile = admin.get("/api/v1/admin/exports/mentors.csv");
        assertThat(mentorsFile.status()).isEqualTo(200);
        assertThat(mentorsFile.body()).startsWith("\uFEFFexternalId,name,email")
                .contains("m-1,Dr. Mentor One,mentor.one@uni.example.org,Mentor University,KE,Africa/Nairobi,en,"
                        + "planetary-health/climate-health/heat-health,publishing,1,2026-01-01,,TUE 14:00-17:00");
        Http.Answer requestsFile = admin.get("/api/v1/admin/exports/requests.csv");
        assertThat(requestsFile.body()).contains("r-1,Researcher Uno,uno@uni.example.org");
        Http.Answer again = admin.post("/api/v1/import/mentors.csv?dryRun=true", "text/csv",
                mentorsFile.body().getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        long rows = mentorsFile.body().split("\r\n").length - 1;
        assertThat(again.json().get("updated").asInt()).as("the export imports back as it was")
                .isEqualTo((int) rows).isPositive();
        assertThat(again.json().get("rejected").asInt()).isZero();
        assertThat(new Http(port).as("nobody@example.org", "wrong-password-2026").get(
                "/api/v1/admin/exports/mentors.csv").status()).isEqualTo(401);

        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}");
        String run = started.json().get("id").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "COMPLETED"
                .equals(admin.get("/api/v1/matching-runs/" + run).json().get("status").asText()));
        Http.Answer merge = admin.get("/api/v1/matching-runs/" + run + "/mail-merge.csv");
        assertThat(merge.status()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode proposal = admin.get("/api/v1/matching-runs/" + run + "/proposals")
                .json().get("proposals").get(0);
        com.fasterxml.jackson.databind.JsonNode mentor = admin.get("/api/v1/mentors/"
                + proposal.get("mentorExternalId").asText()).json();
        String request = proposal.get("requestExternalId").asText();
        com.fasterxml.jackson.databind.JsonNode researcher = admin.get("/api/v1/requests/" + request).json();
        assertThat(merge.body()).contains("researcherName,researcherEmail")
                .contains("PROPOSED," + proposal.get("id").asText() + ",DRAFT,," + researcher.get("name").asText()
                        + "," + researcher.get("email").asText() + ",")
                .contains("," + request + "," + mentor.get("name").asText() + "," + mentor.get("email").asText()
                        + ",");
    }

    @Test
    void templatesDownloadForAdminsOnlyAndAWorkbookImportsThroughTheApi() throws Exception {
        mvc.perform(get("/api/v1/import/templates/requests.csv").with(user(PageUsers.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(content().string(containsString("externalId,name,email")));
        mvc.perform(get("/api/v1/import/templates/secrets.txt").with(user(PageUsers.COORDINATOR)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/import/templates/mentors.xlsx").with(user(PageUsers.person("someone@example.org", "RESEARCHER", null))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/import").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("href=\"/api/v1/import/templates/mentors.xlsx\"")))
                .andExpect(content().string(containsString("weeklyAvailability")));

        byte[] workbook = ImportTemplates.file("mentors.xlsx");
        MockMultipartFile upload = new MockMultipartFile("mentors", "mentors.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);
        mvc.perform(multipart("/api/v1/import").file(upload).with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"created\":1")));
        assertThat(mentors.find("m-017")).hasValueSatisfying(m -> assertThat(m.mentor().name())
                .isEqualTo("Dr. A. Mwangi"));
    }
}
