package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.api.security.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages of email ownership: a sign-up is sent to check its email on every page until it confirms the address
 * with the emailed link (opening the link confirms nothing by itself; the button does); the coordinator's invitations
 * page lists the people brought in with their status and invites the ones ticked or everyone not invited yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=verification-pages"})
@AutoConfigureMockMvc
class VerificationPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aSignUpIsAskedToCheckItsEmailOnEveryPageUntilItConfirmsTheAddress() throws Exception {
        String email = "page.signer@uni.example.org";
        mvc.perform(post("/sign-up").param("name", "Page Signer").param("email", email)
                        .param("password", "tangerine-river 2026").with(csrf()))
                .andExpect(redirectedUrl("/verify-email?sent"));
        SignedInUser unverified = new SignedInUser(email, "unused", true,
                List.of(new SimpleGrantedAuthority("ROLE_RESEARCHER")), null, false);

        for (String page : List.of("/", "/my-request", "/mentor")) {
            mvc.perform(get(page).with(user(unverified)))
                    .andExpect(status().isSeeOther()).andExpect(header().string("Location", "/verify-email"));
        }
        mvc.perform(get("/verify-email").with(user(unverified)))
                .andExpect(content().string(containsString("We emailed a link to " + email)))
                .andExpect(content().string(containsString("id=\"resend-link\"")));
        mvc.perform(post("/verify-email/resend").with(user(unverified)).with(csrf()))
                .andExpect(content().string(containsString("id=\"resend-error\"")))
                .andExpect(content().string(containsString("less than 2 minutes ago")));

        String token = Outbox.newestToken(mongo, email, "/verify-email");
        mvc.perform(get("/verify-email").param("token", token))
                .andExpect(content().string(containsString("id=\"confirm-email\"")));
        mvc.perform(get("/my-request").with(user(unverified))).andExpect(status().isSeeOther());
        mvc.perform(post("/verify-email").param("token", token).with(csrf()))
                .andExpect(content().string(containsString("id=\"email-confirmed\"")));
        mvc.perform(post("/verify-email").param("token", token).with(csrf()))
                .andExpect(content().string(containsString("id=\"link-invalid\"")));

        mvc.perform(get("/my-request").with(user(unverified)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"check-email\""))));
    }

    @Test
    void theInvitationsPageInvitesThePeopleTickedThenEveryoneNotInvitedYet() throws Exception {
        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", Samples.PAIR).status()).isEqualTo(200);
        String mentorId = null;
        for (JsonNode entry : admin.get("/api/v1/accounts/invitations?status=NOT_SENT").json().get("content")) {
            if (entry.get("account").get("email").asText().equals("mentor.one@uni.example.org")) {
                mentorId = entry.get("account").get("id").asText();
            }
        }
        assertThat(mentorId).isNotNull();

        mvc.perform(get("/admin/invitations").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("mentor.one@uni.example.org")))
                .andExpect(content().string(containsString("uno@uni.example.org")))
                .andExpect(content().string(containsString("Not invited yet")))
                .andExpect(content().string(containsString("id=\"no-mail-server\"")));
        mvc.perform(post("/admin/invitations").param("accountId", mentorId).with(user(PageUsers.COORDINATOR))
                        .with(csrf()))
                .andExpect(content().string(containsString("Sent 1 invitation(s).")))
                .andExpect(content().string(containsString("/set-password?token=")));
        mvc.perform(get("/admin/invitations").param("status", "SENT").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("mentor.one@uni.example.org")))
                .andExpect(content().string(not(containsString("uno@uni.example.org"))));
        mvc.perform(post("/admin/invitations").param("selectStatus", "NOT_SENT").with(user(PageUsers.COORDINATOR))
                        .with(csrf()))
                .andExpect(content().string(containsString("Sent 1 invitation(s).")));
        mvc.perform(post("/admin/invitations").with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(content().string(containsString("Tick the people to invite first.")));
        assertThat(Outbox.newestToken(mongo, "uno@uni.example.org", "/set-password")).isNotBlank();

        mvc.perform(get("/admin/invitations").with(user(PageUsers.person("uno@uni.example.org", "RESEARCHER", null))))
                .andExpect(status().isForbidden());
    }
}
