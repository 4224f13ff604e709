package org.mentoring.api.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in person as Spring Security keeps them, with the mentor profile or researcher they are. */
public class SignedInUser extends User {

    private final String personExternalId;

    public SignedInUser(String email, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities, String personExternalId) {
        super(email, passwordHash, enabled, true, true, true, authorities);
        this.personExternalId = personExternalId;
    }

    public String getPersonExternalId() {
        return personExternalId;
    }
}
