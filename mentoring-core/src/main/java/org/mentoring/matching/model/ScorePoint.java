package org.mentoring.matching.model;

/**
 * One step of a run's progress: a new best solution, when it came and how good it is.
 *
 * @param elapsedMillis since the solver started
 * @param score the OptaPlanner score, for example {@code 0hard/-3medium/1520soft}
 * @param matchedCount open requests it places
 */
public record ScorePoint(long elapsedMillis, String score, boolean feasible, int matchedCount) {
}
