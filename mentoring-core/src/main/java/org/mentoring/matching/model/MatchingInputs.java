package org.mentoring.matching.model;

import java.util.List;
import java.util.Map;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * Where a matching run reads its people from: the store in the app, a fixed list in tests. Read once when a run
 * starts; the snapshot is what the run solves.
 */
public interface MatchingInputs {

    /** Every mentor who may take mentees (capacity above 0 or with settled mentees). */
    List<Mentor> mentors();

    /** Requests still waiting for a mentor. */
    List<MentorshipRequest> openRequests();

    /** Accepted (active) mentorships: each request with its mentor's externalId; they stay and use capacity. */
    Map<MentorshipRequest, String> settled();

    /** All three at once, as a run reads them when it starts. */
    default InputSnapshot snapshot() {
        return new InputSnapshot(mentors(), openRequests(), settled());
    }

    /**
     * All three at once, with only the open requests of one cycle (settled pairs of every cycle still hold their
     * mentors' places); inputs that know no cycles (a fixed list) give everything.
     *
     * @param cycle a cycle's code; null for every cycle
     */
    default InputSnapshot snapshot(String cycle) {
        return snapshot();
    }
}
