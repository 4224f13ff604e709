package org.mentoring.matching.solver;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/** A mentor's number of mentees against their capacity, for the capacity and load-balance constraints. */
public record MentorLoadJustification(String constraint, String mentorExternalId, int mentees, int capacity,
        String text) implements ConstraintJustification {
}
