package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.web.Problems.assertProblem;
import static org.mentoring.web.Problems.fields;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A second programme with its own taxonomy and topics: both are put through the API, people using only those codes
 * are imported, an unknown topic is a rejected record, a code in use goes only with a replacement that moves its
 * people, and only an admin changes the lists (on the API or on the admin pages).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=programme-taxonomy"})
@AutoConfigureMockMvc
class ProgrammeTaxonomyTest {

    private static final String TAXONOMY = """
            {"name": "Teacher education", "roots": [
              {"code": "pedagogy", "name": "Pedagogy", "children": [
                {"code": "pedagogy/assessment", "name": "Assessment", "children": []},
                {"code": "pedagogy/inclusion", "name": "Inclusive teaching", "children": []}]},
              {"code": "curriculum", "name": "Curriculum", "children": []}]}
            """;
    private static final String TOPICS = """
            [{"code": "lesson-planning", "name": "Lesson planning"}, {"code": "classroom", "name": "Classroom work"}]
            """;
    private static final String PEOPLE = """
            {"mentors": [{"externalId": "t-1", "name": "Ms. Teacher", "email": "teacher@school.example.org",
              "institution": "School", "country": "KE", "timeZone": "Africa/Nairobi", "languages": ["en"],
              "domains": ["pedagogy/assessment"], "topics": ["lesson-planning"], "capacity": 2,
              "availableFrom": "2026-01-01",
              "weeklyAvailability": [{"day": "TUESDAY", "start": "14:00", "end": "17:00"}]}],
             "requests": [{"externalId": "s-1", "name": "Student Teacher", "email": "student@school.example.org",
              "institution": "College", "country": "KE", "timeZone": "Africa/Nairobi", "careerStage": "PHD_CANDIDATE",
              "languages": ["en"], "domains": ["pedagogy/assessment", "curriculum"], "goals": ["lesson-planning"],
              "startDate": "2027-03-01", "durationMonths": 6,
              "weeklyAvailability": [{"day": "TUESDAY", "start": "14:00", "end": "16:00"}]}]}
            """;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    @Test
    void aSecondProgrammePutsItsOwnListsImportsItsPeopleAndRenamesACodeInUse() throws Exception {
        Http admin = new Http(port).asAdmin();

        Http.Answer taxonomy = admin.send("PUT", "/api/v1/taxonomy", null, TAXONOMY);
        assertThat(taxonomy.status()).as(taxonomy.body()).isEqualTo(200);
        Http.Answer topics = admin.send("PUT", "/api/v1/topics", null, TOPICS);
        assertThat(topics.status()).as(topics.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/taxonomy").json().get("roots").get(0).get("children").get(1).get("code")
                .asText()).isEqualTo("pedagogy/inclusion");
        assertThat(admin.get("/api/v1/topics").json().findValuesAsText("code"))
                .containsExactly("lesson-planning", "classroom");

        Http.Answer unknownTopic = admin.postJson("/api/v1/import", PEOPLE.replace("\"topics\": [\"lesson-planning\"]",
                "\"topics\": [\"grant-writing\"]"));
        assertProblem(unknownTopic, 422, "import-rejected");
        assertThat(fields(unknownTopic)).containsExactly("mentors[0].topics[0]");
        assertThat(unknownTopic.json().get("errors").get(0).get("message").asText())
                .contains("t-1", "'grant-writing' is not on the programme's list");
        Http.Answer shippedDomain = admin.postJson("/api/v1/import", Samples.PAIR);
        assertProblem(shippedDomain, 422, "import-rejected");
        Http.Answer imported = admin.postJson("/api/v1/import", PEOPLE);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        String dropped = TAXONOMY.replace("""
                {"code": "pedagogy/assessment", "name": "Assessment", "children": []},
                """, "");
        Http.Answer inUse = admin.send("PUT", "/api/v1/taxonomy", null, dropped);
        assertProblem(inUse, 422, "invalid-input");
        assertThat(inUse.json().get("errors").get(0).get("message").asText())
                .startsWith("codes in use: pedagogy/assessment (1 mentor, 1 request)");
        Http.Answer wrong = admin.send("PUT", "/api/v1/taxonomy", null, TAXONOMY.replace("\"pedagogy/inclusion\"",
                "\"curriculum/inclusion\"").replace("\"Curriculum\"", "\"\""));
        assertProblem(wrong, 422, "invalid-input");
        assertThat(fields(wrong)).containsExactly("roots[0].children[1].code", "roots[1].name");

        Http.Answer merged = admin.send("PUT", "/api/v1/taxonomy", null, dropped.replaceFirst("\\{\"name\"",
                "{\"replacedBy\": {\"pedagogy/assessment\": \"curriculum\"}, \"name\""));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(texts(admin.get("/api/v1/mentors/t-1").json().get("domains"))).containsExactly("curriculum");
        assertThat(texts(admin.get("/api/v1/requests/s-1").json().get("domains"))).containsExactly("curriculum");

        Http.Answer renamedTopic = admin.send("PUT", "/api/v1/topics", null, """
                {"topics": [{"code": "planning", "name": "Planning lessons"}],
                 "replacedBy": {"lesson-planning": "planning", "classroom": "planning"}}
                """);
        assertThat(renamedTopic.status()).as(renamedTopic.body()).isEqualTo(200);
        assertThat(texts(admin.get("/api/v1/mentors/t-1").json().get("topics"))).containsExactly("planning");
        assertThat(texts(admin.get("/api/v1/requests/s-1").json().get("goals"))).containsExactly("planning");
        assertThat(admin.get("/api/v1/audit-events?size=50").json().get("content").findValuesAsText("action"))
                .contains("taxonomy.replace", "topics.replace");

        var coordinator = user(PageUsers.COORDINATOR);
        String page = mvc.perform(get("/admin/taxonomy").with(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Teacher education", "<code>curriculum</code></td>\n        <td>1</td>\n"
                + "        <td>1</td>");
        String retired = mvc.perform(post("/admin/taxonomy/retire").with(coordinator).with(csrf())
                .param("code", "curriculum").param("replacement", "")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(retired).contains("Nothing was changed", "Codes in use: curriculum (1 mentor, 1 request)");
        String moved = mvc.perform(post("/admin/taxonomy/move").with(coordinator).with(csrf())
                .param("code", "pedagogy/inclusion").param("parent", "curriculum")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(moved).contains("<code>curriculum/inclusion</code>").doesNotContain("<code>pedagogy/inclusion<");
        String topicsPage = mvc.perform(post("/admin/topics/rename").with(coordinator).with(csrf())
                .param("code", "planning").param("name", "Lesson plans")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(topicsPage).contains("Renamed planning to Lesson plans.", "<td>Lesson plans</td>");
        String badCode = mvc.perform(post("/admin/topics/add").with(coordinator).with(csrf())
                .param("code", "bad code").param("name", "Bad")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(badCode).contains("Nothing was changed", "Code &#39;bad code&#39; must be 1 to 64 letters");
    }

    @Test
    void onlyAnAdminChangesTheListsWhichEverySignedInPersonReads() throws Exception {
        var researcher = user(PageUsers.person("someone@uni.example.org", "RESEARCHER", "r-x"));
        mvc.perform(get("/api/v1/topics").with(researcher)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/taxonomy").with(researcher)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/topics").with(researcher).contentType(MediaType.APPLICATION_JSON).content(TOPICS))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/taxonomy").with(researcher).contentType(MediaType.APPLICATION_JSON)
                .content(TAXONOMY)).andExpect(status().isForbidden());
        assertThat(new Http(port).send("PUT", "/api/v1/topics", null, TOPICS).status()).isEqualTo(401);
        mvc.perform(get("/admin/taxonomy").with(researcher)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/topics/add").with(researcher).with(csrf()).param("code", "x").param("name", "X"))
                .andExpect(status().isForbidden());
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
