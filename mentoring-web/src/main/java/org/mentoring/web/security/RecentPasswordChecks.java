package org.mentoring.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mentoring.accounts.AccountService;

/**
 * Remembers for a short while that a password matched an account's stored hash, so that a script calling the API
 * with HTTP Basic pays the deliberately slow BCrypt check once per {@code ttl} rather than on every call.
 *
 * <p>What is kept is an HMAC of the password under a key drawn at random when the process starts (never the
 * password, never stored), together with the stored hash it was checked against. A remembered check counts only
 * while that hash is still the account's: a password change or reset makes it void at once. A failed check
 * forgets the account, so the next success goes through BCrypt and the sign-in throttle again.
 */
final class RecentPasswordChecks {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_ACCOUNTS = 10_000;

    private record Check(byte[] mac, String passwordHash) {
    }

    private final Cache<String, Check> checks;
    private final SecretKeySpec key;

    RecentPasswordChecks(Duration ttl) {
        this.checks = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_ACCOUNTS).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** Whether {@code password} was found to match {@code currentHash} for this account within the ttl. */
    boolean matches(String email, String password, String currentHash) {
        Check check = checks.getIfPresent(AccountService.normalize(email));
        return check != null && Objects.equals(check.passwordHash(), currentHash)
                && MessageDigest.isEqual(check.mac(), mac(password));
    }

    /** Notes that {@code password} matched {@code passwordHash} just now. */
    void remember(String email, String password, String passwordHash) {
        checks.put(AccountService.normalize(email), new Check(mac(password), passwordHash));
    }

    void forget(String email) {
        checks.invalidate(AccountService.normalize(email));
    }

    private byte[] mac(String password) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
