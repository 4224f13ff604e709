package org.mentoring.people;

/** Where a mentorship request is on its way to a mentor. Only OPEN requests are placed by a matching run. */
public enum RequestStatus {
    /** Waiting for a mentor. */
    OPEN,
    /** A published run offered a mentor; waiting for both sides' answers. */
    PROPOSED,
    /** Both sides accepted: an active mentorship. */
    MATCHED,
    /** The researcher no longer wants a mentor. */
    WITHDRAWN
}
