package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The app as a newcomer starts it: the demo community on the embedded store, health, the API described. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", Http.ADMIN_EMAIL_PROPERTY, Http.ADMIN_PASSWORD_PROPERTY})
@AutoConfigureMockMvc
class MentoringApplicationTest {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Test
    void anEmptyStoreStartsWithTheDemoCommunity() {
        Http http = new Http(port).asAdmin();

        // every demo request, whatever its status (a browser test sharing this app may have published a run)
        JsonNode requests = http.get("/api/v1/requests?size=500").json();
        JsonNode mentors = http.get("/api/v1/mentors?size=500").json();

        assertThat(requests.get("totalElements").asInt()).isGreaterThanOrEqualTo(150);
        assertThat(mentors.get("totalElements").asInt()).isGreaterThanOrEqualTo(40);
        Set<String> zones = new HashSet<>();
        Set<String> languages = new HashSet<>();
        for (JsonNode page : new JsonNode[] {requests, mentors}) {
            page.get("content").forEach(person -> {
                zones.add(person.get("timeZone").asText());
                person.get("languages").forEach(language -> languages.add(language.asText()));
            });
        }
        assertThat(zones).hasSizeGreaterThanOrEqualTo(8);
        assertThat(zones.stream().map(zone -> zone.substring(0, zone.indexOf('/'))))
                .contains("America", "Africa", "Asia", "Europe");
        assertThat(languages).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void pagesLinkStylesAndScriptsByAUrlOfTheirContentThatABrowserKeepsAYear() throws Exception {
        String page = mvc.perform(get("/sign-in")).andExpect(status().isOk())
                // a page (it may show someone's data) is never stored
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        Matcher links = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"").matcher(page);
        List<String> assets = new ArrayList<>();
        while (links.find()) {
            assets.add(links.group(1));
        }
        // Pico, the app's style sheet, htmx and the app's script, each by a URL that names a hash of its content
        assertThat(assets).hasSize(4).allSatisfy(url -> assertThat(url).matches(".*-[0-9a-f]{32}\\.(css|js)"));
        for (String url : assets) {
            byte[] kept = mvc.perform(get(url)).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "max-age=31536000")).andReturn().getResponse()
                    .getContentAsByteArray();
            assertThat(kept).isNotEmpty();
            // another content's hash names no file
            mvc.perform(get(url.replaceAll("-[0-9a-f]{32}\\.", "-" + "0".repeat(32) + ".")))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void healthIsUpAndOnlyHealthAndInfoAreExposed() throws Exception {
        Http http = new Http(port);

        Http.Answer health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/info").status()).isEqualTo(200);
        // not exposed, not even to a signed-in admin
        mvc.perform(get("/actuator/env").with(user(PageUsers.COORDINATOR))).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/beans").with(user(PageUsers.COORDINATOR))).andExpect(status().isNotFound());
    }

    @Test
    void theApiIsDescribed() {
        Http http = new Http(port);

        JsonNode docs = http.get("/v3/api-docs").json();
        assertThat(docs.get("info").get("title").asText()).isEqualTo("Mentoring API");
        assertThat(docs.get("paths").has("/api/v1/import")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/import/mentors.csv")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/mentors/{externalId}")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/requests")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/taxonomy")).isTrue();
        assertThat(docs.get("paths").get("/api/v1/import").get("post").get("summary").asText()).isNotBlank();
        Http.Answer swagger = http.get("/swagger-ui.html");
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(swagger.body()).contains("swagger-ui");
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        Http.Answer index = new Http(port).get("/");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("Sign in", "name=\"_csrf\"");
    }

    @Test
    void anUnknownPathIsA404Problem() {
        Http.Answer answer = new Http(port).asAdmin().get("/api/v1/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("https://mentoring.example.org/problems/not-found");
    }
}
