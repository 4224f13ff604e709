package org.mentoring.accounts;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Sign-in attempts counted for one key (an account's email or a client address): how many were not followed by a
 * success, when the last one was, and the earliest moment the next one may be checked. Changed only by single
 * conditional updates, so that several app instances share it and parallel attempts are each counted once.
 */
@Document("sign_in_attempts")
public class SignInAttemptDocument {

    @Id
    private String key;
    private int failures;
    private Instant lastAttemptAt;
    private Instant nextAttemptAt;

    public String getKey() {
        return key;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }
}
