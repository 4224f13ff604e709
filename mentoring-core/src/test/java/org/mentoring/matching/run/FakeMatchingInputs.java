package org.mentoring.matching.run;

import java.util.List;
import java.util.Map;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/** A generated community standing in for the store; a test may swap it. */
class FakeMatchingInputs implements MatchingInputs {

    private volatile InputSnapshot snapshot;

    FakeMatchingInputs() {
        use(60, 15);
    }

    /** A community of {@code requests} requests and {@code mentors} mentors, always the same for the same sizes. */
    void use(int requests, int mentors) {
        CommunityGenerator.Community community = new CommunityGenerator(7).generate(requests, mentors);
        snapshot = new InputSnapshot(community.mentors(), community.requests(), Map.of());
    }

    void use(InputSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public List<Mentor> mentors() {
        return snapshot.mentors();
    }

    @Override
    public List<MentorshipRequest> openRequests() {
        return snapshot.openRequests();
    }

    @Override
    public Map<MentorshipRequest, String> settled() {
        return snapshot.settled();
    }
}
