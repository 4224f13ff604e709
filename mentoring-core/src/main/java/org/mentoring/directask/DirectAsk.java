package org.mentoring.directask;

import java.time.Instant;

/**
 * A researcher's direct ask to one mentor, as the coordinator's list shows it: who asked whom, when, and by when
 * the mentor answers.
 *
 * @param id the offer's id, answered through the same accept and decline as any offer
 */
public record DirectAsk(String id, String requestExternalId, String researcherName, String mentorExternalId,
        String mentorName, String message, Instant askedAt, Instant answerBy) {
}
