package org.mentoring.matching.model;

import java.util.List;
import java.util.Map;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * The people a run read when it started, kept with the run so that it can be repeated and audited whatever changes
 * in the store later.
 */
public record InputSnapshot(List<Mentor> mentors, List<MentorshipRequest> openRequests,
        Map<MentorshipRequest, String> settled) implements MatchingInputs {

    public InputSnapshot {
        mentors = List.copyOf(mentors);
        openRequests = List.copyOf(openRequests);
        settled = Map.copyOf(settled);
    }

    /** Reads every part of {@code inputs} once. */
    public static InputSnapshot of(MatchingInputs inputs) {
        return inputs.snapshot();
    }

    /** Reads every part of {@code inputs} once, with the open requests of one cycle (null: every cycle). */
    public static InputSnapshot of(MatchingInputs inputs, String cycle) {
        return inputs.snapshot(cycle);
    }

    @Override
    public InputSnapshot snapshot() {
        return this;
    }
}
