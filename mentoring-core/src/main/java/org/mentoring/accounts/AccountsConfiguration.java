package org.mentoring.accounts;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hash: BCrypt behind Spring Security's delegating encoder (hashes stored as {@code {bcrypt}...}), so
 * that it can be upgraded later. Only BCrypt hashes are accepted (with or without that mark); a hash of another kind
 * matches no password.
 */
@Configuration(proxyBeanMethods = false)
public class AccountsConfiguration {

    /** BCrypt's cost (log2 of its rounds) when {@code mentoring.security.password-hash-cost} is not set. */
    public static final int DEFAULT_COST = 10;
    /** The lowest cost accepted: BCrypt's own floor, for test runs only (each step halves the work). */
    public static final int LOWEST_COST = 4;

    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${mentoring.security.password-hash-cost:" + DEFAULT_COST + "}") int cost) {
        return encoder(cost);
    }

    /** The encoder for new hashes of this cost; a stored hash is checked at the cost written in it. */
    public static PasswordEncoder encoder(int cost) {
        if (cost < LOWEST_COST || cost > 31) {
            throw new IllegalArgumentException("mentoring.security.password-hash-cost must be from " + LOWEST_COST
                    + " to 31 (BCrypt's log2 rounds; " + DEFAULT_COST + " by default), not " + cost);
        }
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(cost);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        // a stored hash without the {bcrypt} mark goes to BCrypt too: a bare BCrypt hash is checked as one, and a hash
        // of another kind ({noop} in a hand-edited backup, say) matches no password, rather than failing the sign-in
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }
}
