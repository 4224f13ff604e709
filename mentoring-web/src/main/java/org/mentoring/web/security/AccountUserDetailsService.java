package org.mentoring.web.security;

import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.Credentials;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Reads accounts for sign-in; an account without a password yet (invited) cannot sign in. The session epoch is read
 * with the password hash, in one read, so a session can never carry an epoch newer than the password it checked. An
 * account whose address is not proven signs in as such ({@link UnverifiedEmailGate}).
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountService accounts;

    AccountUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Credentials credentials = accounts.credentials(email)
                .filter(c -> c.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return new AccountPrincipal(credentials.email(), credentials.passwordHash(), credentials.enabled(),
                List.of(new SimpleGrantedAuthority("ROLE_" + credentials.role().name())),
                credentials.personExternalId(), credentials.emailVerified(), credentials.sessionEpoch());
    }
}
