package org.mentoring.matching.solver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * What one matching run solves: the requests still open, the mentors, the settled (accepted) pairs that stay as they
 * are and count against capacity, the weights, a time limit and a random seed.
 *
 * @param openRequests requests to place
 * @param settled accepted mentorships: their requests, each with its mentor's externalId; never moved
 */
public record MatchingProblem(
        List<MentorshipRequest> openRequests,
        List<Mentor> mentors,
        Map<MentorshipRequest, String> settled,
        MatchingWeights weights,
        Duration timeLimit,
        long seed) {

    public MatchingProblem {
        openRequests = List.copyOf(openRequests);
        mentors = List.copyOf(mentors);
        settled = Map.copyOf(settled);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
    }

    /** A problem with no settled pairs. */
    public static MatchingProblem of(List<MentorshipRequest> requests, List<Mentor> mentors, MatchingWeights weights,
            Duration timeLimit, long seed) {
        return new MatchingProblem(requests, mentors, Map.of(), weights, timeLimit, seed);
    }
}
