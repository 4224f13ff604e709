package org.mentoring.api.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.CareerStage;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.persistence.RequestService;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// Security is tested in the web module over the whole app; this slice tests the controller alone.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(MentorshipRequestController.class)
@Import(PeopleApiMapperImpl.class)
@WithMockUser(roles = "ADMIN")
class MentorshipRequestControllerTest {

    static final String BODY = """
            {"externalId": "r-104", "name": "J. Singh", "email": "j.singh@example.org",
             "institution": "University of British Columbia", "country": "CA",
             "timeZone": "America/Vancouver", "careerStage": "POSTDOC", "languages": ["en"],
             "domains": ["planetary-health/climate-health/heat-health", "methods/epidemiology"],
             "goals": ["grant-writing"], "startDate": "2026-02-01", "durationMonths": 6,
             "minOverlapMinutes": 60,
             "weeklyAvailability": [{"day": "TUESDAY", "start": "07:00", "end": "09:00"}],
             "preferredMentorIds": ["m-017"], "excludedMentorIds": [], "priority": false}
            """;

    static final StoredRequest STORED = new StoredRequest(new MentorshipRequest("r-104", "J. Singh",
            "j.singh@example.org", "University of British Columbia", "CA", ZoneId.of("America/Vancouver"),
            CareerStage.POSTDOC, Set.of("en"), List.of("planetary-health/climate-health/heat-health",
            "methods/epidemiology"), Set.of("grant-writing"), LocalDate.of(2026, 2, 1), 6, 60,
            List.of(new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(7, 0), LocalTime.of(9, 0))), List.of("m-017"),
            Set.of(), false), RequestStatus.PROPOSED, 2, Instant.parse("2026-01-05T10:00:00Z"),
            Instant.parse("2026-01-06T10:00:00Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RequestService requests;

    @Test
    void listsRequestsFilteredByStatusDomainAndCountry() throws Exception {
        when(requests.find(any(), any())).thenReturn(new PageImpl<>(List.of(STORED), PageRequest.of(0, 20), 1));

        mvc.perform(get("/api/v1/requests").param("status", "PROPOSED").param("domain", "methods")
                        .param("country", "CA"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].externalId").value("r-104"))
                .andExpect(jsonPath("$.content[0].status").value("PROPOSED"))
                .andExpect(jsonPath("$.content[0].domains[0]").value("planetary-health/climate-health/heat-health"))
                .andExpect(jsonPath("$.content[0].preferredMentorIds[0]").value("m-017"));
        verify(requests).find(eq(new RequestFilter("methods", RequestStatus.PROPOSED, "CA")), any());
    }

    @Test
    void anUnknownStatusIsA400NamingTheParameterAndTheValuesAllowed() throws Exception {
        mvc.perform(get("/api/v1/requests").param("status", "DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://mentoring.example.org/problems/invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.detail").value(
                        "status 'DONE' is not one of [OPEN, PROPOSED, MATCHED, WITHDRAWN]"));
        verifyNoInteractions(requests);
    }

    @Test
    void anUnknownDomainFilterIsA422() throws Exception {
        when(requests.find(any(), any())).thenThrow(new InvalidInputException("domain",
                "domain 'astrology' is not in the taxonomy"));

        mvc.perform(get("/api/v1/requests").param("domain", "astrology"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("domain"));
    }

    @Test
    void theFormatGoesToTheCoreAsSentAndTheAnswerCarriesTheStoredOne() throws Exception {
        when(requests.create(any())).thenReturn(STORED);

        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"priority\": false}", "\"priority\": false, \"format\": \"EITHER\"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("ONE_TO_ONE"));

        ArgumentCaptor<RequestInput> input = ArgumentCaptor.forClass(RequestInput.class);
        verify(requests).create(input.capture());
        assertThat(input.getValue().format()).isEqualTo("EITHER");
    }

    @Test
    void createPassesEveryFieldAsText() throws Exception {
        when(requests.create(any())).thenReturn(STORED);

        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/requests/r-104"))
                .andExpect(header().string("ETag", "\"2\""));

        ArgumentCaptor<RequestInput> input = ArgumentCaptor.forClass(RequestInput.class);
        verify(requests).create(input.capture());
        assertThat(input.getValue().durationMonths()).isEqualTo("6");
        assertThat(input.getValue().priority()).isEqualTo("false");
        assertThat(input.getValue().preferredMentorIds()).containsExactly("m-017");
    }

    @Test
    void aMinOverlapLongerThanAWeekIsNamed() throws Exception {
        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"minOverlapMinutes\": 60", "\"minOverlapMinutes\": 20000")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("minOverlapMinutes"))
                .andExpect(jsonPath("$.detail").value(containsString("must fit in a week")));
        verifyNoInteractions(requests);
    }

    @Test
    void updateNamesTheVersionAndKeepsThePathsExternalId() throws Exception {
        when(requests.update(eq("r-104"), any(), eq(2L))).thenReturn(STORED);

        mvc.perform(put("/api/v1/requests/r-104").header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PROPOSED"));
        ArgumentCaptor<RequestInput> input = ArgumentCaptor.forClass(RequestInput.class);
        verify(requests).update(eq("r-104"), input.capture(), eq(2L));
        assertThat(input.getValue().externalId()).isEqualTo("r-104");
    }

    @Test
    void anIfMatchThatIsNoVersionIsNamed() throws Exception {
        mvc.perform(put("/api/v1/requests/r-104").header("If-Match", "\"abc\"")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        verifyNoInteractions(requests);
    }
}
