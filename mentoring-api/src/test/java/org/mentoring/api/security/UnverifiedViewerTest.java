package org.mentoring.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** An account whose address is not proven owns nothing, whatever email or profile it names. */
class UnverifiedViewerTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anUnprovenAddressOwnsNoRequestAndIsNoMentor() {
        signIn("anjali@example.org", "RESEARCHER", null, false);
        assertThat(Viewer.current().emailVerified()).isFalse();
        assertThat(Viewer.current().ownsRequest("anjali@example.org")).isFalse();

        signIn("anjali@example.org", "RESEARCHER", null, true);
        assertThat(Viewer.current().ownsRequest("anjali@example.org")).isTrue();

        signIn("mentor@example.org", "MENTOR", "m-1", false);
        assertThat(Viewer.current().isMentor("m-1")).isFalse();
        signIn("mentor@example.org", "MENTOR", "m-1", true);
        assertThat(Viewer.current().isMentor("m-1")).isTrue();
    }

    private static void signIn(String email, String role, String person, boolean verified) {
        SignedInUser user = new SignedInUser(email, "hash", true, List.of(new SimpleGrantedAuthority("ROLE_" + role)),
                person, verified);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
