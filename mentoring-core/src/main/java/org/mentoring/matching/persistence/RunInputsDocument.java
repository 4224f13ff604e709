package org.mentoring.matching.persistence;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Part of what a run read when it started, as runs kept it before {@link Kind#PACKED}: up to
 * {@link RunInputStore#PART_SIZE} mentors, open requests or settled pairs, each the full record as it was. Ids follow {@link RunChildIds}, numbered kind by kind.
 *
 * @param records each a mentor or request as JSON-like fields; a settled pair is {@code {request, mentorExternalId}}
 */
@Document(RunInputsDocument.COLLECTION)
public record RunInputsDocument(
        @Id String id,
        @Indexed String runId,
        Kind kind,
        int part,
        List<org.bson.Document> records) {

    public static final String COLLECTION = "matchingRunInputs";

    /** What the records of a part are. */
    public enum Kind {
        MENTORS, OPEN_REQUESTS, SETTLED,
        /** A coordinator's pin the run kept: {@code {requestExternalId, mentorExternalId}}. */
        PINNED,
        /**
         * A part of the whole snapshot as deflated JSON ({@link RunInputStore}): such a document has no records but
         * {@code part}, {@code parts} (how many) and {@code data}.
         */
        PACKED
    }
}
