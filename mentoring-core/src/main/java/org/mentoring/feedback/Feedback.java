package org.mentoring.feedback;

import java.time.Instant;
import org.mentoring.matching.model.Side;

/**
 * One side's feedback on a mentorship at one stage.
 *
 * @param rating 1 (poor) to 5 (excellent)
 * @param comment free text, possibly empty
 */
public record Feedback(String mentorshipId, Side side, FeedbackStage stage, int rating, String comment,
        String authorEmail, Instant createdAt) {
}
