package org.mentoring.people;

import java.time.Instant;
import java.util.Objects;

/**
 * A mentorship request as the store keeps it: the request, its status, its version (which an update must name),
 * when it was created and last changed, and the code of the cycle it belongs to (a researcher has one request per
 * cycle).
 */
public record StoredRequest(
        MentorshipRequest request, RequestStatus status, long version, Instant createdAt, Instant updatedAt,
        String cycle) {

    public StoredRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        cycle = cycle == null ? "default" : cycle;
    }

    /** A request of the cycle {@code default}. */
    public StoredRequest(MentorshipRequest request, RequestStatus status, long version, Instant createdAt,
            Instant updatedAt) {
        this(request, status, version, createdAt, updatedAt, null);
    }
}
