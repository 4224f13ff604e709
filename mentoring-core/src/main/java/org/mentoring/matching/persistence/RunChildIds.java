package org.mentoring.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Ids of the documents that belong to one run (proposals, unmatched requests, input parts): the run's id, a dash
 * and a suffix. Finding them by id prefix reads the unique id index, on a real MongoDB (an anchored prefix gives
 * tight index bounds) as on the embedded server, whose only index used in queries is a unique one and which
 * matches the pattern against index keys instead of every document.
 */
final class RunChildIds {

    private static final int BATCH_SIZE = 5_000;

    private RunChildIds() {
    }

    /** The n-th (from 1) child of a run, numbered so that ids sort in order up to a million. */
    static String of(String runId, int n) {
        // as String.format("%06d", n) for n >= 1, without parsing a format for each of a run's thousands of documents
        String digits = Integer.toString(n);
        return runId + "-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
    }

    /** The documents whose id starts with {@code runId-}, in id order, fetched in a few large batches. */
    static Query ofRun(String runId) {
        return query(where("_id").regex(prefixPattern(runId))).with(Sort.by(Sort.Direction.ASC, "_id"))
                .cursorBatchSize(BATCH_SIZE);
    }

    /** An anchored pattern, every character other than a letter, digit, dash or underscore escaped. */
    static String prefixPattern(String runId) {
        StringBuilder pattern = new StringBuilder("^");
        for (char c : (runId + "-").toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }
}
