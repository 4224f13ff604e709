package org.mentoring.matching.persistence;

/** One new best score of a solving run, as stored in its history. */
public record ScorePointDocument(long elapsedMillis, String score, boolean feasible, int matchedCount) {
}
