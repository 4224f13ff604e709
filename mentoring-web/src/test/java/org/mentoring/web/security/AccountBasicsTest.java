package org.mentoring.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentoring.accounts.AccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person's account basics, as they would use them in a browser: a forgotten password is reset through a link
 * emailed to the address (the same answer whether or not an account has it), a signed-in person changes their
 * password on a page, a failed sign-in keeps the email typed, and a sign-up is signed in at once. Mail goes to a
 * GreenMail server and is read as a person would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "mentoring.embedded-in-memory=true", "mentoring.demo-data=false", SecurityTests.ADMIN_EMAIL_PROPERTY,
    SecurityTests.ADMIN_PASSWORD_PROPERTY, "spring.application.name=account-basics", "spring.mail.host=localhost",
    "mentoring.mail.from=mentoring@test.example.org"})
class AccountBasicsTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final String OLD_PASSWORD = "copper-meadow 5512";
    private static final String NEW_PASSWORD = "saffron-glacier 7730";
    private static final String SAME_ANSWER = "If an account has this address, we emailed it a link";

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aForgottenPasswordIsResetThroughTheEmailedLinkWhichEndsOtherSessions() throws Exception {
        String email = "forgetful.one@uni.example.org";
        accounts.signUp(email, OLD_PASSWORD, "Forgetful One");
        Browser elsewhere = Browser.on(port);
        assertThat(elsewhere.signIn(email, OLD_PASSWORD).header("Location")).doesNotContain("error");

        Browser.Answer signInPage = Browser.on(port).get("/sign-in");
        assertThat(signInPage.body()).contains("href=\"/forgot-password\"");
        Browser.Answer known = askForLink(email);
        Browser.Answer unknown = askForLink("nobody.here@uni.example.org");
        assertThat(known.body()).contains(SAME_ANSWER);
        assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(unknown.body()));
        Browser.Answer apiKnown = Browser.on(port).postJson("/api/v1/accounts/password-reset",
                "{\"email\": \"" + email + "\"}", Map.of());
        Browser.Answer apiUnknown = Browser.on(port).postJson("/api/v1/accounts/password-reset",
                "{\"email\": \"nobody.here@uni.example.org\"}", Map.of());
        assertThat(List.of(apiKnown.status(), apiUnknown.status())).containsExactly(202, 202);
        assertThat(apiKnown.body()).isEqualTo(apiUnknown.body());

        List<MimeMessage> inbox = inbox(email);
        assertThat(inbox).as("one link: the second request came within 2 minutes").hasSize(1);
        assertThat(inbox.get(0).getSubject()).isEqualTo("Choose a new password for the mentoring programme");
        assertThat(inbox("nobody.here@uni.example.org")).isEmpty();
        String token = link(inbox.get(0));

        Browser person = Browser.on(port);
        String csrf = person.csrfToken("/set-password?token=" + token);
        Browser.Answer set = person.postForm("/set-password", Map.of("token", token, "password", NEW_PASSWORD,
                "_csrf", csrf));
        assertThat(set.header("Location")).endsWith("/sign-in?password-set");

        assertThat(elsewhere.get("/verify-email").header("Location")).as("the other session ended")
                .contains("/sign-in?session-ended");
        assertThat(Browser.on(port).signIn(email, OLD_PASSWORD).header("Location")).endsWith("/sign-in?error");
        assertThat(Browser.on(port).signIn(email, NEW_PASSWORD).header("Location")).doesNotContain("error");
        Browser.Answer again = person.postForm("/set-password", Map.of("token", token, "password",
                "another-choice 9182", "_csrf", person.csrfToken("/set-password?token=" + token)));
        assertThat(again.body()).as("the link works once").contains("This link is not valid or has expired");
    }

    @Test
    void aMalformedAddressIsNamedInTheErrorSummary() {
        Browser browser = Browser.on(port);
        Browser.Answer answer = browser.postForm("/forgot-password", Map.of("email", "not an address",
                "_csrf", browser.csrfToken("/forgot-password")));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"error-summary\"").contains("href=\"#email\"")
                .contains("Give a valid email address");
    }

    @Test
    void aSignedInPersonChangesTheirPasswordOnAPageAndSignsInAgainWithIt() {
        String email = "changer.one@uni.example.org";
        accounts.signUp(email, OLD_PASSWORD, "Changer One");
        Browser browser = Browser.on(port);
        browser.signIn(email, OLD_PASSWORD);

        Browser.Answer form = browser.get("/account/password");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("href=\"/account/password\"").contains("Current password");
        String csrf = browser.csrfToken("/account/password");
        Browser.Answer wrong = browser.postForm("/account/password", Map.of("currentPassword", "not-my-password 1",
                "newPassword", NEW_PASSWORD, "_csrf", csrf));
        assertThat(wrong.body()).contains("id=\"error-summary\"").contains("href=\"#currentPassword\"")
                .contains("The current password is not right").contains("id=\"currentPassword-error\"");
        Browser.Answer weak = browser.postForm("/account/password", Map.of("currentPassword", OLD_PASSWORD,
                "newPassword", "short", "_csrf", csrf));
        assertThat(weak.body()).contains("href=\"#newPassword\"").contains("id=\"newPassword-error\"");

        Browser.Answer changed = browser.postForm("/account/password", Map.of("currentPassword", OLD_PASSWORD,
                "newPassword", NEW_PASSWORD, "_csrf", csrf));
        assertThat(changed.header("Location")).endsWith("/sign-in?password-changed");
        assertThat(browser.get("/sign-in?password-changed").body())
                .contains("Your password is changed; sign in with the new one");
        assertThat(browser.get("/account/password").header("Location")).as("signed out").contains("/sign-in");
        assertThat(Browser.on(port).signIn(email, OLD_PASSWORD).header("Location")).endsWith("/sign-in?error");
        assertThat(Browser.on(port).signIn(email, NEW_PASSWORD).header("Location")).doesNotContain("error");
    }

    @Test
    void aFailedSignInKeepsTheEmailTypedButNotThePassword() {
        Browser browser = Browser.on(port);
        Browser.Answer failed = browser.signIn("typed.email@uni.example.org", "a-wrong-guess 4410");
        assertThat(failed.header("Location")).endsWith("/sign-in?error");

        String page = browser.get("/sign-in?error").body();
        assertThat(page).contains("Wrong email or password").contains("value=\"typed.email@uni.example.org\"")
                .doesNotContain("a-wrong-guess 4410");
        assertThat(browser.get("/sign-in").body()).as("shown once").doesNotContain("typed.email@uni.example.org");
    }

    @Test
    void aSignUpIsSignedInAtOnceAndStaysSignedInWhenItConfirmsItsAddress() throws Exception {
        String email = "new.signer@uni.example.org";
        Browser browser = Browser.on(port);
        String csrf = browser.csrfToken("/sign-up");
        Browser.Answer signedUp = browser.postForm("/sign-up", Map.of("name", "New Signer", "email", email,
                "password", OLD_PASSWORD, "_csrf", csrf));
        assertThat(signedUp.header("Location")).endsWith("/verify-email?sent");
        assertThat(browser.get("/verify-email?sent").body()).contains("We emailed a link to " + email);

        String token = link(inbox(email).get(0));
        Browser.Answer confirmed = browser.postForm("/verify-email", Map.of("token", token,
                "_csrf", browser.csrfToken("/verify-email?token=" + token)));
        assertThat(confirmed.body()).contains("id=\"email-confirmed\"");
        assertThat(browser.get("/my-request").status()).as("signed in and verified").isEqualTo(200);
    }

    private static String withoutCsrf(String page) {
        return page.replaceAll("name=\"_csrf\" content=\"[^\"]*\"", "");
    }

    private Browser.Answer askForLink(String email) {
        Browser browser = Browser.on(port);
        Browser.Answer sent = browser.postForm("/forgot-password", Map.of("email", email,
                "_csrf", browser.csrfToken("/forgot-password")));
        assertThat(sent.header("Location")).endsWith("/forgot-password?sent");
        return browser.get("/forgot-password?sent");
    }

    /** The messages this address received, once the outbox worker has sent every message written so far. */
    private List<MimeMessage> inbox(String email) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(Query.query(Criteria.where("state")
                .in("PENDING", "SENDING")), "notifications") == 0);
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(email)) {
                    messages.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return messages;
    }

    /** The token of the one-time link in a message, read as the person would read it. */
    private static String link(MimeMessage message) throws Exception {
        String body = message.getContent().toString();
        Matcher matcher = Pattern.compile("https?://\\S+/(?:set-password|verify-email)\\?token=([A-Za-z0-9_-]+)")
                .matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }
}
