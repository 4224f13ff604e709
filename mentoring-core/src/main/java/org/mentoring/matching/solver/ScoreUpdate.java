package org.mentoring.matching.solver;

import java.time.Duration;

/** A new best solution found while a run solves: when, its score, and how many requests it places. */
public record ScoreUpdate(Duration elapsed, String score, boolean feasible, int matchedCount) {
}
