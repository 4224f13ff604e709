package org.mentoring.analytics;

/**
 * One cycle against the one before it, for the programme's report.
 *
 * @param previous the cycle whose requests opened before this one's; null for the first cycle
 */
public record CycleComparison(CycleSummary cycle, CycleSummary previous) {
}
