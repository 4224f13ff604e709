package org.mentoring.api.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.persistence.MentorService;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// Security is tested in the web module over the whole app; this slice tests the controller alone.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(MentorController.class)
@Import(PeopleApiMapperImpl.class)
@WithMockUser(roles = "ADMIN")
class MentorControllerTest {

    static final String BODY = """
            {"externalId": "m-017", "name": "Dr. A. Mwangi", "email": "a.mwangi@example.org",
             "institution": "University of Nairobi", "country": "KE", "timeZone": "Africa/Nairobi",
             "languages": ["en", "sw"], "domains": ["planetary-health/climate-health/heat-health"],
             "topics": ["grant-writing", "publishing"], "capacity": 3,
             "availableFrom": "2026-01-01", "availableUntil": "2026-12-31",
             "weeklyAvailability": [{"day": "TUESDAY", "start": "14:00", "end": "16:00"}]}
            """;

    static final StoredMentor STORED = new StoredMentor(new Mentor("m-017", "Dr. A. Mwangi", "a.mwangi@example.org",
            "University of Nairobi", "KE", ZoneId.of("Africa/Nairobi"), Set.of("sw", "en"),
            List.of("planetary-health/climate-health/heat-health"), Set.of("publishing", "grant-writing"), 3,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            List.of(new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.MIDNIGHT))), 4,
            Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-06T10:00:00Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    MentorService mentors;

