package org.mentoring.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * What publishing a run did.
 *
 * @param publishedAt when the run was first published
 * @param offered proposals this call turned into offers
 * @param withdrawn proposals this call withdrew because their request was no longer open
 * @param alreadyPublished true when the run had been published before and this call changed nothing
 * @param mentorsFull each mentor who had no free place left for a proposal, in words (those proposals are among the
 *     withdrawn)
 */
public record Publication(String runId, Instant publishedAt, int offered, int withdrawn, boolean alreadyPublished,
        List<String> mentorsFull) {

    public Publication {
        mentorsFull = mentorsFull == null ? List.of() : List.copyOf(mentorsFull);
    }
}
