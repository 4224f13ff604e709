package org.mentoring.dashboard;

import java.util.List;

/**
 * What the application could not finish by itself and needs the coordinator, in the order the dashboard shows it.
 *
 * @param items each thing to deal with; empty when nothing needs attention
 */
public record Attention(List<Item> items) {

    /** A restore stopped before it finished and left part of a backup in the store. */
    public static final String RESTORE_INTERRUPTED = "restore-interrupted";
    /** The latest import was interrupted or failed before every record was written. */
    public static final String IMPORT_CUT_SHORT = "import-cut-short";
    /** The latest matching run failed. */
    public static final String RUN_FAILED = "run-failed";
    /** A run's publication began and has not gone through every proposal (and the run is not outdated). */
    public static final String PUBLICATION_UNFINISHED = "publication-unfinished";
    /** Messages could not be delivered after every attempt. */
    public static final String UNDELIVERABLE_MESSAGES = "undeliverable-messages";
    /** A published mentoring circle has fewer seats accepted or waiting than its minimum, before it starts. */
    public static final String CIRCLE_BELOW_MINIMUM = "circle-below-minimum";

    public Attention {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * One thing to deal with.
     *
     * @param kind what it is, one of this class's constants (for example {@value #IMPORT_CUT_SHORT})
     * @param text what happened and what to do, in a sentence or two
     * @param page the page where the coordinator deals with it; null when no page does
     * @param action the words of the link to that page; null when there is no page
     * @param api the API resource that deals with it (for example {@code /api/v1/matching-runs/{id}/publish})
     */
    public record Item(String kind, String text, String page, String action, String api) {
    }
}
