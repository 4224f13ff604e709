package org.mentoring.api.mentorship;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.mentorship.MentorshipService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// Security is tested in the web module over the whole app; this slice tests the controller alone.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest
@ContextConfiguration(classes = {MentorshipController.class, MentorshipApiMapperImpl.class})
@WithMockUser(roles = "ADMIN")
class MentorshipControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    org.mentoring.people.persistence.RequestService requests;

    @MockitoBean
    private MentorshipService service;

    @Test
    void mentorshipsAreListedWithTheContractFieldsAndFiltered() throws Exception {
        Mentorship mentorship = new Mentorship("ms-1", "r-104", "m-017", MentorshipStatus.ACTIVE,
                LocalDate.of(2026, 2, 1), null, "run-000001", null, null, null);
        given(service.list(eq("r-104"), isNull(), eq(MentorshipStatus.ACTIVE), any()))
                .willReturn(new PageImpl<>(List.of(mentorship), PageRequest.of(0, 50), 1));

        mvc.perform(get("/api/v1/mentorships").param("requestExternalId", "r-104").param("status", "ACTIVE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].requestExternalId").value("r-104"))
                .andExpect(jsonPath("$.content[0].mentorExternalId").value("m-017"))
                .andExpect(jsonPath("$.content[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$.content[0].startDate").value("2026-02-01"))
                .andExpect(jsonPath("$.content[0].proposalId").value("run-000001"))
                .andExpect(jsonPath("$.totalElements").value(1));
    }
}
