package org.mentoring.web.security;

import java.time.Instant;
import java.util.Optional;
import org.mentoring.accounts.SignInThrottle;
import org.mentoring.audit.AuditService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a password like Spring's {@link DaoAuthenticationProvider}, but first counts the attempt against the account
 * and the client address ({@link SignInThrottle}) and refuses it unchecked while either must wait after repeated
 * failures; writes each failure and refusal to the audit trail. A
 * password that matched the account's current hash a moment ago ({@link RecentPasswordChecks}) is accepted without
 * BCrypt again, as long as the account is still enabled and its hash unchanged.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final SignInThrottle throttle;
    private final AuditService audit;
    private final UserDetailsService users;
    private final RecentPasswordChecks recent;
    private final Object[] stripes = new Object[64];

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, SignInThrottle throttle, AuditService audit,
            UserDetailsService users, RecentPasswordChecks recent) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.audit = audit;
        this.users = users;
        this.recent = recent;
        for (int stripe = 0; stripe < stripes.length; stripe++) {
            stripes[stripe] = new Object();
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getName());
        String address = address(authentication);
        String accountKey = SignInThrottle.accountKey(email);
        String addressKey = address == null ? null : SignInThrottle.addressKey(address);
        Optional<Instant> wait = addressKey == null ? throttle.waitUntil(accountKey)
                : throttle.waitUntil(accountKey, addressKey);
        if (wait.isPresent()) {
            throw refused(email, address, wait.get());
        }
        String password = authentication.getCredentials() instanceof String given ? given : null;
        Authentication remembered = password == null ? null : rememberedCheck(authentication, email, password);
        if (remembered != null) {
            return remembered;
        }
        // one check at a time per account on this instance: a script's parallel first calls wait for the first
        // check and then pass as remembered, instead of each counting as an attempt
        synchronized (stripes[Math.floorMod(accountKey.hashCode(), stripes.length)]) {
            remembered = password == null ? null : rememberedCheck(authentication, email, password);
            return remembered != null ? remembered : check(authentication, email, password, address, accountKey,
                    addressKey);
        }
    }

    private Authentication check(Authentication authentication, String email, String password, String address,
            String accountKey, String addressKey) {
        Optional<Instant> wait;
        // count the attempt before checking it, so that parallel guesses get no more checks than a series would
        if (addressKey != null) {
            wait = throttle.claim(addressKey, SignInThrottle.ADDRESS);
            if (wait.isPresent()) {
                throw refused(email, address, wait.get());
            }
        }
        wait = throttle.claim(accountKey, SignInThrottle.ACCOUNT);
        if (wait.isPresent()) {
            if (addressKey != null) {
                throttle.release(addressKey);
            }
            throw refused(email, address, wait.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(accountKey);
            if (addressKey != null) {
                throttle.release(addressKey);
            }
            if (password != null && result.getPrincipal() instanceof UserDetails user) {
                recent.remember(email, password, user.getPassword());
            }
            return result;
        } catch (BadCredentialsException e) {
            recent.forget(email);
            audit.record(email, "sign-in.failed", email, "wrong email or password", address);
            throw e;
        } catch (AuthenticationException e) {
            recent.forget(email);
            audit.record(email, "sign-in.failed", email, e.getClass().getSimpleName(), address);
            throw e;
        }
    }

    private SignInDelayedException refused(String email, String address, Instant retryAt) {
        audit.record(email, "sign-in.refused", email, "too many failed sign-ins: wait until " + retryAt, address);
        return new SignInDelayedException(retryAt);
    }

    /** The signed-in token when this password matched the account's current hash recently, else null. */
    private Authentication rememberedCheck(Authentication authentication, String email, String password) {
        UserDetails user;
        try {
            user = users.loadUserByUsername(email);
        } catch (UsernameNotFoundException e) {
            return null;
        }
        if (!user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired()
                || !user.isCredentialsNonExpired() || !recent.matches(email, password, user.getPassword())) {
            return null;
        }
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        token.setDetails(authentication.getDetails());
        return token;
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
