package org.mentoring.web.security;

import java.util.Collection;
import org.mentoring.api.security.SignedInUser;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in person with the account's session epoch as it was when the password was checked: a session whose
 * epoch is no longer the account's (disabled since, or the password changed) is ended by {@link SessionEpochFilter}.
 */
final class AccountPrincipal extends SignedInUser {

    private final long sessionEpoch;

    AccountPrincipal(String email, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities, String personExternalId, boolean emailVerified,
            long sessionEpoch) {
        super(email, passwordHash, enabled, authorities, personExternalId, emailVerified);
        this.sessionEpoch = sessionEpoch;
    }

    long sessionEpoch() {
        return sessionEpoch;
    }
}
