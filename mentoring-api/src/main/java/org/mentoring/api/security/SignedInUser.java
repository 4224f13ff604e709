package org.mentoring.api.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person as Spring Security keeps them, with the mentor profile or researcher they are, and whether
 * their address is proven (a self sign-up that has not opened its verification link owns nothing).
 */
public class SignedInUser extends User {

    private final String personExternalId;
    private final boolean emailVerified;

    public SignedInUser(String email, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities, String personExternalId) {
        this(email, passwordHash, enabled, authorities, personExternalId, true);
    }

    public SignedInUser(String email, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities, String personExternalId, boolean emailVerified) {
        super(email, passwordHash, enabled, true, true, true, authorities);
        this.personExternalId = personExternalId;
        this.emailVerified = emailVerified;
    }

    public String getPersonExternalId() {
        return personExternalId;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }
}
