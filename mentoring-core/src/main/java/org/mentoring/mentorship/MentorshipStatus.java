package org.mentoring.mentorship;

/** Whether a mentorship is running. */
public enum MentorshipStatus {
    /** Accepted by both sides and running; a new matching run keeps it as it is and counts it against capacity. */
    ACTIVE,
    /** Over. */
    ENDED
}
