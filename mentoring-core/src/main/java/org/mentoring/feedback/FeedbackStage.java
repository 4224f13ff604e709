package org.mentoring.feedback;

/** When in a mentorship feedback is given. */
public enum FeedbackStage {
    /** Halfway through. */
    MID,
    /** At the end. */
    END
}
