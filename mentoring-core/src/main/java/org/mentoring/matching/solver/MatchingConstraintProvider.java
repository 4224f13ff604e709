package org.mentoring.matching.solver;

import static org.mentoring.matching.domain.MatchingConstraintConfiguration.CROSS_INSTITUTION;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.DOMAIN_AFFINITY;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.EXTRA_OVERLAP;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.GOALS;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.LOAD_BALANCE;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.PREFERRED_MENTOR;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.PRIORITY;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;

import java.util.List;
import java.util.Map;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.RequestAssignment;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The matching rules of PRODUCT.md as OptaPlanner constraints.
 *
 * <ul>
 *   <li>Hard: a mentor's capacity, one point per mentee over it (pinned, accepted, mentorships count). The pair-wise
 *   hard rules ({@link #CANDIDATE_RULES}: time together, dates, conflicts, language) are no constraints: a request's
 *   value range holds only the mentors that pass them ({@link MatchingProblemBuilder}), so no solution can break
 *   one, and an accepted mentorship stays as it is. A feasible answer has hard 0.</li>
 *   <li>Medium: minus one per unmatched request, so that one more match beats any soft gain.</li>
 *   <li>Soft: the weighted preferences, each with its per-run weight from
 *   {@link org.mentoring.matching.domain.MatchingWeights}: those of a pair on its own ({@link PairPreference}) and
 *   a balanced load.</li>
 * </ul>
 *
 * <p>Every constraint is declared in {@link #SEPARABILITY}: SEPARABLE when the min-cost flow of the construction
 * phase ({@link MinCostMatching}) optimises it exactly (a value per pair, a capacity, or a convex cost of a mentor's
 * load), NOT_SEPARABLE otherwise. While every active constraint is separable, the flow's answer is the proven
 * optimum and the run ends there; otherwise local search follows.
 */
public class MatchingConstraintProvider implements ConstraintProvider {

    public static final String CAPACITY = "Mentor capacity";
    public static final String UNMATCHED = "Unmatched request";
    /** The pair-wise hard rules, enforced by each request's candidates rather than by constraints. */
    public static final String TIME_TOGETHER = "Enough time together";
    public static final String DATES = "Mentor available on the start date";
    public static final String CONFLICT = "No conflict of interest";
    public static final String LANGUAGE = "Shared language";
    public static final List<String> CANDIDATE_RULES = List.of(TIME_TOGETHER, DATES, CONFLICT, LANGUAGE);

    /** Whether the min-cost flow optimises a constraint exactly. */
    public enum Separability {
        /** A value per matched pair, a capacity, or a convex cost of each mentor's load: the flow is exact. */
        SEPARABLE,
        /** Anything else (for example a value of two pairs together): local search must follow the flow. */
        NOT_SEPARABLE
    }

    /** Every constraint of {@link #defineConstraints}, by name; a test fails if one is missing. */
    public static final Map<String, Separability> SEPARABILITY = Map.of(
            CAPACITY, Separability.SEPARABLE,
            UNMATCHED, Separability.SEPARABLE,
            DOMAIN_AFFINITY, Separability.SEPARABLE,
            GOALS, Separability.SEPARABLE,
            PREFERRED_MENTOR, Separability.SEPARABLE,
            EXTRA_OVERLAP, Separability.SEPARABLE,
            PRIORITY, Separability.SEPARABLE,
            CROSS_INSTITUTION, Separability.SEPARABLE,
            // convex in each mentor's load only while its weight is not negative (MatchingWeights refuses that)
            LOAD_BALANCE, Separability.SEPARABLE);

    /**
     * Whether the flow's answer is provably optimal under these weights: every constraint that counts (hard and
     * medium ones always, a soft one when its weight is not 0) is separable, and the load cost is convex.
     */
    public static boolean exactByFlow(MatchingWeights weights) {
        if (weights.loadBalance() < 0) {
            return false;
        }
        for (Map.Entry<String, Separability> constraint : SEPARABILITY.entrySet()) {
            if (constraint.getValue() != Separability.SEPARABLE && isActive(constraint.getKey(), weights)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isActive(String constraint, MatchingWeights weights) {
        if (constraint.equals(LOAD_BALANCE)) {
            return weights.loadBalance() != 0;
        }
        for (PairPreference preference : PairPreference.values()) {
            if (preference.constraintName().equals(constraint)) {
                return preference.weight(weights) != 0;
            }
        }
        return true;
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            // Hard
            mentorCapacity(factory),
            // Medium
            unmatchedRequest(factory),
            // Soft
            researchDomainAffinity(factory),
            goalsMetByTopics(factory),
            preferredMentor(factory),
            moreTimeTogether(factory),
            priorityRequestMatched(factory),
            crossesInstitutionsAndCountries(factory),
            balancedMentorLoad(factory),
        };
    }

    // A mentor's accepted and proposed mentees never exceed their capacity.
    Constraint mentorCapacity(ConstraintFactory factory) {
        return factory.forEach(RequestAssignment.class)
                .groupBy(RequestAssignment::getMentor, count())
                .filter((mentor, mentees) -> mentees > mentor.getCapacity())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (mentor, mentees) -> mentees - mentor.getCapacity())
                .justifyWith((mentor, mentees, score) -> new MentorLoadJustification(CAPACITY,
                        mentor.getExternalId(), mentees, mentor.getCapacity(),
                        mentor.getExternalId() + " has " + mentees + " mentees for " + mentor.getCapacity()
                                + " places"))
                .asConstraint(CAPACITY);
    }

    // Every request gets a mentor if the hard rules allow it.
    Constraint unmatchedRequest(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(RequestAssignment.class)
                .filter(a -> a.getMentor() == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, a -> 1L)
                .justifyWith((a, score) -> new PairJustification(UNMATCHED, a.getExternalId(), null,
                        Wording.same("no mentor placed")))
                .asConstraint(UNMATCHED);
    }

    // Prefer mentors whose expertise matches the request's ranked domains, closest on the taxonomy first.
    Constraint researchDomainAffinity(ConstraintFactory factory) {
        return pairPreference(factory, PairPreference.DOMAIN_AFFINITY);
    }

    // Prefer mentors whose mentoring topics cover the request's goals.
    Constraint goalsMetByTopics(ConstraintFactory factory) {
        return pairPreference(factory, PairPreference.GOALS);
    }

    // Prefer the mentors a mentee ranked, the first most.
    Constraint preferredMentor(ConstraintFactory factory) {
        return pairPreference(factory, PairPreference.PREFERRED_MENTOR);
    }

    // Prefer more weekly time together than the minimum, per 30 minutes, up to 2 hours more.
    Constraint moreTimeTogether(ConstraintFactory factory) {
        return pairPreference(factory, PairPreference.EXTRA_OVERLAP);
    }

    // Prefer placing the requests the programme flags for equity.
    Constraint priorityRequestMatched(ConstraintFactory factory) {
        return pairPreference(factory, PairPreference.PRIORITY);
    }

    // Prefer pairs that cross institutions and countries, one point for each boundary.
    Constraint crossesInstitutionsAndCountries(ConstraintFactory factory) {
        return pairPreference(factory, PairPreference.CROSS_INSTITUTION);
    }

    /** Rewards each matched pair (pinned ones included) with the preference's points, times its run weight. */
    private static Constraint pairPreference(ConstraintFactory factory, PairPreference preference) {
        return factory.forEach(RequestAssignment.class)
                .filter(a -> preference.points(a) > 0)
                .rewardConfigurableLong(preference::points)
                .justifyWith((a, score) -> pair(preference.constraintName(), a, preference.justify(a)))
                .asConstraint(preference.constraintName());
    }

    // Spread mentees across mentors: each mentor costs the square of their number of mentees.
    Constraint balancedMentorLoad(ConstraintFactory factory) {
        return factory.forEach(RequestAssignment.class)
                .groupBy(RequestAssignment::getMentor, count())
                .penalizeConfigurableLong((mentor, mentees) -> PairPreference.loadPoints(mentees))
                .justifyWith((mentor, mentees, score) -> new MentorLoadJustification(LOAD_BALANCE,
                        mentor.getExternalId(), mentees, mentor.getCapacity(),
                        mentor.getExternalId() + " mentors " + mentees + " of " + mentor.getCapacity()))
                .asConstraint(LOAD_BALANCE);
    }

    private static PairJustification pair(String constraint, RequestAssignment a, Wording text) {
        MentorFact mentor = a.getMentor();
        return new PairJustification(constraint, a.getExternalId(), mentor == null ? null : mentor.getExternalId(),
                text);
    }
}
