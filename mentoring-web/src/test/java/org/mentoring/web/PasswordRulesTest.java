package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.web.Problems.assertProblem;
import static org.mentoring.web.Problems.fields;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The password rules through the real server: 12 to 64 characters, at most 72 bytes in UTF-8, not a common or
 * leaked one. Each breach is a 422 problem naming the field, on sign-up, set-password and change-password, never a
 * 500, and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=password-rules"})
class PasswordRulesTest {

    static final String GOOD = "tidal marsh kettle drum";
    static final String SIXTY_FIVE = "a-sixty-five-character-password-is-one-too-long-for-the-rules-now";
    /** 40 characters, 80 bytes. */
    static final String EIGHTY_BYTES = "é".repeat(40);
    /** 64 characters, 73 bytes. */
    static final String SEVENTY_THREE_BYTES = "Fjällräven kåsa ödmjuk älvdal slingrar sig över fjällen mot sjöö";

    @LocalServerPort
    int port;

    @Test
    void signUpRefusesLongOverweightAndCommonPasswordsNamingPassword() {
        Http anonymous = new Http(port);
        assertRefused(signUp(anonymous, "long@uni.example.org", SIXTY_FIVE), "password", "at most 64 characters");
        assertRefused(signUp(anonymous, "bytes@uni.example.org", EIGHTY_BYTES), "password", "at most 72 bytes");
        assertRefused(signUp(anonymous, "bytes@uni.example.org", SEVENTY_THREE_BYTES), "password",
                "at most 72 bytes");
        for (String common : new String[] {"password1234", "Password123!", "qwertyuiop12"}) {
            assertRefused(signUp(anonymous, "common@uni.example.org", common), "password", "too easy to guess");
        }
        assertThat(anonymous.as("bytes@uni.example.org", SEVENTY_THREE_BYTES).get("/api/v1/me").status())
                .as("no account was created").isEqualTo(401);

        Http.Answer passphrase = signUp(anonymous, "passphrase@uni.example.org", GOOD);
        assertThat(passphrase.status()).as(passphrase.body()).isEqualTo(201);
    }

    @Test
    void setPasswordRefusesAnOverweightPasswordNamingPasswordAndKeepsTheLink() {
        Http anonymous = new Http(port);
        Http.Answer invited = anonymous.asAdmin().postJson("/api/v1/accounts/invitations",
                "{\"email\": \"invited.mentor@uni.example.org\", \"name\": \"Invited Mentor\", \"role\": \"MENTOR\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String url = invited.json().get("setPasswordUrl").asText();
        String token = url.substring(url.indexOf("token=") + 6);

        for (String bad : new String[] {EIGHTY_BYTES, SEVENTY_THREE_BYTES, SIXTY_FIVE, "Password123!"}) {
            assertRefused(anonymous.postJson("/api/v1/accounts/set-password",
                    "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, bad)), "password", "");
        }

        assertThat(anonymous.postJson("/api/v1/accounts/set-password",
                "{\"token\": \"%s\", \"password\": \"%s\"}".formatted(token, GOOD)).status())
                .as("the link still works after the refusals").isEqualTo(204);
    }

    @Test
    void changePasswordRefusesAnOverweightPasswordNamingNewPasswordAndKeepsTheOldOne() {
        Http anonymous = new Http(port);
        String email = "changer@uni.example.org";
        assertThat(signUp(anonymous, email, GOOD).status()).isEqualTo(201);
        Http member = anonymous.as(email, GOOD);

        for (String bad : new String[] {EIGHTY_BYTES, SEVENTY_THREE_BYTES, SIXTY_FIVE, "qwertyuiop12"}) {
            assertRefused(member.postJson("/api/v1/me/password",
                    "{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}".formatted(GOOD, bad)), "newPassword", "");
        }

        assertThat(member.get("/api/v1/me").status()).as("the old password still works").isEqualTo(200);
    }

    private static Http.Answer signUp(Http anonymous, String email, String password) {
        return anonymous.postJson("/api/v1/accounts/sign-up",
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Pat Researcher\"}".formatted(email, password));
    }

    private static void assertRefused(Http.Answer answer, String field, String words) {
        assertProblem(answer, 422, "invalid-input");
        assertThat(fields(answer)).containsOnly(field);
        assertThat(answer.json().get("errors").get(0).get("message").asText()).startsWith("The password ")
                .contains(words);
    }
}
