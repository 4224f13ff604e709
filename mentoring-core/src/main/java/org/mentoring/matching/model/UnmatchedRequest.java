package org.mentoring.matching.model;

import java.util.List;

/** A request a run left without a mentor, with the reasons no mentor fits. */
public record UnmatchedRequest(String requestExternalId, List<String> reasons) {

    public UnmatchedRequest {
        reasons = List.copyOf(reasons);
    }
}
