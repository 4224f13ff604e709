package org.mentoring.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mentoring.accounts.AccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser that is refused a page, or asks for one that does not exist, gets a page in the app's layout saying in
 * words what happened and where to go (no Whitelabel page, no JSON); the API keeps answering problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "mentoring.embedded-in-memory=true", "mentoring.demo-data=false", SecurityTests.ADMIN_EMAIL_PROPERTY,
    SecurityTests.ADMIN_PASSWORD_PROPERTY, "spring.application.name=security-tests"})
class ErrorPagesTest {

    private static final String PASSWORD = "harbour-willow 4471";
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @Test
    void aResearcherOpeningTheAdminPagesGetsTheNotAllowedPageInTheLayout() {
        accounts.signUp("error.pages@uni.example.org", PASSWORD, "Error Pages");
        Browser researcher = Browser.on(port).with("Accept", HTML);
        assertThat(researcher.signIn("error.pages@uni.example.org", PASSWORD).status()).isEqualTo(302);

        Browser.Answer refused = researcher.get("/admin");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body()).contains("This page is not for your account")
                .contains("aria-label=\"Main\"").contains("Sign out").contains("error.pages@uni.example.org")
                .doesNotContain("Whitelabel");
    }

    @Test
    void theStylesAndScriptsAreKeptByTheBrowserAndOnlyCheckedAgainWhileThePagesAreNotStored() {
        Browser browser = Browser.on(port);
        for (String asset : java.util.List.of("/css/app.css", "/js/app.js", "/webjars/picocss__pico/css/pico.min.css",
                "/webjars/htmx.org/dist/htmx.min.js", "/webjars/chart.js/dist/chart.umd.js")) {
            Browser.Answer first = browser.get(asset);
            assertThat(first.status()).as(asset).isEqualTo(200);
            // kept, but asked again each time: a new version is seen at once, an unchanged one is not sent again
            assertThat(first.header("Cache-Control")).as(asset).contains("no-cache").doesNotContain("no-store");
            assertThat(first.header("Last-Modified")).as(asset).isNotNull();
            Browser.Answer again = Browser.on(port).with("If-Modified-Since", first.header("Last-Modified"))
                    .get(asset);
            assertThat(again.status()).as(asset).isEqualTo(304);
            assertThat(again.body()).as(asset).isEmpty();
        }
        // a page (it may show someone's data) is still never stored
        assertThat(browser.get("/sign-in").header("Cache-Control")).contains("no-store");
    }

    @Test
    void anUnknownPageGetsTheNotFoundPageInTheLayout() {
        Browser admin = Browser.on(port).with("Accept", HTML);
        assertThat(admin.signIn(SecurityTests.ADMIN_EMAIL, SecurityTests.ADMIN_PASSWORD).status()).isEqualTo(302);

        Browser.Answer missing = admin.get("/no-such-page");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.body()).contains("We cannot find this page").contains("Go to your home page")
                .contains("aria-label=\"Main\"").doesNotContain("Whitelabel");
    }

    @Test
    void anUnknownApiPathStillAnswersProblemDetails() throws Exception {
        Browser script = Browser.on(port)
                .with("Authorization", Browser.basic(SecurityTests.ADMIN_EMAIL, SecurityTests.ADMIN_PASSWORD));

        for (String accept : new String[] {"application/json", HTML}) {
            Browser.Answer missing = script.with("Accept", accept).get("/api/v1/unknown");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.header("Content-Type")).as(accept).startsWith("application/problem+json");
            assertThat(new ObjectMapper().readTree(missing.body()).get("status").asInt()).isEqualTo(404);
        }
    }
}
