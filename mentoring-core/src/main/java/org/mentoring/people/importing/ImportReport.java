package org.mentoring.people.importing;

import java.util.List;

/**
 * What an import did, or would do on a dry run: records created and updated (by externalId), records rejected
 * with every reason. An import with any rejection writes nothing, so its created and updated counts are 0.
 *
 * @param rejected how many records (or unreadable files) were rejected
 */
public record ImportReport(
        boolean dryRun,
        int created,
        int updated,
        int rejected,
        Counts mentors,
        Counts requests,
        List<Rejection> rejections) {

    /** The counts for one kind of record. */
    public record Counts(int created, int updated, int rejected) {
    }

    public ImportReport {
        rejections = List.copyOf(rejections);
    }

    public boolean accepted() {
        return rejections.isEmpty();
    }
}
