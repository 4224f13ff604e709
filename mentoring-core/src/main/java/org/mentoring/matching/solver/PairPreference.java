package org.mentoring.matching.solver;

import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import org.mentoring.matching.domain.MatchingConstraintConfiguration;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.MentorshipRequest;

/**
 * The soft preferences that one matched pair earns on its own, each with its points and its per-run weight, and the
 * load-balance cost of a mentor: the one definition of a pair's value. The constraints reward these points
 * ({@link MatchingConstraintProvider}), the min-cost flow and the candidate order use {@link #value} and
 * {@link #loadPoints}, and the justifications of each constraint are the explanation lines.
 */
public enum PairPreference {

    /** Per affinity point: 3, 2 or 1 per requested domain by taxonomy closeness, times 3, 2, 1 by its rank. */
    DOMAIN_AFFINITY(MatchingConstraintConfiguration.DOMAIN_AFFINITY, MatchingWeights::domainAffinity,
            (request, fit) -> fit.affinity(), Explanations::domains),
    /** Per request goal that is one of the mentor's topics. */
    GOALS(MatchingConstraintConfiguration.GOALS, MatchingWeights::goals,
            (request, fit) -> fit.goalsMet(), Explanations::goals),
    /** 3 points for the first preferred mentor, 2 for the second, 1 for any later. */
    PREFERRED_MENTOR(MatchingConstraintConfiguration.PREFERRED_MENTOR, MatchingWeights::preferredMentor,
            (request, fit) -> fit.preferenceRank() < 0 ? 0 : Math.max(1, 3 - fit.preferenceRank()),
            (a, names) -> Explanations.preference(a)),
    /** Per whole 30 minutes a week beyond the request's minimum, up to 2 hours. */
    EXTRA_OVERLAP(MatchingConstraintConfiguration.EXTRA_OVERLAP, MatchingWeights::extraOverlap,
            (request, fit) -> {
                int extra = fit.overlapMinutes() - request.minOverlapMinutes();
                return extra <= 0 ? 0 : Math.min(4, extra / 30);
            }, (a, names) -> Explanations.time(a)),
    /** 1 point for placing a request the programme flags for equity. */
    PRIORITY(MatchingConstraintConfiguration.PRIORITY, MatchingWeights::priority,
            (request, fit) -> request.priority() ? 1 : 0, (a, names) -> Explanations.priority()),
    /** 1 point for another institution, 1 for another country. */
    CROSS_INSTITUTION(MatchingConstraintConfiguration.CROSS_INSTITUTION, MatchingWeights::crossInstitution,
            (request, fit) -> (fit.crossesInstitution() ? 1 : 0) + (fit.crossesCountry() ? 1 : 0),
            Explanations::crossing);

    /** The points of one preference for one pair. */
    @FunctionalInterface
    interface Points {
        long of(MentorshipRequest request, PairFit fit);
    }

    private final String constraintName;
    private final ToIntFunction<MatchingWeights> weight;
    private final Points points;
    private final BiFunction<RequestAssignment, Naming, Wording> justification;

    PairPreference(String constraintName, ToIntFunction<MatchingWeights> weight, Points points,
            BiFunction<RequestAssignment, Naming, Wording> justification) {
        this.constraintName = constraintName;
        this.weight = weight;
        this.points = points;
        this.justification = justification;
    }

    /** The name of its constraint, as in the README's table and the weights' names. */
    public String constraintName() {
        return constraintName;
    }

    /** Its weight in a run's weights. */
    public int weight(MatchingWeights weights) {
        return weight.applyAsInt(weights);
    }

    /** Its points for a pair, before the weight. */
    public long points(MentorshipRequest request, PairFit fit) {
        return points.of(request, fit);
    }

    long points(RequestAssignment matched) {
        return points(matched.getRequest(), matched.getFit());
    }

    Wording justify(RequestAssignment matched) {
        return justify(matched, Explanations.naming());
    }

    /** Its line for a matched pair, with the names of {@code names}. */
    Wording justify(RequestAssignment matched, Naming names) {
        return justification.apply(matched, names);
    }

    /** The soft value of a matched pair on its own under the weights: every preference's points times its weight. */
    public static long value(MentorshipRequest request, PairFit fit, MatchingWeights weights) {
        long value = 0;
        for (PairPreference preference : values()) {
            value += preference.weight(weights) * preference.points(request, fit);
        }
        return value;
    }

    /** The load-balance points of a mentor with this many mentees (settled ones included): the square. */
    public static long loadPoints(long mentees) {
        return mentees * mentees;
    }

    /** What one more mentee adds to {@link #loadPoints} of a mentor who has {@code mentees}: convex in the load. */
    public static long nextMenteeLoadPoints(long mentees) {
        return loadPoints(mentees + 1) - loadPoints(mentees);
    }
}
