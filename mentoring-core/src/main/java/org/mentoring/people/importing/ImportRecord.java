package org.mentoring.people.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One import that wrote records, as the journal keeps it.
 *
 * @param source what was imported: JSON, CSV upload, mentors.csv, ...
 * @param mentors mentors in the import
 * @param requests requests in the import
 * @param created records created, once COMPLETED
 * @param updated records updated, once COMPLETED
 * @param reason why it FAILED or was INTERRUPTED, and what to do
 */
public record ImportRecord(String id, String actor, String source, ImportStatus status, int mentors, int requests,
        Instant startedAt, Instant endedAt, Integer created, Integer updated, String reason) {

    /** What it held, in words: "12 mentors and 340 requests", "8,000 requests". */
    public String contents() {
        List<String> parts = new ArrayList<>();
        if (mentors > 0) {
            parts.add(count(mentors, "mentor"));
        }
        if (requests > 0 || mentors == 0) {
            parts.add(count(requests, "request"));
        }
        return String.join(" and ", parts);
    }

    private static String count(int n, String noun) {
        return String.format(Locale.ENGLISH, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Whether it stopped before every record was written. */
    public boolean cutShort() {
        return status == ImportStatus.FAILED || status == ImportStatus.INTERRUPTED;
    }
}
