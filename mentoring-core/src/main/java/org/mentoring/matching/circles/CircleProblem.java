package org.mentoring.matching.circles;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.mentoring.matching.domain.MatchingWeights;

/**
 * What the circle engine solves: open requests, mentors, the circle settings, the pair weights (the same for a member
 * and their circle's mentor as for a pair), the circle weights, a time limit and a seed.
 */
public record CircleProblem(
        List<CircleRequest> requests,
        List<CircleMentor> mentors,
        CircleSettings settings,
        MatchingWeights weights,
        CircleWeights circleWeights,
        Duration timeLimit,
        long seed) {

    public CircleProblem {
        requests = List.copyOf(requests);
        mentors = List.copyOf(mentors);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(weights, "weights");
        circleWeights = circleWeights == null ? CircleWeights.defaults() : circleWeights;
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
    }

    /** Whether this run can form any circle: some request accepts one and some mentor leads one. */
    public boolean circlesOn() {
        return requests.stream().anyMatch(r -> r.format().acceptsCircle())
                && mentors.stream().anyMatch(m -> m.circles() > 0);
    }
}
