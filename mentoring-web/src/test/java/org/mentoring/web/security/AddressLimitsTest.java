package org.mentoring.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mentoring.accounts.AddressLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One network address asking for many password resets or sign-ups (each sends an email) is stopped with a 429 and
 * words, on the page and in the API, while another address goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "mentoring.embedded-in-memory=true", "mentoring.demo-data=false", SecurityTests.ADMIN_EMAIL_PROPERTY,
    SecurityTests.ADMIN_PASSWORD_PROPERTY, "spring.application.name=security-tests"})
@AutoConfigureMockMvc
class AddressLimitsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AddressLimits limits;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private void fill(String kind, String address) {
        for (int i = 0; i < limits.perHour(); i++) {
            assertThat(limits.allow(kind, address)).isTrue();
        }
    }

    @Test
    void anAddressThatAskedTooManyPasswordResetsIsToldToWaitAndAnotherIsNot() throws Exception {
        fill("password-reset", "203.0.113.7");

        mvc.perform(post("/forgot-password").with(from("203.0.113.7")).with(csrf()).param("email", "a@uni.example.org"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many password resets were asked from your network")));
        mvc.perform(post("/api/v1/accounts/password-reset").with(from("203.0.113.7"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"a@uni.example.org\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/forgot-password").with(from("203.0.113.8")).with(csrf()).param("email", "a@uni.example.org"))
                .andExpect(redirectedUrl("/forgot-password?sent"));
    }

    @Test
    void anAddressThatSignedUpTooOftenIsToldToWaitAndNoAccountIsMade() throws Exception {
        fill("sign-up", "198.51.100.9");

        mvc.perform(post("/sign-up").with(from("198.51.100.9")).with(csrf()).param("email", "new.one@uni.example.org")
                        .param("name", "New One").param("password", "a long enough passphrase 42"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many sign-ups came from your network")));
        mvc.perform(post("/api/v1/accounts/sign-up").with(from("198.51.100.9")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"new.one@uni.example.org\", \"name\": \"New One\", "
                                + "\"password\": \"a long enough passphrase 42\"}"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(post("/api/v1/accounts/sign-up").with(from("198.51.100.10")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"new.one@uni.example.org\", \"name\": \"New One\", "
                                + "\"password\": \"a long enough passphrase 42\"}"))
                .andExpect(status().isCreated());
    }
}
