package org.mentoring.people;

import java.time.Instant;
import java.util.Objects;

/**
 * A mentorship request as the store keeps it: the request, its status, its version (which an update must name)
 * and when it was created and last changed.
 */
public record StoredRequest(
        MentorshipRequest request, RequestStatus status, long version, Instant createdAt, Instant updatedAt) {

    public StoredRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
    }
}
