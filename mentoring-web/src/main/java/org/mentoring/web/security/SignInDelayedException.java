package org.mentoring.web.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked because its account or client address must wait after repeated failures. */
final class SignInDelayedException extends AuthenticationException {

    private final Instant retryAt;

    SignInDelayedException(Instant retryAt) {
        super("Too many failed sign-ins: try again in " + secondsUntil(retryAt) + " seconds");
        this.retryAt = retryAt;
    }

    /** Whole seconds to wait, at least one: the value of a {@code Retry-After} header. */
    long retryAfterSeconds() {
        return secondsUntil(retryAt);
    }

    private static long secondsUntil(Instant retryAt) {
        long millis = Duration.between(Instant.now(), retryAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
