package org.mentoring.api.taxonomy;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.audit.AuditService;
import org.mentoring.taxonomy.ProgrammeTaxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// Security is tested in the web module over the whole app; this slice tests the controller alone.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(TaxonomyController.class)
class TaxonomyControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProgrammeTaxonomy programme;

    @MockitoBean
    AuditService audit;

    @Test
    void servesTheShippedTaxonomyAsATreeWithFullCodes() throws Exception {
        int roots = (int) Taxonomy.planetaryHealth().domains().stream().filter(d -> d.parentCode() == null).count();
        org.mockito.Mockito.when(programme.current()).thenReturn(Taxonomy.planetaryHealth());

        mvc.perform(get("/api/v1/taxonomy"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Global and planetary health"))
                .andExpect(jsonPath("$.roots", hasSize(roots)))
                .andExpect(jsonPath("$.roots[0].code").value("planetary-health"))
                .andExpect(jsonPath("$.roots[0].children[0].code").value("planetary-health/climate-health"))
                .andExpect(jsonPath("$.roots[0].children[0].children[0].code")
                        .value("planetary-health/climate-health/heat-health"))
                .andExpect(jsonPath("$.roots[0].children[0].children[0].name").value("Heat and health"))
                .andExpect(jsonPath("$.roots[0].children[0].children[0].children", hasSize(0)));
    }
}
