package org.mentoring.lifecycle;

import java.util.List;

/**
 * How a run's pairs differ from those of the previous completed run. A run's pairs are the ones it proposes and the
 * active mentorships it kept; each list is ordered by request.
 *
 * @param previousRunId the latest COMPLETED run created before this one; null if none, and then every pair is new
 * @param kept the same request with the same mentor in both runs
 * @param changed the same request with another mentor
 * @param added requests paired in this run only
 * @param dropped requests paired in the previous run only (withdrawn since, or left unmatched this time)
 */
public record RunDiff(String runId, String previousRunId, List<PairChange> kept, List<PairChange> changed,
        List<PairChange> added, List<PairChange> dropped) {

    /**
     * One request's mentor in the previous run and in this one.
     *
     * @param previousMentorExternalId null for an added pair
     * @param mentorExternalId null for a dropped pair
     */
    public record PairChange(String requestExternalId, String previousMentorExternalId, String mentorExternalId) {
    }
}
