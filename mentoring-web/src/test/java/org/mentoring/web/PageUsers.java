package org.mentoring.web;

import java.util.List;
import org.mentoring.api.security.SignedInUser;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Signed-in people for page tests that act through MockMvc's {@code user(...)}. */
final class PageUsers {

    /** The tests' admin, as the apps create it. */
    static final SignedInUser COORDINATOR = person(Http.ADMIN_EMAIL, "ADMIN", null);

    private PageUsers() {
    }

    /** Someone signed in with a role (ADMIN, MENTOR, RESEARCHER) and, for a mentor, their profile's externalId. */
    static SignedInUser person(String email, String role, String personExternalId) {
        return new SignedInUser(email, "unused", true, List.of(new SimpleGrantedAuthority("ROLE_" + role)),
                personExternalId);
    }
}
