package org.mentoring.people.persistence;

import java.util.List;
import java.util.Map;
import org.mentoring.matching.run.MatchingInputs;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.springframework.stereotype.Component;

/**
 * What a matching run reads from the store: mentors with capacity above 0 and OPEN requests. Settled pairs are
 * empty here: accepted mentorships are stored by the matching-run side, which supplies them.
 */
@Component
class StoreMatchingInputs implements MatchingInputs {

    private final MentorService mentors;
    private final RequestService requests;

    StoreMatchingInputs(MentorService mentors, RequestService requests) {
        this.mentors = mentors;
        this.requests = requests;
    }

    @Override
    public List<Mentor> mentors() {
        return mentors.withCapacity();
    }

    @Override
    public List<MentorshipRequest> openRequests() {
        return requests.withStatus(RequestStatus.OPEN);
    }

    @Override
    public Map<MentorshipRequest, String> settled() {
        return Map.of();
    }
}
