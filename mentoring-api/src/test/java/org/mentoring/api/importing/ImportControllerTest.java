package org.mentoring.api.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.api.people.PeopleApiMapperImpl;
import org.mentoring.people.importing.ImportBatch;
import org.mentoring.people.importing.ImportJournal;
import org.mentoring.people.importing.ImportRecord;
import org.mentoring.people.importing.ImportStatus;
import org.mentoring.people.importing.ImportRejectedException;
import org.mentoring.people.importing.ImportReport;
import org.mentoring.people.importing.PeopleImporter;
import org.mentoring.people.importing.Rejection;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// Security is tested in the web module over the whole app; this slice tests the controller alone.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(controllers = ImportController.class, properties = "mentoring.api.max-body-size=4KB")
@Import(PeopleApiMapperImpl.class)
// The body-size limit is a servlet filter, so this slice keeps the filters: an admin with a CSRF token.
@WithMockUser(roles = "ADMIN")
class ImportControllerTest {

    /** Every request of this test carries a CSRF token, as the app's pages do. */
    static class WithCsrf {
        @org.springframework.context.annotation.Bean
        org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer csrfByDefault() {
            return builder -> builder.defaultRequest(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
        }
    }


    static final String JSON = """
            {"mentors": [{"externalId": "m-017", "name": "Dr. A. Mwangi", "email": "a.mwangi@example.org",
              "country": "KE", "timeZone": "Africa/Nairobi", "languages": ["en"],
              "domains": ["planetary-health/climate-health/heat-health"], "capacity": 3,
              "availableFrom": "2026-01-01",
              "weeklyAvailability": [{"day": "TUESDAY", "start": "14:00", "end": "16:00"}]}],
             "requests": []}
            """;

    static final String MENTORS_CSV = """
            externalId,name,email,country,timeZone,languages,domains,capacity,availableFrom,weeklyAvailability
            m-017,Dr. A. Mwangi,a.mwangi@example.org,KE,Africa/Nairobi,en;sw,methods/epidemiology,3,2026-01-01,TUE 14:00-16:00
            """;

    static final ImportReport ONE_CREATED = new ImportReport(false, 1, 0, 0, new ImportReport.Counts(1, 0, 0),
            new ImportReport.Counts(0, 0, 0), List.of());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ImportJournal journal;

    @MockitoBean
    PeopleImporter importer;

    @Test
    void importsAJsonBodyAndAnswersTheReport() throws Exception {
        when(importer.importPeople(any(), eq(false), any(), any())).thenReturn(ONE_CREATED);

        mvc.perform(post("/api/v1/import").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.mentors.created").value(1));

        ArgumentCaptor<ImportBatch> batch = ArgumentCaptor.forClass(ImportBatch.class);
        verify(importer).importPeople(batch.capture(), eq(false), any(), any());
        assertThat(batch.getValue().mentors()).singleElement().satisfies(entry -> {
            assertThat(entry.location()).isEqualTo("mentors[0]");
            assertThat(entry.record().externalId()).isEqualTo("m-017");
            assertThat(entry.record().capacity()).isEqualTo("3");
        });
    }

    @Test
    void aDryRunIsPassedOn() throws Exception {
        when(importer.importPeople(any(), eq(true), any(), any())).thenReturn(ONE_CREATED);

        mvc.perform(post("/api/v1/import").with(csrf()).param("dryRun", "true").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON))
                .andExpect(status().isOk());
        verify(importer).importPeople(any(), eq(true), any(), any());
    }

