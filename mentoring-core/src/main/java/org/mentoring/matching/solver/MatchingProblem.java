package org.mentoring.matching.solver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * What one matching run solves: the requests still open, the mentors, the settled (accepted) pairs that stay as they
 * are and count against capacity, the weights, a time limit and a random seed.
 *
 * @param openRequests requests to place
 * @param settled accepted mentorships: their requests, each with its mentor's externalId; never moved
 * @param candidatesPerRequest how many allowed mentors each request keeps in its value range, the best by pair value
 *     ({@link #DEFAULT_CANDIDATES_PER_REQUEST}); the others are left out unless the optimality certificate needs
 *     them ({@link CandidatePool}); {@link Integer#MAX_VALUE} keeps every allowed mentor
 * @param pinned the requests among {@code settled} that a coordinator pinned rather than accepted mentorships: kept
 *     with their mentors like settled pairs, but reported among the run's proposals, marked pinned
 */
public record MatchingProblem(
        List<MentorshipRequest> openRequests,
        List<Mentor> mentors,
        Map<MentorshipRequest, String> settled,
        MatchingWeights weights,
        Duration timeLimit,
        long seed,
        int candidatesPerRequest,
        Set<String> pinned) {

    /** Enough for the flow's answer to be certified in one or two solves on generated communities. */
    public static final int DEFAULT_CANDIDATES_PER_REQUEST = 50;

    /** A problem without pinned pairs. */
    public MatchingProblem(List<MentorshipRequest> openRequests, List<Mentor> mentors,
            Map<MentorshipRequest, String> settled, MatchingWeights weights, Duration timeLimit, long seed,
            int candidatesPerRequest) {
        this(openRequests, mentors, settled, weights, timeLimit, seed, candidatesPerRequest, Set.of());
    }

    /** A problem that keeps the default number of candidates per request. */
    public MatchingProblem(List<MentorshipRequest> openRequests, List<Mentor> mentors,
            Map<MentorshipRequest, String> settled, MatchingWeights weights, Duration timeLimit, long seed) {
        this(openRequests, mentors, settled, weights, timeLimit, seed, DEFAULT_CANDIDATES_PER_REQUEST);
    }

    public MatchingProblem {
        if (candidatesPerRequest < 1) {
            throw new IllegalArgumentException("candidatesPerRequest must be at least 1");
        }
        openRequests = List.copyOf(openRequests);
        mentors = List.copyOf(mentors);
        settled = Map.copyOf(settled);
        pinned = Set.copyOf(pinned);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
    }

    /** The same problem keeping at most this many candidates per request. */
    public MatchingProblem withCandidatesPerRequest(int candidates) {
        return new MatchingProblem(openRequests, mentors, settled, weights, timeLimit, seed, candidates, pinned);
    }

    /** A problem with no settled pairs. */
    public static MatchingProblem of(List<MentorshipRequest> requests, List<Mentor> mentors, MatchingWeights weights,
            Duration timeLimit, long seed) {
        return new MatchingProblem(requests, mentors, Map.of(), weights, timeLimit, seed);
    }
}
