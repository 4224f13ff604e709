package org.mentoring.people.importing;

import java.util.ArrayList;
import java.util.List;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.RequestInput;

/**
 * Everything one import brings: mentors and requests with where each came from, and files that could not be read
 * at all.
 */
public record ImportBatch(
        List<ImportEntry<MentorInput>> mentors,
        List<ImportEntry<RequestInput>> requests,
        List<Rejection> unreadable) {

    public static final ImportBatch EMPTY = new ImportBatch(List.of(), List.of(), List.of());

    public ImportBatch {
        mentors = List.copyOf(mentors);
        requests = List.copyOf(requests);
        unreadable = List.copyOf(unreadable);
    }

    /** The records of a JSON body {@code {"mentors": [...], "requests": [...]}}; either list may be null. */
    public static ImportBatch ofJson(List<MentorInput> mentors, List<RequestInput> requests) {
        List<ImportEntry<MentorInput>> mentorEntries = new ArrayList<>();
        List<ImportEntry<RequestInput>> requestEntries = new ArrayList<>();
        if (mentors != null) {
            for (int i = 0; i < mentors.size(); i++) {
                mentorEntries.add(ImportEntry.json("mentors", i, mentors.get(i)));
            }
        }
        if (requests != null) {
            for (int i = 0; i < requests.size(); i++) {
                requestEntries.add(ImportEntry.json("requests", i, requests.get(i)));
            }
        }
        return new ImportBatch(mentorEntries, requestEntries, List.of());
    }

    /** This batch and another one together, for example a mentors file and a requests file. */
    public ImportBatch plus(ImportBatch other) {
        List<ImportEntry<MentorInput>> allMentors = new ArrayList<>(mentors);
        allMentors.addAll(other.mentors);
        List<ImportEntry<RequestInput>> allRequests = new ArrayList<>(requests);
        allRequests.addAll(other.requests);
        List<Rejection> allUnreadable = new ArrayList<>(unreadable);
        allUnreadable.addAll(other.unreadable);
        return new ImportBatch(allMentors, allRequests, allUnreadable);
    }

    public boolean isEmpty() {
        return mentors.isEmpty() && requests.isEmpty() && unreadable.isEmpty();
    }
}
