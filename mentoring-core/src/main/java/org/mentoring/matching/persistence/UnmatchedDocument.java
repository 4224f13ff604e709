package org.mentoring.matching.persistence;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A request a run left without a mentor and the reasons. Ids follow {@link ProposalDocument}'s scheme
 * ({@code <runId>-000001}).
 */
@Document(UnmatchedDocument.COLLECTION)
public record UnmatchedDocument(
        @Id String id,
        @Indexed String runId,
        String requestExternalId,
        List<String> reasons) {

    public static final String COLLECTION = "unmatchedRequests";
}
