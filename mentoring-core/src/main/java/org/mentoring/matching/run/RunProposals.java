package org.mentoring.matching.run;

import java.util.List;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.UnmatchedRequest;

/** What a finished run proposes: its pairs ordered by request, and the requests it could not place. */
public record RunProposals(List<Proposal> proposals, List<UnmatchedRequest> unmatched) {

    public RunProposals {
        proposals = List.copyOf(proposals);
        unmatched = List.copyOf(unmatched);
    }
}