    @Test
    void listsAPageWithTheFiltersGiven() throws Exception {
        when(mentors.find(any(), any())).thenReturn(new PageImpl<>(List.of(STORED), PageRequest.of(1, 5), 6));

        mvc.perform(get("/api/v1/mentors").param("domain", "planetary-health").param("country", "KE")
                        .param("language", "sw").param("page", "1").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].externalId").value("m-017"))
                .andExpect(jsonPath("$.content[0].languages[0]").value("en"))
                .andExpect(jsonPath("$.content[0].weeklyAvailability[0].end").value("24:00"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.totalElements").value(6))
                .andExpect(jsonPath("$.totalPages").value(2));

        ArgumentCaptor<Pageable> page = ArgumentCaptor.forClass(Pageable.class);
        verify(mentors).find(eq(new MentorFilter("planetary-health", "KE", "sw")), page.capture());
        assertThat(page.getValue().getPageNumber()).isEqualTo(1);
        assertThat(page.getValue().getPageSize()).isEqualTo(5);
    }

    @Test
    void aPageSizeOutOfRangeIsNamed() throws Exception {
        mvc.perform(get("/api/v1/mentors").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://mentoring.example.org/problems/invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be 1 or more"));
        verifyNoInteractions(mentors);
    }

    @Test
    void readsOneMentorWithItsVersionAsETag() throws Exception {
        when(mentors.get("m-017")).thenReturn(STORED);

        mvc.perform(get("/api/v1/mentors/m-017"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.version").value(4))
                .andExpect(jsonPath("$.timeZone").value("Africa/Nairobi"))
                .andExpect(jsonPath("$.availableFrom").value("2026-01-01"))
                .andExpect(jsonPath("$.createdAt").value("2026-01-05T10:00:00Z"));
    }

    @Test
    void anUnknownMentorIsA404Problem() throws Exception {
        when(mentors.get("m-404")).thenThrow(new NotFoundException("mentor", "m-404"));

        mvc.perform(get("/api/v1/mentors/m-404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://mentoring.example.org/problems/not-found"))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("No mentor with id m-404"))
                .andExpect(jsonPath("$.instance").value("/api/v1/mentors/m-404"));
    }

    @Test
    void circlesGoToTheCoreAsSentAndComeBackInTheAnswer() throws Exception {
        Mentor m = STORED.mentor();
        StoredMentor leading = new StoredMentor(new Mentor(m.externalId(), m.name(), m.email(), m.institution(),
                m.country(), m.timeZone(), m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(),
                m.availableUntil(), m.weeklyAvailability(), 2), 4, STORED.createdAt(), STORED.updatedAt());
        when(mentors.create(any())).thenReturn(leading);

        mvc.perform(post("/api/v1/mentors").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"capacity\": 3,", "\"capacity\": 3, \"circles\": 2,")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.circles").value(2));
        ArgumentCaptor<MentorInput> input = ArgumentCaptor.forClass(MentorInput.class);
        verify(mentors).create(input.capture());
        assertThat(input.getValue().circles()).isEqualTo("2");

        mvc.perform(post("/api/v1/mentors").contentType(MediaType.APPLICATION_JSON).content(BODY));
        verify(mentors, org.mockito.Mockito.times(2)).create(input.capture());
        assertThat(input.getValue().circles()).as("absent: the core's default").isNull();
    }

    @Test
    void createAnswers201WithLocation() throws Exception {
        when(mentors.create(any())).thenReturn(STORED);

        mvc.perform(post("/api/v1/mentors").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/mentors/m-017"))
                .andExpect(jsonPath("$.externalId").value("m-017"));

        ArgumentCaptor<MentorInput> input = ArgumentCaptor.forClass(MentorInput.class);
        verify(mentors).create(input.capture());
        assertThat(input.getValue().capacity()).isEqualTo("3");
        assertThat(input.getValue().weeklyAvailability().get(0).day()).isEqualTo("TUESDAY");
    }

    @Test
    void beanValidationNamesEveryWrongFieldAndNothingReachesTheStore() throws Exception {
        String body = BODY.replace("\"capacity\": 3", "\"capacity\": -1")
                .replace("\"a.mwangi@example.org\"", "\"not-an-email\"")
                .replace("\"start\": \"14:00\"", "\"start\": \"2pm\"");

        mvc.perform(post("/api/v1/mentors").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[?(@.field == 'capacity')].message").value("capacity must be 0 or more"))
                .andExpect(jsonPath("$.errors[?(@.field == 'email')].message")
                        .value("email must be a valid email address"))
                .andExpect(jsonPath("$.errors[?(@.field == 'weeklyAvailability[0].start')].message")
                        .value("weeklyAvailability[0].start must be written HH:mm"));
        verifyNoInteractions(mentors);
    }

    @Test
    void theCoresInvalidInputIsA422NamingTheFields() throws Exception {
        when(mentors.create(any())).thenThrow(new InvalidInputException("mentor m-017 has 1 invalid field",
                List.of(new InvalidInputException.FieldError("timeZone",
                        "timeZone 'Mars/Olympus' is not an IANA time zone such as Africa/Nairobi"))));

        mvc.perform(post("/api/v1/mentors").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("Africa/Nairobi", "Mars/Olympus")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("Mars/Olympus")))
                .andExpect(jsonPath("$.errors[0].field").value("timeZone"));
    }

    @Test
    void malformedJsonIsA400SayingWhere() throws Exception {
        mvc.perform(post("/api/v1/mentors").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"externalId\": \"m-1\",\n \"name\": }"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://mentoring.example.org/problems/malformed-body"))
                .andExpect(jsonPath("$.detail").value(containsString("at line 2, column")));
        verifyNoInteractions(mentors);
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingTheField() throws Exception {
        mvc.perform(post("/api/v1/mentors").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"capacity\": 3", "\"capacity\": \"three\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("capacity"))
                .andExpect(jsonPath("$.errors[0].message").value("capacity 'three' is not a whole number"));
    }

    @Test
    void updateTakesTheVersionFromIfMatch() throws Exception {
        when(mentors.update(eq("m-017"), any(), eq(4L))).thenReturn(STORED);

        mvc.perform(put("/api/v1/mentors/m-017").header("If-Match", "\"4\"")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY.replace("\"externalId\": \"m-017\",", "")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""));
        ArgumentCaptor<MentorInput> input = ArgumentCaptor.forClass(MentorInput.class);
        verify(mentors).update(eq("m-017"), input.capture(), eq(4L));
        assertThat(input.getValue().externalId()).isEqualTo("m-017");
    }

    @Test
    void updateTakesTheVersionFromTheBody() throws Exception {
        when(mentors.update(eq("m-017"), any(), eq(2L))).thenReturn(STORED);

        mvc.perform(put("/api/v1/mentors/m-017").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"externalId\": \"m-017\",", "\"version\": 2,")))
                .andExpect(status().isOk());
        verify(mentors).update(eq("m-017"), any(), eq(2L));
    }

    @Test
    void updateWithoutAVersionIsRefused() throws Exception {
        mvc.perform(put("/api/v1/mentors/m-017").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        verifyNoInteractions(mentors);
    }

    @Test
    void aStaleVersionIsA409WithItsCode() throws Exception {
        when(mentors.update(eq("m-017"), any(), eq(3L)))
                .thenThrow(new ConflictException("stale-version", "Mentor m-017 is at version 4, not 3"));

        mvc.perform(put("/api/v1/mentors/m-017").header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://mentoring.example.org/problems/stale-version"))
                .andExpect(jsonPath("$.code").value("stale-version"))
                .andExpect(jsonPath("$.detail").value("Mentor m-017 is at version 4, not 3"));
    }

    @Test
    void springsOptimisticLockingAndDuplicateKeyErrorsAre409() throws Exception {
        when(mentors.update(eq("m-017"), any(), eq(3L))).thenThrow(new OptimisticLockingFailureException("x"));
        when(mentors.create(any())).thenThrow(new DuplicateKeyException("E11000"));

        mvc.perform(put("/api/v1/mentors/m-017").header("If-Match", "3")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(post("/api/v1/mentors").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("duplicate-key"));
    }

    @Test
    void deleteWithIfMatchPassesTheVersion() throws Exception {
        mvc.perform(delete("/api/v1/mentors/m-017").header("If-Match", "W/\"7\""))
                .andExpect(status().isNoContent());
        verify(mentors).delete("m-017", 7L);
    }

    @Test
    void anUnsupportedMediaTypeIsA415Problem() throws Exception {
        mvc.perform(post("/api/v1/mentors").contentType(MediaType.TEXT_PLAIN).content("m-017"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://mentoring.example.org/problems/unsupported-media-type"))
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }

    @Test
    void aMethodNotAllowedIsA405Problem() throws Exception {
        mvc.perform(patch("/api/v1/mentors/m-017").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://mentoring.example.org/problems/method-not-allowed"))
                .andExpect(header().exists("Allow"));
    }
}
