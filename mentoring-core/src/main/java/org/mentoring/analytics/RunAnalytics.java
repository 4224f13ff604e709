package org.mentoring.analytics;

import java.util.List;
import java.util.Map;

/**
 * What a finished run achieved, for the programme's report. Counts are over the open requests the run read; the
 * settled mentorships it kept are left out.
 *
 * @param shareMatched matched over open requests, 0 to 1 (0 when there were none)
 * @param meanAffinity mean domain affinity of the proposed pairs; null without proposals
 * @param worstAffinity the lowest domain affinity of a proposed pair: how the worst-off mentee fares; null without
 *     proposals
 * @param unmatchedReasons each reason given for an unmatched request, with how many requests got it, most common
 *     first
 * @param demandVsCapacity per domain ranked first by requests: how many requests, and how many places mentors with
 *     that domain offer (a mentor with several domains counts in each)
 * @param byIncomeGroup requests and matches by the World Bank income group of the researcher's country
 * @param byCareerStage requests and matches by career stage
 * @param byLanguage requests and matches by language (a request with several languages counts in each)
 * @param blockingPairs how many open requests and mentors the hard rules allow together would both gain by leaving
 *     their assignment for each other, under the run's pair values ({@link BlockingPairs}); 0: the run is stable
 * @param worstOffAffinity the domain affinity of the worst-off matched mentee, the lowest of any proposed pair
 *     (the same as {@code worstAffinity}, under the stability report's name); null without proposals
 */
public record RunAnalytics(String runId, int requestCount, int matchedCount, double shareMatched,
        Double meanAffinity, Integer worstAffinity, Map<String, Long> unmatchedReasons,
        List<DomainDemand> demandVsCapacity, List<GroupShare> byIncomeGroup, List<GroupShare> byCareerStage,
        List<GroupShare> byLanguage, long blockingPairs, Integer worstOffAffinity) {

    /** Demand and capacity in one domain. */
    public record DomainDemand(String domain, int requests, int mentorPlaces) {
    }

    /**
     * How one group of researchers fared.
     *
     * @param share matched over requests, 0 to 1
     */
    public record GroupShare(String group, int requests, int matched, double share) {
    }
}
