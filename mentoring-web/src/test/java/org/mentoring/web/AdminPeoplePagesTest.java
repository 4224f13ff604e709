package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentoring.accounts.AccountService;
import org.mentoring.api.security.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The coordinator's people pages through the whole app: search by name, email, institution and country (typed text
 * is plain text, never a pattern), the domain and status filters, pages of 25, a person's history after a run, and
 * each action (withdraw, capacity, disable, invite, invite at import) with its trace in the audit page's filters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=admin-people-pages"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AutoConfigureMockMvc
class AdminPeoplePagesTest {

    private static final SignedInUser ADMIN = PageUsers.COORDINATOR;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;

    @BeforeAll
    void programme() {
        List<String> requests = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            requests.add(request("r-p%02d".formatted(i), "Researcher %02d".formatted(i),
                    "p%02d@paging.example.org".formatted(i), "Paging University", "BR", "methods/epidemiology"));
        }
        requests.add(request("r-kenya", "Wanjiru Kamau", "w.kamau@nairobi.example.org", "Kenyatta University", "KE",
                "planetary-health/climate-health/heat-health"));
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", Samples.PAIR).status()).isEqualTo(200);
        Http.Answer imported = admin.postJson("/api/v1/import", """
                {"mentors": [{"externalId": "m-2", "name": "Dr. Second Mentor", "email": "second@mentor.example.org",
                  "institution": "Instituto Oswaldo Cruz", "country": "BR", "timeZone": "America/Sao_Paulo",
                  "languages": ["pt", "en"], "domains": ["methods/epidemiology"], "topics": ["publishing"],
                  "capacity": 3, "availableFrom": "2026-01-01",
                  "weeklyAvailability": [{"day": "MONDAY", "start": "09:00", "end": "10:00"}]}],
                 "requests": [%s]}
                """.formatted(String.join(",", requests)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        // r-1 and m-1 can only be matched with each other: a run, published, accepted by the coordinator for both
        Http.Answer started = admin.postJson("/api/v1/matching-runs", "{\"timeLimitSeconds\": 2}");
        String run = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("COMPLETED", "CANCELLED", "FAILED")
                .contains(admin.get("/api/v1/matching-runs/" + run).json().get("status").asText()));
        assertThat(admin.postJson("/api/v1/matching-runs/" + run + "/publish", "").status()).isEqualTo(200);
        String proposal = null;
        for (JsonNode p : admin.get("/api/v1/matching-runs/" + run + "/proposals").json().get("proposals")) {
            if (p.get("requestExternalId").asText().equals("r-1")) {
                proposal = p.get("id").asText();
            }
        }
        assertThat(proposal).isNotNull();
        for (String side : List.of("RESEARCHER", "MENTOR")) {
            assertThat(admin.postJson("/api/v1/proposals/" + proposal + "/accept",
                    "{\"onBehalfOf\": \"" + side + "\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void searchFindsPeopleByNameEmailInstitutionAndCountryAsPlainText() throws Exception {
        page("/admin/requests?q=WANJIRU").andExpect(content().string(allOf(containsString("Wanjiru Kamau"),
                containsString("href=\"/admin/requests/r-kenya\""), not(containsString("Researcher Uno")))));
        page("/admin/requests?q=nairobi.example").andExpect(content().string(allOf(containsString("Wanjiru Kamau"),
                not(containsString("Researcher 01")))));
        page("/admin/requests?q=kenyatta").andExpect(content().string(allOf(containsString("Wanjiru Kamau"),
                containsString("1 found"))));
        // a country by its name: Researcher Uno is based in CA
        page("/admin/requests?q=canada").andExpect(content().string(allOf(containsString("Researcher Uno"),
                containsString("Canada"), containsString("1 found"), not(containsString("Wanjiru")))));
        // typed text is never a pattern
        page("/admin/requests?q=.*").andExpect(content().string(allOf(containsString("0 found"),
                containsString("No request matches"))));
        page("/admin/mentors?q=oswaldo").andExpect(content().string(allOf(containsString("Dr. Second Mentor"),
                not(containsString("Dr. Mentor One")))));
        page("/admin/accounts?q=W.KAMAU@").andExpect(content().string(allOf(containsString("Wanjiru Kamau"),
                containsString("1 found"))));
        page("/admin/mentorships?q=uno").andExpect(content().string(allOf(containsString("Researcher Uno"),
                containsString("Dr. Mentor One"), containsString("Active"))));
        page("/admin/mentorships?q=wanjiru").andExpect(content().string(containsString("0 found")));
    }

    @Test
    void filtersByDomainAndStatusAndPagesOf25() throws Exception {
        // a root domain finds the requests in the domains inside it; its name is in the picker
        page("/admin/requests?domain=planetary-health").andExpect(content().string(allOf(
                containsString("Wanjiru Kamau"), containsString("Researcher Uno"), not(containsString("Researcher 01")),
                containsString("Heat and health"))));
        page("/admin/requests?status=MATCHED").andExpect(content().string(allOf(containsString("Researcher Uno"),
                containsString("1 found"))));
        page("/admin/requests?domain=no/such/domain").andExpect(content().string(
                containsString("Pick a research domain from the list.")));
        page("/admin/mentors?domain=methods/epidemiology").andExpect(content().string(allOf(
                containsString("Dr. Second Mentor"), not(containsString("Dr. Mentor One")))));
        page("/admin/accounts?role=MENTOR").andExpect(content().string(allOf(containsString("Dr. Second Mentor"),
                not(containsString("Wanjiru")))));

        page("/admin/requests?q=paging").andExpect(content().string(allOf(containsString("30 found"),
                containsString("Researcher 25"), not(containsString("Researcher 26")),
                containsString("href=\"/admin/requests?q=paging&amp;page=1\""))));
        page("/admin/requests?q=paging&page=1").andExpect(content().string(allOf(containsString("Researcher 26"),
                containsString("Researcher 30"), not(containsString("Researcher 25<")))));
    }

    @Test
    void aPersonsPageShowsTheirProfileInNamesAndTheirHistory() throws Exception {
        page("/admin/requests/r-1").andExpect(content().string(allOf(containsString("Researcher Uno"),
                containsString("Heat and health"), containsString("English"), containsString("Canada"),
                containsString("Matched"), containsString("Request created"),
                containsString("Offered the mentor"), containsString("href=\"/admin/mentors/m-1\""),
                containsString("The researcher accepted the offer (recorded by " + Http.ADMIN_EMAIL + ")"),
                containsString("The mentor accepted the offer"), containsString("Mentorship began with"))));
        page("/admin/mentors/m-1").andExpect(content().string(allOf(containsString("Dr. Mentor One"),
                containsString("Holds 1 of 1 places"), containsString("Kenya"), containsString("Offered as mentor to"),
                containsString("href=\"/admin/requests/r-1\""))));
        mvc.perform(get("/admin/requests/no-such-request").with(user(ADMIN)).accept("text/html"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theEditFormsOfferCountriesAndZonesToPickByNameAndDatesFromACalendar() throws Exception {
        page("/admin/requests/r-p01").andExpect(content().string(allOf(
                containsString("<dd>Sao Paulo (America/Sao_Paulo, UTC-3)</dd>"),
                containsString("<select id=\"country\" name=\"country\""),
                containsString("<option value=\"BR\" selected=\"selected\">Brazil</option>"),
                containsString("<select id=\"timeZone\" name=\"timeZone\""),
                containsString("<option value=\"America/Sao_Paulo\" selected=\"selected\">Sao Paulo"),
                containsString("<input type=\"date\" id=\"startDate\" name=\"startDate\" value=\"2026-03-01\""),
                not(containsString("two-letter code")))));
        page("/admin/mentors/m-2").andExpect(content().string(allOf(
                containsString("<option value=\"BR\" selected=\"selected\">Brazil</option>"),
                containsString("<option value=\"America/Sao_Paulo\" selected=\"selected\">Sao Paulo"),
                containsString("<input type=\"date\" id=\"availableFrom\" name=\"availableFrom\" value=\"2026-01-01\""),
                containsString("<input type=\"date\" id=\"availableUntil\" name=\"availableUntil\" value=\"\""))));
    }

    @Test
    void withdrawEditAndCapacityGoThroughTheServicesAndIntoTheAuditTrail() throws Exception {
        mvc.perform(post("/admin/requests/r-kenya/withdraw").with(user(ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/requests/r-kenya"))
                .andExpect(flash().attribute("done", containsString("withdrawn")));
        page("/admin/requests?status=WITHDRAWN").andExpect(content().string(allOf(containsString("Wanjiru Kamau"),
                containsString("1 found"))));
        page("/admin/requests/r-kenya").andExpect(content().string(allOf(containsString("Withdrew a request"),
                containsString("Open this request again"))));
        // a matched request is not withdrawn: the coordinator is told why
        mvc.perform(post("/admin/requests/r-1/withdraw").with(user(ADMIN)).with(csrf()))
                .andExpect(flash().attribute("actionError", containsString("active mentorship")));

        // an edit with a bad field changes nothing and says what is wrong next to the field
        long version = 0;
        String form = mvc.perform(get("/admin/requests/r-p01").with(user(ADMIN))).andReturn().getResponse()
                .getContentAsString();
        version = Long.parseLong(form.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1"));
        mvc.perform(post("/admin/requests/r-p01").with(user(ADMIN)).with(csrf()).param("version", "" + version)
                        .param("name", "Researcher 01").param("email", "p01@paging.example.org")
                        .param("institution", "Paging University").param("country", "BR")
                        .param("timeZone", "Mars/Olympus").param("startDate", "2026-03-01")
                        .param("durationMonths", "6"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"timeZone-error\""),
                        containsString("Please correct this"), containsString("The time zone &#39;Mars/Olympus&#39;"),
                        not(containsString("timeZone &#39;")))));
        mvc.perform(post("/admin/requests/r-p01").with(user(ADMIN)).with(csrf()).param("version", "" + version)
                        .param("name", "Researcher 01").param("email", "p01@paging.example.org")
                        .param("institution", "Renamed Institute").param("country", "BR")
                        .param("timeZone", "America/Sao_Paulo").param("startDate", "2026-03-01")
                        .param("durationMonths", "6").param("priority", "true"))
                .andExpect(redirectedUrl("/admin/requests/r-p01"));
        page("/admin/requests?q=renamed").andExpect(content().string(allOf(containsString("Researcher 01"),
                containsString("priority"))));

        // capacity through the places ledger: not below the places held; 0 pauses
        mvc.perform(post("/admin/mentors/m-1/capacity").with(user(ADMIN)).with(csrf())
                        .param("version", versionOf("/admin/mentors/m-1")).param("capacity", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"capacity-only-error\""),
                        containsString("holds now"))));
        mvc.perform(post("/admin/mentors/m-2/capacity").with(user(ADMIN)).with(csrf())
                        .param("version", versionOf("/admin/mentors/m-2")).param("capacity", "0"))
                .andExpect(redirectedUrl("/admin/mentors/m-2"))
                .andExpect(flash().attribute("done", containsString("paused")));
        page("/admin/mentors?status=PAUSED").andExpect(content().string(allOf(containsString("Dr. Second Mentor"),
                not(containsString("Dr. Mentor One")))));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        page("/admin/audit?action=request.withdraw").andExpect(content().string(allOf(
                containsString("Withdrew a request"), containsString("r-kenya"), not(containsString("capacity from")),
                containsString("1 found"))));
        page("/admin/audit?action=mentor.capacity&actor=" + Http.ADMIN_EMAIL.toUpperCase() + "&from=" + today
                + "&to=" + today).andExpect(content().string(allOf(containsString("Changed a mentor&#39;s capacity"),
                containsString("capacity from 3 to 0"))));
        page("/admin/audit?action=request.withdraw&from=" + LocalDate.now(ZoneOffset.UTC).plusDays(1))
                .andExpect(content().string(allOf(containsString("0 found"), containsString("Nothing recorded"))));
        page("/admin/audit?actor=nobody@example.org").andExpect(content().string(containsString("0 found")));
        page("/admin/audit?from=2026-13-45").andExpect(content().string(containsString(
                "Write the day as year-month-day")));
    }

    @Test
    void disableEnableAndInviteOneOrManyAccounts() throws Exception {
        String wanjiru = accounts.findByEmail("w.kamau@nairobi.example.org").orElseThrow().id();
        mvc.perform(post("/admin/accounts/{id}/disable", wanjiru).with(user(ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + wanjiru));
        assertThat(accounts.findByEmail("w.kamau@nairobi.example.org").orElseThrow().enabled()).isFalse();
        page("/admin/accounts?status=DISABLED").andExpect(content().string(allOf(containsString("Wanjiru Kamau"),
                containsString("1 found"))));
        page("/admin/accounts/" + wanjiru).andExpect(content().string(allOf(containsString("Disabled an account"),
                containsString("id=\"enable\""))));
        mvc.perform(post("/admin/accounts/{id}/enable", wanjiru).with(user(ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + wanjiru));
        assertThat(accounts.findByEmail("w.kamau@nairobi.example.org").orElseThrow().enabled()).isTrue();

        // one, from a person's page; then two ticked in the list
        mvc.perform(post("/admin/accounts/invite").with(user(ADMIN)).with(csrf()).param("accountId", wanjiru)
                        .param("back", "/admin/requests/r-kenya"))
                .andExpect(redirectedUrl("/admin/requests/r-kenya"))
                .andExpect(flash().attribute("done", containsString("Sent 1 invitation(s).")));
        page("/admin/requests/r-kenya").andExpect(content().string(allOf(containsString("Invited, link waiting"),
                containsString("Send a new invitation link"))));
        String p02 = accounts.findByEmail("p02@paging.example.org").orElseThrow().id();
        String p03 = accounts.findByEmail("p03@paging.example.org").orElseThrow().id();
        mvc.perform(post("/admin/accounts/invite").with(user(ADMIN)).with(csrf()).param("accountId", p02, p03)
                        .param("back", "https://elsewhere.example.com/"))
                .andExpect(redirectedUrl("/admin/accounts"))
                .andExpect(flash().attribute("done", containsString("Sent 2 invitation(s).")));
        page("/admin/audit?action=account.invite").andExpect(content().string(containsString("3 found")));

        // importing mentors with "invite them now"
        mvc.perform(multipart("/admin/import").file(new MockMultipartFile("mentors", "mentors.csv", "text/csv",
                        Samples.MENTORS_CSV.getBytes(StandardCharsets.UTF_8))).param("inviteMentors", "true")
                        .with(user(ADMIN)).with(csrf()))
                .andExpect(content().string(containsString("Sent 2 invitation(s) to the imported mentors.")));
        page("/admin/accounts?q=okafor").andExpect(content().string(containsString("Invited, link waiting")));
    }

    @Test
    void theNewPagesAreForCoordinatorsOnly() throws Exception {
        SignedInUser researcher = PageUsers.person("uno@uni.example.org", "RESEARCHER", "r-1");
        for (String path : List.of("/admin/requests", "/admin/requests/r-1", "/admin/mentors", "/admin/mentors/m-1",
                "/admin/accounts", "/admin/mentorships", "/admin/audit")) {
            mvc.perform(get(path).with(user(researcher)).accept("text/html")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/requests/r-1/withdraw").with(user(researcher)).with(csrf()))
                .andExpect(status().isForbidden());
        // a form from another site is refused whoever sends it
        mvc.perform(post("/admin/requests/r-p05/withdraw").with(user(ADMIN))).andExpect(status().isForbidden());
    }

    private ResultActions page(String path) throws Exception {
        return mvc.perform(get(path).with(user(ADMIN))).andExpect(status().isOk());
    }

    private String versionOf(String path) throws Exception {
        String html = mvc.perform(get(path).with(user(ADMIN))).andReturn().getResponse().getContentAsString();
        return html.replaceAll("(?s).*?name=\"version\" value=\"(\\d+)\".*", "$1");
    }

    private static String request(String id, String name, String email, String institution, String country,
            String domain) {
        return """
                {"externalId": "%s", "name": "%s", "email": "%s", "institution": "%s", "country": "%s",
                 "timeZone": "America/Sao_Paulo", "careerStage": "POSTDOC", "languages": ["pt"],
                 "domains": ["%s"], "goals": ["publishing"], "startDate": "2026-03-01", "durationMonths": 6,
                 "weeklyAvailability": [{"day": "FRIDAY", "start": "20:00", "end": "21:00"}]}
                """.formatted(id, name, email, institution, country, domain);
    }
}
