package org.mentoring.analytics;

/**
 * Where the requests of one cycle stand: how many asked, were placed, wait for an answer, are still unmatched or
 * withdrew, and how the requests the programme flagged for equity priority fared.
 *
 * @param matched requests with an accepted mentorship (MATCHED)
 * @param proposed requests with an offer waiting for answers (PROPOSED)
 * @param unmatched requests still waiting for a mentor (OPEN)
 * @param priorityMatched priority requests among {@code matched}
 */
public record CycleSummary(String cycle, String name, int requests, int matched, int proposed, int unmatched,
        int withdrawn, int priority, int priorityMatched) {

    /** Matched over requests, 0 to 1 (0 without requests). */
    public double shareMatched() {
        return requests == 0 ? 0 : (double) matched / requests;
    }
}
