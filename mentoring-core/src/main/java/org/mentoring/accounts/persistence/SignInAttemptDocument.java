package org.mentoring.accounts.persistence;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Failed sign-ins counted for one key (an account's email or a client address) within a window, and until when
 * that key is locked. Updated with single atomic operations so that several app instances share it.
 */
@Document("sign_in_attempts")
public class SignInAttemptDocument {

    @Id
    private String key;
    private int failures;
    private Instant windowStart;
    private Instant lockedUntil;

    public String getKey() {
        return key;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }
}
