package org.mentoring.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.accounts.Account;
import org.mentoring.accounts.AccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Another web site cannot make a signed-in browser change anything: a state-changing request whose {@code Origin}
 * or {@code Sec-Fetch-Site} says it came from elsewhere is refused whatever credentials it carries, the API never
 * asks a browser for Basic credentials, and only a call signed in by its own Basic credentials goes without a CSRF
 * token. Scripts (curl with -u, no Origin) keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "mentoring.embedded-in-memory=true", "mentoring.demo-data=false", SecurityTests.ADMIN_EMAIL_PROPERTY,
    SecurityTests.ADMIN_PASSWORD_PROPERTY, "spring.application.name=security-tests"})
class CrossSiteRequestTest {

    static final String PASSWORD = "lighthouse-fennel 3390";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void aCrossSiteDisableWithValidBasicCredentialsIsRefusedAndChangesNothing() throws Exception {
        Account target = accounts.signUp("target.one@uni.example.org", PASSWORD, "Target One");

        Browser.Answer fromEvil = admin().postJson(disable(target), "", Map.of("Origin", "https://evil.example"));
        Browser.Answer fetchedCrossSite = admin().postJson(disable(target), "",
                Map.of("Sec-Fetch-Site", "cross-site"));
        Browser.Answer sameSite = admin().postJson(disable(target), "",
                Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://other.localhost:" + port));

        for (Browser.Answer refused : new Browser.Answer[] {fromEvil, fetchedCrossSite, sameSite}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(new ObjectMapper().readTree(refused.body()).get("type").asText()).endsWith("/cross-site");
        }
        assertThat(accounts.findByEmail(target.email()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void scriptsAndTheAppsOwnPagesStillChangeThings() {
        Account first = accounts.signUp("target.two@uni.example.org", PASSWORD, "Target Two");
        Account second = accounts.signUp("target.three@uni.example.org", PASSWORD, "Target Three");

        assertThat(admin().postJson(disable(first), "", Map.of()).status()).as("curl -u, no Origin").isEqualTo(200);
        assertThat(admin().postJson(disable(second), "", Map.of("Origin", "http://localhost:" + port,
                "Sec-Fetch-Site", "same-origin")).status()).as("the app's own page").isEqualTo(200);
        assertThat(accounts.findByEmail(first.email()).orElseThrow().enabled()).isFalse();
        assertThat(accounts.findByEmail(second.email()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void aPageFormPostedFromAnotherSiteIsRefused() {
        Browser browser = Browser.on(port);
        String token = browser.csrfToken("/sign-in");

        Browser.Answer answer = browser.with("Origin", "https://evil.example").postForm("/sign-in",
                Map.of("email", SecurityTests.ADMIN_EMAIL, "password", SecurityTests.ADMIN_PASSWORD, "_csrf", token));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.sessionCookie()).as("no one was signed in").isNull();
    }

    @Test
    void theApiAsksForBasicCredentialsOnlyFromACallerThatSentThem() {
        Browser.Answer anonymous = Browser.on(port).get("/api/v1/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).as("a browser must not prompt").isNull();

        Browser.Answer wrong = Browser.on(port).with("Authorization", Browser.basic("nobody@uni.example.org",
                "not the password 2026")).get("/api/v1/me");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void anAuthorizationHeaderThatIsNotBasicDoesNotStandInForTheCsrfToken() {
        Account target = accounts.signUp("target.four@uni.example.org", PASSWORD, "Target Four");
        Browser coordinator = Browser.on(port);
        coordinator.signIn(SecurityTests.ADMIN_EMAIL, SecurityTests.ADMIN_PASSWORD);
        assertThat(coordinator.get("/api/v1/me").status()).as("signed in").isEqualTo(200);

        Browser.Answer bearer = coordinator.postJson(disable(target), "", Map.of("Authorization", "Bearer x"));

        assertThat(bearer.status()).isEqualTo(403);
        assertThat(accounts.findByEmail(target.email()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void wrongBasicCredentialsNextToASignedInSessionAreRefusedNotCarriedByTheSession() {
        Account target = accounts.signUp("target.five@uni.example.org", PASSWORD, "Target Five");
        Browser coordinator = Browser.on(port);
        coordinator.signIn(SecurityTests.ADMIN_EMAIL, SecurityTests.ADMIN_PASSWORD);
        assertThat(coordinator.get("/api/v1/me").status()).as("signed in").isEqualTo(200);

        Browser.Answer answer = coordinator.postJson(disable(target), "", Map.of("Authorization",
                Browser.basic(SecurityTests.ADMIN_EMAIL, "a wrong password 2026")));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(accounts.findByEmail(target.email()).orElseThrow().enabled()).isTrue();
    }

    private static String disable(Account account) {
        return "/api/v1/accounts/" + account.id() + "/disable";
    }

    private Browser admin() {
        return Browser.on(port).with("Authorization", Browser.basic(SecurityTests.ADMIN_EMAIL,
                SecurityTests.ADMIN_PASSWORD));
    }
}
