package org.mentoring.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.accounts.Account;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.AccountDocument;
import org.mentoring.accounts.AccountRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Disabling an account or changing its password ends every browser session of that account at its very next
 * request, whichever session or instance made the change: pages send the person to the sign-in form, the API
 * answers 401, and a disabled admin cannot undo its own disabling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "mentoring.embedded-in-memory=true", "mentoring.demo-data=false", SecurityTests.ADMIN_EMAIL_PROPERTY,
    SecurityTests.ADMIN_PASSWORD_PROPERTY, "spring.application.name=security-tests"})
class SessionEndingTest {

    static final String PASSWORD = "marmalade-orbit 4417";
    static final String NEW_PASSWORD = "quartz-heron 8812";
    /** A researcher's home page. */
    static final String MY_REQUEST = "/my-request";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository accountDocuments;

    /** A researcher who signed up and opened the verification link (shortened here to one stored flag). */
    private Account verifiedResearcher(String email, String name) {
        Account account = accounts.signUp(email, PASSWORD, name);
        AccountDocument document = accountDocuments.findById(account.id()).orElseThrow();
        document.setEmailVerified(true);
        accountDocuments.save(document);
        return account;
    }

    @Test
    void disablingAnAccountEndsItsBrowserSessionAtOnce() {
        Account researcher = verifiedResearcher("ended.by.disable@uni.example.org", "Ended By Disable");
        Browser browser = Browser.on(port);
        assertThat(browser.signIn(researcher.email(), PASSWORD).header("Location")).doesNotContain("error");
        assertThat(browser.get(MY_REQUEST).status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);
        String session = browser.session();

        assertThat(admin().postJson("/api/v1/accounts/" + researcher.id() + "/disable", "", Map.of()).status())
                .isEqualTo(200);

        Browser.Answer page = browser.get(MY_REQUEST);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/sign-in?session-ended");
        assertThat(Browser.on(port).withSession(session).get("/api/v1/me").status())
                .as("the API on the same session").isEqualTo(401);

        accounts.setEnabled(researcher.id(), true, SecurityTests.ADMIN_EMAIL);
        assertThat(Browser.on(port).withSession(session).get("/api/v1/me").status())
                .as("enabled again, the old session stays ended").isEqualTo(401);
    }

    @Test
    void aPasswordChangeMadeElsewhereEndsEveryOtherSession() {
        Account researcher = verifiedResearcher("ended.by.password@uni.example.org", "Ended By Password");
        Browser laptop = Browser.on(port);
        laptop.signIn(researcher.email(), PASSWORD);
        Browser phone = Browser.on(port);
        phone.signIn(researcher.email(), PASSWORD);
        assertThat(laptop.get(MY_REQUEST).status()).isEqualTo(200);
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(200);

        Browser.Answer changed = phone.postJson("/api/v1/me/password",
                "{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}".formatted(PASSWORD, NEW_PASSWORD),
                Map.of("X-CSRF-TOKEN", phone.csrfToken("/")));
        assertThat(changed.status()).isEqualTo(204);

        assertThat(Browser.on(port).withSession(laptop.session()).with("Authorization",
                Browser.basic(researcher.email(), NEW_PASSWORD)).get("/api/v1/me").status())
                .as("a Basic call is signed in by its credentials, whatever session cookie it sends").isEqualTo(200);

        assertThat(laptop.get(MY_REQUEST).header("Location")).as("the laptop's session")
                .endsWith("/sign-in?session-ended");
        assertThat(phone.get("/api/v1/me").status()).as("the session that made the change too").isEqualTo(401);
        Browser again = Browser.on(port);
        assertThat(again.signIn(researcher.email(), NEW_PASSWORD).header("Location")).doesNotContain("error");
        assertThat(again.get(MY_REQUEST).status()).as("signing in with the new password").isEqualTo(200);
    }

    @Test
    void aDisabledAdminCannotEnableItselfAgainWithItsOldSession() {
        String email = "second.admin@test.example.org";
        accounts.ensureAdmin(email, PASSWORD);
        Account secondAdmin = accounts.findByEmail(email).orElseThrow();
        Browser browser = Browser.on(port);
        assertThat(browser.signIn(email, PASSWORD).header("Location")).doesNotContain("error");
        assertThat(browser.get("/api/v1/me").status()).as("signed in before the disable").isEqualTo(200);
        String token = browser.csrfToken("/");

        assertThat(admin().postJson("/api/v1/accounts/" + secondAdmin.id() + "/disable", "", Map.of()).status())
                .isEqualTo(200);
        Browser.Answer enable = browser.postJson("/api/v1/accounts/" + secondAdmin.id() + "/enable", "",
                Map.of("X-CSRF-TOKEN", token));

        assertThat(enable.status()).isEqualTo(401);
        assertThat(accounts.findByEmail(email).orElseThrow().enabled()).isFalse();
    }

    private Browser admin() {
        return Browser.on(port).with("Authorization", Browser.basic(SecurityTests.ADMIN_EMAIL,
                SecurityTests.ADMIN_PASSWORD));
    }
}
