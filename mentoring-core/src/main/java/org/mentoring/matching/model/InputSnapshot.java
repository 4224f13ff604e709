package org.mentoring.matching.model;

import java.util.List;
import java.util.Map;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * The people a run read when it started, kept with the run so that it can be repeated and audited whatever changes
 * in the store later.
 *
 * @param pinned the coordinator's pins the run keeps: request externalId (one of the open requests) to mentor
 *     externalId; the run assigns them before it places the rest
 * @param droppedPins the pins the run could no longer keep: request externalId to the reason, in plain words
 */
public record InputSnapshot(List<Mentor> mentors, List<MentorshipRequest> openRequests,
        Map<MentorshipRequest, String> settled, Map<String, String> pinned, Map<String, String> droppedPins)
        implements MatchingInputs {

    public InputSnapshot {
        mentors = List.copyOf(mentors);
        openRequests = List.copyOf(openRequests);
        settled = Map.copyOf(settled);
        pinned = Map.copyOf(pinned);
        droppedPins = Map.copyOf(droppedPins);
    }

    /** A snapshot without pins. */
    public InputSnapshot(List<Mentor> mentors, List<MentorshipRequest> openRequests,
            Map<MentorshipRequest, String> settled) {
        this(mentors, openRequests, settled, Map.of(), Map.of());
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
