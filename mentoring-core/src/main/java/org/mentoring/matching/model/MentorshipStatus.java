package org.mentoring.matching.model;

/** Whether a mentorship is running, and how it ended. */
public enum MentorshipStatus {
    /** Accepted by both sides and running; a new matching run keeps it as it is and counts it against capacity. */
    ACTIVE,
    /** Over after its agreed duration (by itself, or ended as completed by a side or the coordinator). */
    COMPLETED,
    /** Ended before its agreed duration by either side or the coordinator, with a note. */
    ENDED_EARLY
}
