package org.mentoring.matching.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An accepted proposal: a request and its mentor, working together from {@code startDate}.
 *
 * @param endDate the agreed end (start date plus the request's duration) while active; the day it ended once ended
 * @param proposalId the proposal it was accepted from, or null if an admin recorded it directly
 * @param endedAt when it ended, or null while active
 * @param endedBy who ended it (an email, or {@code programme} when it completed by itself), or null
 * @param endNote the note of who ended it, or null
 */
public record Mentorship(
        String id,
        String requestExternalId,
        String mentorExternalId,
        MentorshipStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String proposalId,
        Instant endedAt,
        String endedBy,
        String endNote) {
}
