package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.run.RunReader;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A coordinator works a run from its page: reads the summary, pages and filters the proposals and the unmatched,
 * steps into one request's candidates, pairs and overrides by hand (refusals name the broken rule in words),
 * publishes after a confirmation that says who is told and what, answers for someone, sees an outdated run say why,
 * and reads analytics that group the reasons and follow the offers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=run-pages"})
@AutoConfigureMockMvc
class RunPagesTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    RunReader runs;

    @Autowired
    RequestService requests;

    @Test
    void aCoordinatorWorksARunFromItsPages() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", community(1)).status()).isEqualTo(200);
        String runA = run();

        // the summary: counts, reasons by category, priority, worst-off, the score and the end in words
        String page = html("/admin/runs/" + runA);
        assertThat(page).contains("<strong>29</strong> requests matched", "<strong>4</strong> unmatched",
                "No language shared: 2", "No time in common: 1", "Mentors at capacity: 1",
                "1 of 1 priority requests placed", "Worst-off match: domain affinity",
                "All hard rules kept, 4 unmatched, quality", "proven the best possible", "Grace Hopper",
                "Proposals (29)", "Unmatched (4)");
        assertThat(rows(page, runA)).isEqualTo(25);
        // paging and filtering happen on the server
        assertThat(rows(html("/admin/runs/" + runA + "?tab=proposals&page=1"), runA)).isEqualTo(4);
        String ada = html("/admin/runs/" + runA + "?tab=proposals&q=lovelace");
        assertThat(rows(ada, runA)).isEqualTo(1);
        String language = html("/admin/runs/" + runA + "?tab=unmatched&category=LANGUAGE");
        assertThat(rows(language, runA)).isEqualTo(2);
        assertThat(language).contains("Rosa Portuguesa 1", "Rosa Portuguesa 2").doesNotContain("Night Owl");
        assertThat(rows(html("/admin/runs/" + runA + "?tab=unmatched&q=night"), runA)).isEqualTo(1);

        // a request's candidates, each with the rule it would break in words
        String candidates = html("/admin/runs/" + runA + "/requests/r-pt-1");
        assertThat(candidates).contains("Rosa Portuguesa 1", "No mentor shares a language", "Grace Hopper",
                "Language: the two share no language").doesNotContain("LANGUAGE (rule 5)");

        // pairing an unmatched request by hand: a pair that breaks a rule is refused, naming it
        String full = runs.proposals(runA).unmatched().stream().map(u -> u.requestExternalId())
                .filter(id -> id.startsWith("r-en-")).findFirst().orElseThrow();
        mvc.perform(post("/admin/runs/{id}/requests/{r}/pair", runA, "r-pt-1").param("mentorExternalId", "m-big")
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("actionError", allOf(
                        containsString("Not changed: pairing with Grace Hopper breaks a hard rule."),
                        containsString("Capacity: 28 of 28 places already taken"),
                        containsString("Language: no shared language"))));
        mvc.perform(post("/admin/runs/{id}/requests/{r}/pair", runA, full).param("mentorExternalId", "m-small")
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("actionError",
                        containsString("Not changed: pairing with Ada Lovelace breaks a hard rule. Capacity: 1 of 1"
                                + " places already taken, Ada Lovelace (m-small) has no free place")));
        // Ada gets a second place: now the pair is allowed and joins the run's proposals
        assertThat(admin.postJson("/api/v1/import", community(2)).status()).isEqualTo(200);
        mvc.perform(post("/admin/runs/{id}/requests/{r}/pair", runA, full).param("mentorExternalId", "m-small")
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("done", containsString("Paired with Ada Lovelace")));
        assertThat(html("/admin/runs/" + runA)).contains("Proposals (30)", "Unmatched (3)");

        // override: another mentor for a proposal, refused naming the rule
        Proposal first = runs.proposals(runA).proposals().get(0);
        mvc.perform(post("/admin/runs/{id}/requests/{r}/override", runA, first.requestExternalId())
                        .param("proposalId", first.id()).param("mentorExternalId", "m-fr")
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("actionError",
                        containsString("breaks a hard rule. Language: no shared language")));

        // a second run made before the first is published becomes outdated when the first is
        String runB = run();

        // publishing asks first: how many people are told and what one of them reads; nothing is published yet
        String confirm = html("/admin/runs/" + runA + "/publish");
        assertThat(confirm.replaceAll("\\s+", " ")).contains("<strong>30</strong> offers",
                "<strong>30</strong> researchers", "<strong>2</strong> mentors", "A mentorship offer for you",
                "id=\"publish-confirm\"");
        assertThat(runs.get(runA).publishedAt()).isNull();
        assertThat(requests.get(first.requestExternalId()).status()).isEqualTo(RequestStatus.OPEN);
        mvc.perform(post("/admin/runs/{id}/publish", runA).with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("publishNotice", containsString("Published: 30 offers")));

        // the outdated run says why in words, and offers no Publish button that would fail
        String outdated = html("/admin/runs/" + runB);
        assertThat(outdated).contains("Run " + runA, "was published after this one was made",
                "Start a new run").doesNotContain("id=\"publish\"");
        assertThat(html("/admin/runs/" + runB + "/publish"))
                .contains("was published after this one was made")
                .doesNotContain("id=\"publish-confirm\"");
        String list = html("/admin/runs");
        assertThat(list).contains("Outdated: a later run was published", "Published");
        // states and weights in words: the codes stay only in attributes for scripts and tests
        assertThat(list).contains("data-state=\"COMPLETED\">Completed</span>").doesNotContain(">COMPLETED<");
        assertThat(page).contains("id=\"run-state\" data-state=\"COMPLETED\">Completed</span>");
        // the score in words; the solver's own code only in the words' tooltip
        assertThat(page).contains("id=\"run-score-words\"", "title=\"The solver&#39;s score: 0hard/")
                .doesNotContain(">0hard/", "· score");
        assertThat(html("/admin/runs/new")).contains("<span>Research domains</span>:", "<span>Balanced load</span>:")
                .doesNotContain("<span>domainAffinity</span>", "<span>loadBalance</span>");

        // answering on someone's behalf: both sides accept, the mentorship starts
        String requestPage = html("/admin/runs/" + runA + "/requests/" + first.requestExternalId());
        assertThat(requestPage).contains("Accept for the researcher", "Decline for the mentor");
        mvc.perform(post("/admin/runs/{id}/requests/{r}/answer", runA, first.requestExternalId())
                        .param("proposalId", first.id()).param("side", "RESEARCHER").param("answer", "ACCEPTED")
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("done", containsString("Recorded for the researcher: accepted")));
        mvc.perform(post("/admin/runs/{id}/requests/{r}/answer", runA, first.requestExternalId())
                        .param("proposalId", first.id()).param("side", "MENTOR").param("answer", "ACCEPTED")
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("done", containsString("accepted by both")));
        assertThat(requests.get(first.requestExternalId()).status()).isEqualTo(RequestStatus.MATCHED);
        assertThat(html("/admin/runs/" + runA + "?q=" + first.requestExternalId()))
                .containsPattern("<td class=\"offer-state\">\\s*"
                        + "<span>accepted by both: the mentorship has started</span>");
        // a second answer for the same side is refused in words, and changes nothing
        mvc.perform(post("/admin/runs/{id}/requests/{r}/answer", runA, first.requestExternalId())
                        .param("proposalId", first.id()).param("side", "MENTOR").param("answer", "DECLINED")
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("actionError",
                        containsString("Not recorded: the offer is accepted by both")));
        Proposal second = runs.proposals(runA).proposals().get(1);
        // a form cannot act on another request's offer through this request's page
        mvc.perform(post("/admin/runs/{id}/requests/{r}/answer", runA, first.requestExternalId())
                        .param("proposalId", second.id()).param("side", "MENTOR").param("answer", "ACCEPTED")
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(flash().attribute("actionError", containsString("not this request's")));
        mvc.perform(post("/admin/runs/{id}/requests/{r}/answer", runA, second.requestExternalId())
                .param("proposalId", second.id()).param("side", "MENTOR").param("answer", "DECLINED")
                .with(user(PageUsers.COORDINATOR)).with(csrf()));

        // analytics: reasons by category, readable groups, the funnel, and the run before beside it
        String analytics = html("/admin/runs/" + runA + "/analytics");
        assertThat(analytics).contains("No language shared", "No time in common", "High income", "Postdoc",
                "English", "Portuguese", "Heat");
        assertThat(funnel(analytics)).containsExactly(30, 30, 0, 28, 1, 1, 0, 1, 0, 0);
        assertThat(html("/admin/runs/" + runB + "/analytics")).contains("Run before", "id=\"compared-with\"");
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path).with(user(PageUsers.COORDINATOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String run() throws Exception {
        String location = mvc.perform(post("/admin/runs").param("timeLimitSeconds", "10")
                .with(user(PageUsers.COORDINATOR)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        String id = location.substring("/admin/runs/".length());
        await().atMost(Duration.ofSeconds(60)).until(() -> !runs.get(id).status().isActive());
        return id;
    }

    /** The rows of the shown tab: each links to its request in the run. */
    private static int rows(String page, String runId) {
        Matcher m = Pattern.compile("<td><a href=\"/admin/runs/" + Pattern.quote(runId) + "/requests/").matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<Integer> funnel(String page) {
        int start = page.indexOf("id=\"funnel\"");
        String table = page.substring(start, page.indexOf("</table>", start));
        Matcher m = Pattern.compile("<td>(\\d+)</td>").matcher(table);
        List<Integer> counts = new ArrayList<>();
        while (m.find()) {
            counts.add(Integer.parseInt(m.group(1)));
        }
        return counts;
    }

    /**
     * Grace Hopper (28 places) and Ada Lovelace ({@code adaPlaces}) speak English, Marie Curie French; 30 English
     * requests (one a priority), two in Portuguese only, and one English request with no time in common.
     */
    private static String community(int adaPlaces) {
        StringBuilder json = new StringBuilder("{\"mentors\": [")
                .append(mentor("m-big", "Grace Hopper", "en", 28)).append(',')
                .append(mentor("m-small", "Ada Lovelace", "en", adaPlaces)).append(',')
                .append(mentor("m-fr", "Marie Curie", "fr", 3)).append("], \"requests\": [");
        for (int i = 1; i <= 30; i++) {
            json.append(request(String.format("r-en-%02d", i), "Researcher " + i, "en", "TUESDAY", i == 1))
                    .append(',');
        }
        json.append(request("r-pt-1", "Rosa Portuguesa 1", "pt", "TUESDAY", false)).append(',')
                .append(request("r-pt-2", "Rosa Portuguesa 2", "pt", "TUESDAY", false)).append(',')
                .append(request("r-night", "Night Owl", "en", "SUNDAY", false)).append("]}");
        return json.toString();
    }

    private static String mentor(String id, String name, String language, int capacity) {
        return """
                {"externalId": "%s", "name": "%s", "email": "%s@uni.example.org", "institution": "Mentor University",
                 "country": "GB", "timeZone": "UTC", "languages": ["%s"], "domains": ["%s"], "topics": ["publishing"],
                 "capacity": %d, "availableFrom": "2026-01-01",
                 "weeklyAvailability": [{"day": "TUESDAY", "start": "08:00", "end": "18:00"}]}
                """.formatted(id, name, id, language, HEAT, capacity);
    }

    private static String request(String id, String name, String language, String day, boolean priority) {
        return """
                {"externalId": "%s", "name": "%s", "email": "%s@uni.example.org", "institution": "Other University",
                 "country": "CA", "timeZone": "UTC", "careerStage": "POSTDOC", "languages": ["%s"],
                 "domains": ["%s"], "goals": ["publishing"], "startDate": "2027-01-15", "durationMonths": 6,
                 "minOverlapMinutes": 60, "weeklyAvailability": [{"day": "%s", "start": "09:00", "end": "11:00"}],
                 "preferredMentorIds": [], "excludedMentorIds": [], "priority": %s}
                """.formatted(id, name, id, language, HEAT, day, priority);
    }
}
