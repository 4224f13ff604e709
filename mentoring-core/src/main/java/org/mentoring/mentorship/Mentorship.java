package org.mentoring.mentorship;

import java.time.LocalDate;

/**
 * An accepted proposal: a request and its mentor, working together from {@code startDate}.
 *
 * @param endDate when it ended, or null while active
 * @param proposalId the proposal it was accepted from, or null if an admin recorded it directly
 */
public record Mentorship(
        String id,
        String requestExternalId,
        String mentorExternalId,
        MentorshipStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String proposalId) {
}
