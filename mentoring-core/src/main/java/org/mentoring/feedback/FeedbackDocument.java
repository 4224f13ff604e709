package org.mentoring.feedback;

import java.time.Instant;
import org.mentoring.matching.model.Side;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored feedback. Its id is the mentorship's id, the side and the stage, so that each side gives it once per stage
 * whatever the store's indexes: a second insert fails on the id.
 */
// a mentorship's feedback in the order it was given
@CompoundIndex(name = "mentorshipId_createdAt", def = "{'mentorshipId': 1, 'createdAt': 1}")
@Document(FeedbackDocument.COLLECTION)
record FeedbackDocument(@Id String id, String mentorshipId, Side side, FeedbackStage stage, int rating,
        String comment, String authorEmail, Instant createdAt) {

    static final String COLLECTION = "feedback";

    static String idOf(String mentorshipId, Side side, FeedbackStage stage) {
        return mentorshipId + "-" + side + "-" + stage;
    }

    Feedback toFeedback() {
        return new Feedback(mentorshipId, side, stage, rating, comment, authorEmail, createdAt);
    }
}
