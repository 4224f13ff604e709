package org.mentoring.matching.persistence;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One pair a run proposes, its own document so that each side's answer can later update it alone. Its id is the
 * run's id, a dash and its number within the run ({@code <runId>-000001}), so that a run's proposals are read
 * through the unique id index even on the embedded server, which uses no other index for queries.
 */
@Document(ProposalDocument.COLLECTION)
public record ProposalDocument(
        @Id String id,
        @Indexed String runId,
        String requestExternalId,
        String mentorExternalId,
        List<String> explanation,
        int affinity,
        int overlapMinutes,
        boolean valid,
        @Version Long version) {

    public static final String COLLECTION = "proposals";
}
