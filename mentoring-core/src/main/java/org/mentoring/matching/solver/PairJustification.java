package org.mentoring.matching.solver;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * Why a constraint matched one request (and its mentor, when it has one), in plain words for each reader; these
 * become the explanations shown with each proposal and each broken rule.
 *
 * @param mentorExternalId null for an unmatched request
 */
public record PairJustification(String constraint, String requestExternalId, String mentorExternalId, Wording text)
        implements ConstraintJustification {
}
