package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * HTTP Basic clients pay the BCrypt check once, then ride on a remembered check; a password change, a disabled
 * account or a wrong password still take effect on the very next call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=basic-password-check"})
class BasicPasswordCheckTest {

    static final String EMAIL = "basic.caller@uni.example.org";
    static final String PASSWORD = "tangerine-river 2026";
    static final String NEW_PASSWORD = "copper-lantern 2027";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    @Test
    void theHashIsCheckedOnceWhileEveryChangeTakesEffectAtOnce() {
        Http anonymous = new Http(port);
        assertThat(anonymous.postJson("/api/v1/accounts/sign-up",
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Basic Caller\"}".formatted(EMAIL, PASSWORD))
                .status()).isEqualTo(201);
        Http caller = anonymous.as(EMAIL, PASSWORD);
        clearInvocations(passwordEncoder);

        for (int call = 0; call < 10; call++) {
            assertThat(caller.get("/api/v1/me").status()).isEqualTo(200);
        }
        verify(passwordEncoder, times(1)).matches(any(), any());

        assertThat(anonymous.as(EMAIL, "a wrong password 2026").get("/api/v1/me").status())
                .as("a wrong password is refused though the right one was checked a moment ago").isEqualTo(401);
        clearInvocations(passwordEncoder);
        assertThat(caller.get("/api/v1/me").status()).isEqualTo(200);
        verify(passwordEncoder, times(1)).matches(any(), any());

        assertThat(caller.postJson("/api/v1/me/password",
                "{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}".formatted(PASSWORD, NEW_PASSWORD))
                .status()).isEqualTo(204);
        assertThat(caller.get("/api/v1/me").status()).as("the old password stops working at once").isEqualTo(401);
        Http renewed = anonymous.as(EMAIL, NEW_PASSWORD);
        assertThat(renewed.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(renewed.get("/api/v1/me").status()).isEqualTo(200);

        Http admin = anonymous.asAdmin();
        String id = null;
        for (JsonNode account : admin.get("/api/v1/accounts?size=200").json().get("content")) {
            if (account.get("email").asText().equals(EMAIL)) {
                id = account.get("id").asText();
            }
        }
        assertThat(id).isNotNull();
        assertThat(admin.post("/api/v1/accounts/" + id + "/disable", "application/json", new byte[0]).status())
                .isEqualTo(200);
        assertThat(renewed.get("/api/v1/me").status()).as("a disabled account is refused at once").isEqualTo(401);
    }

    @Test
    void aRememberedPasswordDoesNotGetPastASignInDelay() {
        String email = "locked.caller@uni.example.org";
        Http anonymous = new Http(port);
        assertThat(anonymous.postJson("/api/v1/accounts/sign-up",
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Locked Caller\"}"
                        .formatted(email, PASSWORD)).status()).isEqualTo(201);
        Http caller = anonymous.as(email, PASSWORD);
        assertThat(caller.get("/api/v1/me").status()).isEqualTo(200);

        for (int guess = 0; guess < 5; guess++) {
            assertThat(anonymous.as(email, "guess number " + guess + " 2026").get("/api/v1/me").status())
                    .isEqualTo(401);
        }

        assertThat(caller.get("/api/v1/me").status()).as("waits 10 seconds, right password or not")
                .isEqualTo(429);
    }
}
