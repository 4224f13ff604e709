package org.mentoring.backup;

/**
 * How much of an uploaded archive a restore reads before it refuses it, so that a small zip that inflates to
 * gigabytes (a zip bomb) is refused after reading little, with a short answer.
 *
 * @param maxLineBytes the longest line (one document) of a {@code <collection>.jsonl}, in bytes
 * @param maxInflatedBytes what all entries together may inflate to, in bytes
 * @param maxEntries how many entries the archive may hold
 * @param maxListedProblems how many problems a refusal lists; the others are only counted
 */
record RestoreLimits(int maxLineBytes, long maxInflatedBytes, int maxEntries, int maxListedProblems) {

    /** A document is at most 16 MB in MongoDB; one of this application's is far below 1 MB. */
    static final int LINE_BYTES = 1024 * 1024;
    /** 25 times the 20 MB upload limit (mentoring.restore.max-inflated-size). */
    static final long INFLATED_BYTES = 512L * 1024 * 1024;
    static final int ENTRIES = 100;
    static final int LISTED_PROBLEMS = 20;

    static RestoreLimits withMaxInflated(long maxInflatedBytes) {
        return new RestoreLimits(LINE_BYTES, maxInflatedBytes, ENTRIES, LISTED_PROBLEMS);
    }
}