    @Test
    void aRejectedImportIsA422WithTheReportAndEveryWrongField() throws Exception {
        Rejection rejection = new Rejection("mentor", "m-017", "mentors[0]", "mentors[0].timeZone",
                "timeZone 'Mars/Olympus' is not an IANA time zone such as Africa/Nairobi");
        ImportReport report = new ImportReport(false, 0, 0, 1, new ImportReport.Counts(0, 0, 1),
                new ImportReport.Counts(0, 0, 0), List.of(rejection));
        when(importer.importPeople(any(), anyBoolean(), any(), any())).thenThrow(new ImportRejectedException(report));

        mvc.perform(post("/api/v1/import").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(JSON))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://mentoring.example.org/problems/import-rejected"))
                .andExpect(jsonPath("$.detail").value("1 record was rejected, so nothing was imported. First: "
                        + "mentor m-017 (mentors[0]): timeZone 'Mars/Olympus' is not an IANA time zone such as "
                        + "Africa/Nairobi"))
                .andExpect(jsonPath("$.errors[0].field").value("mentors[0].timeZone"))
                .andExpect(jsonPath("$.report.created").value(0))
                .andExpect(jsonPath("$.report.rejected").value(1))
                .andExpect(jsonPath("$.report.rejections[0].externalId").value("m-017"))
                .andExpect(jsonPath("$.report.rejections[0].location").value("mentors[0]"))
                .andExpect(jsonPath("$.report.rejections[0].message").value(containsString("mentor m-017")));
    }

    @Test
    void malformedJsonIsA400AndNothingIsImported() throws Exception {
        mvc.perform(post("/api/v1/import").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"mentors\": [}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON at line 1")));
        verifyNoInteractions(importer);
    }

    @Test
    void aJsonValueOfTheWrongTypeNamesItsPath() throws Exception {
        mvc.perform(post("/api/v1/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.replace("\"capacity\": 3", "\"capacity\": \"three\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mentors[0].capacity"));
        verifyNoInteractions(importer);
    }

    @Test
    void importsCsvFilesFromAMultipartUpload() throws Exception {
        when(importer.importPeople(any(), eq(false), any(), any())).thenReturn(ONE_CREATED);

        mvc.perform(multipart("/api/v1/import").file(new MockMultipartFile("mentors", "mentors.csv", "text/csv",
                        MENTORS_CSV.getBytes(StandardCharsets.UTF_8))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));

        ArgumentCaptor<ImportBatch> batch = ArgumentCaptor.forClass(ImportBatch.class);
        verify(importer).importPeople(batch.capture(), eq(false), any(), any());
        assertThat(batch.getValue().mentors()).singleElement().satisfies(entry -> {
            assertThat(entry.location()).isEqualTo("mentors.csv line 2");
            assertThat(entry.record().languages()).containsExactly("en", "sw");
        });
    }

    @Test
    void aMultipartUploadWithoutFilesIsNamed() throws Exception {
        mvc.perform(multipart("/api/v1/import").with(csrf()).param("dryRun", "true"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("mentors"));
        verifyNoInteractions(importer);
    }

    @Test
    void importsATextCsvBodyReadAsUtf8() throws Exception {
        when(importer.importPeople(any(), eq(false), any(), any())).thenReturn(ONE_CREATED);
        String csv = MENTORS_CSV.replace("Dr. A. Mwangi", "Dr. Lucía García");

        mvc.perform(post("/api/v1/import/mentors.csv").with(csrf()).contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());

        ArgumentCaptor<ImportBatch> batch = ArgumentCaptor.forClass(ImportBatch.class);
        verify(importer).importPeople(batch.capture(), eq(false), any(), any());
        assertThat(batch.getValue().mentors().get(0).record().name()).isEqualTo("Dr. Lucía García");
    }

    @Test
    void csvSentAsJsonIsAnUnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/v1/import/requests.csv").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(containsString("text/csv")));
        verifyNoInteractions(importer);
    }


    @Test
    void theHistoryListsTheLatestImportsWithWhatHappenedToThem() throws Exception {
        when(journal.recent(5)).thenReturn(List.of(new ImportRecord("i-1", "coordinator@example.org", "CSV upload",
                ImportStatus.INTERRUPTED, 12, 340, java.time.Instant.parse("2026-11-27T01:00:00Z"), null, null, null,
                "The application stopped while this import was writing")));

        mvc.perform(get("/api/v1/import/history").param("limit", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("INTERRUPTED"))
                .andExpect(jsonPath("$[0].requests").value(340))
                .andExpect(jsonPath("$[0].reason").value(containsString("stopped")));
    }

    @Test
    void aLimitThatIsNotANumberIsRefusedInWords() throws Exception {
        mvc.perform(get("/api/v1/import/history").param("limit", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("limit 'abc' is not a whole number"));
    }
}
