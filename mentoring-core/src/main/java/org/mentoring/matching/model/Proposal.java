package org.mentoring.matching.model;

import java.util.List;

/**
 * A mentor a run proposes for a request, with why in plain words, as an admin reviews it.
 *
 * @param explanation why, in the third person naming both sides ("the researcher's first choice", "researcher's
 *     time"); in proposals saved before explanations were worded for each reader, the researcher's own lines
 * @param affinity the research-domain affinity points of the pair
 * @param overlapMinutes weekly minutes the two are both available
 * @param valid false only if the pair breaks a hard rule, which a feasible run never shows
 * @param pinned the run kept the pair because a coordinator pinned it
 */
public record Proposal(
        String id,
        String runId,
        String requestExternalId,
        String mentorExternalId,
        List<String> explanation,
        int affinity,
        int overlapMinutes,
        boolean valid,
        boolean pinned) {

    public Proposal {
        explanation = List.copyOf(explanation);
    }

    /** A pair its run decided, not pinned. */
    public Proposal(String id, String runId, String requestExternalId, String mentorExternalId,
            List<String> explanation, int affinity, int overlapMinutes, boolean valid) {
        this(id, runId, requestExternalId, mentorExternalId, explanation, affinity, overlapMinutes, valid, false);
    }
}
