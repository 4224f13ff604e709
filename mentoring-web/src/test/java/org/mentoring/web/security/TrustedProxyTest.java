package org.mentoring.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a trusted proxy (this machine, by default) the app sees the client's real address and whether it came over
 * HTTPS; then the session cookie is {@code Secure} and responses carry HSTS. Over plain HTTP neither is sent, so a
 * local start keeps working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "mentoring.embedded-in-memory=true", "mentoring.demo-data=false", SecurityTests.ADMIN_EMAIL_PROPERTY,
    SecurityTests.ADMIN_PASSWORD_PROPERTY, "spring.application.name=security-tests"})
class TrustedProxyTest {

    @LocalServerPort
    int port;

    @Test
    void overHttpsBehindTheProxyTheSessionCookieIsSecureAndHstsIsSent() {
        Browser browser = Browser.on(port).with("X-Forwarded-Proto", "https");

        Browser.Answer form = browser.get("/sign-in");
        Browser.Answer signedIn = browser.signIn(SecurityTests.ADMIN_EMAIL, SecurityTests.ADMIN_PASSWORD);

        assertThat(form.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(signedIn.header("Location")).startsWith("https://").doesNotContain("error");
        assertThat(signedIn.sessionCookie()).contains("Secure").contains("HttpOnly");
        assertThat(browser.get("/api/v1/me").header("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void overPlainHttpTheCookieIsNotSecureAndThereIsNoHsts() {
        Browser browser = Browser.on(port);

        Browser.Answer signedIn = browser.signIn(SecurityTests.ADMIN_EMAIL, SecurityTests.ADMIN_PASSWORD);

        assertThat(signedIn.sessionCookie()).doesNotContain("Secure");
        assertThat(signedIn.header("Strict-Transport-Security")).isNull();
        Browser.Answer me = browser.get("/api/v1/me");
        assertThat(me.status()).as("the plain-HTTP session works").isEqualTo(200);
        assertThat(me.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void theClientAddressForwardedByTheProxyIsTheOneThrottledAndAudited() throws Exception {
        Browser.on(port).with("X-Forwarded-For", "203.0.113.7")
                .with("Authorization", Browser.basic("proxy.guess@uni.example.org", "wrong guess 2026"))
                .get("/api/v1/me");

        assertThat(failedSignInAddress("proxy.guess@uni.example.org")).isEqualTo("203.0.113.7");
    }

    /** The client address of the latest failed sign-in of this email, as the audit trail shows it. */
    static String failedSignInAddress(String email, Browser admin) throws Exception {
        JsonNode events = new ObjectMapper().readTree(admin.get("/api/v1/audit-events?action=sign-in.failed&size=200")
                .body()).get("content");
        for (JsonNode event : events) {
            if (email.equals(event.get("target").asText())) {
                return event.get("address").asText();
            }
        }
        throw new AssertionError("no failed sign-in of " + email + " in " + events);
    }

    private String failedSignInAddress(String email) throws Exception {
        return failedSignInAddress(email, Browser.on(port).with("Authorization",
                Browser.basic(SecurityTests.ADMIN_EMAIL, SecurityTests.ADMIN_PASSWORD)));
    }
}
