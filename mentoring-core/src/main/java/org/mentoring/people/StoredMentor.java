package org.mentoring.people;

import java.time.Instant;
import java.util.Objects;

/**
 * A mentor as the store keeps it: the profile with its version, which an update must name to prove it saw the
 * latest state, and when it was created and last changed.
 */
public record StoredMentor(Mentor mentor, long version, Instant createdAt, Instant updatedAt) {

    public StoredMentor {
        Objects.requireNonNull(mentor, "mentor");
    }
}
