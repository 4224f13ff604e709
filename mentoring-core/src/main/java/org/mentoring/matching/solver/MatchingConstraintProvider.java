package org.mentoring.matching.solver;

import static org.mentoring.matching.domain.MatchingConstraintConfiguration.CROSS_INSTITUTION;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.DOMAIN_AFFINITY;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.EXTRA_OVERLAP;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.GOALS;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.LOAD_BALANCE;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.PREFERRED_MENTOR;
import static org.mentoring.matching.domain.MatchingConstraintConfiguration.PRIORITY;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;

import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The matching rules of PRODUCT.md as OptaPlanner constraints.
 *
 * <ul>
 *   <li>Hard: a broken hard rule. Capacity counts every mentee over a mentor's capacity; the pair-wise rules (time
 *   together, dates, conflicts, language) count each proposed pair that breaks one. Pinned (accepted) mentorships
 *   are settled and only count against capacity. A feasible answer has hard 0.</li>
 *   <li>Medium: minus one per unmatched request, so that one more match beats any soft gain.</li>
 *   <li>Soft: the weighted preferences, each with its per-run weight from
 *   {@link org.mentoring.matching.domain.MatchingWeights}.</li>
 * </ul>
 */
public class MatchingConstraintProvider implements ConstraintProvider {

    public static final String CAPACITY = "Mentor capacity";
    public static final String TIME_TOGETHER = "Enough time together";
    public static final String DATES = "Mentor available on the start date";
    public static final String CONFLICT = "No conflict of interest";
    public static final String LANGUAGE = "Shared language";
    public static final String UNMATCHED = "Unmatched request";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            // Hard
            mentorCapacity(factory),
            enoughTimeTogether(factory),
            mentorAvailableOnStartDate(factory),
            noConflictOfInterest(factory),
            sharedLanguage(factory),
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

    // A proposed pair has at least the request's minimum weekly time together.
    Constraint enoughTimeTogether(ConstraintFactory factory) {
        return pairBreaking(factory, HardRule.TIME_TOGETHER, TIME_TOGETHER);
    }

    // A proposed mentor is available on the request's start date.
    Constraint mentorAvailableOnStartDate(ConstraintFactory factory) {
        return pairBreaking(factory, HardRule.DATES, DATES);
    }

    // A proposed mentor is never one the request excludes, nor the researcher themself.
    Constraint noConflictOfInterest(ConstraintFactory factory) {
        return pairBreaking(factory, HardRule.CONFLICT, CONFLICT);
    }

    // A proposed pair shares at least one language.
    Constraint sharedLanguage(ConstraintFactory factory) {
        return pairBreaking(factory, HardRule.LANGUAGE, LANGUAGE);
    }

    private Constraint pairBreaking(ConstraintFactory factory, HardRule rule, String name) {
        return factory.forEach(RequestAssignment.class)
                .filter(a -> !a.isPinned() && a.getFit().breaks(rule))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> 1L)
                .justifyWith((a, score) -> pair(name, a, Explanations.broken(rule, a)))
                .asConstraint(name);
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
        return factory.forEach(RequestAssignment.class)
                .filter(a -> a.getFit().affinity() > 0)
                .rewardConfigurableLong(a -> a.getFit().affinity())
                .justifyWith((a, score) -> pair(DOMAIN_AFFINITY, a, Explanations.domains(a)))
                .asConstraint(DOMAIN_AFFINITY);
    }

    // Prefer mentors whose mentoring topics cover the request's goals.
    Constraint goalsMetByTopics(ConstraintFactory factory) {
        return factory.forEach(RequestAssignment.class)
                .filter(a -> a.getFit().goalsMet() > 0)
                .rewardConfigurableLong(a -> a.getFit().goalsMet())
                .justifyWith((a, score) -> pair(GOALS, a, Explanations.goals(a)))
                .asConstraint(GOALS);
    }

    // Prefer the mentors a mentee ranked, the first most.
    Constraint preferredMentor(ConstraintFactory factory) {
        return factory.forEach(RequestAssignment.class)
                .filter(a -> a.getFit().preferenceRank() >= 0)
                .rewardConfigurableLong(a -> preferencePoints(a.getFit()))
                .justifyWith((a, score) -> pair(PREFERRED_MENTOR, a, Explanations.preference(a)))
                .asConstraint(PREFERRED_MENTOR);
    }

    // Prefer more weekly time together than the minimum, per 30 minutes, up to 2 hours more.
    Constraint moreTimeTogether(ConstraintFactory factory) {
        return factory.forEach(RequestAssignment.class)
                .filter(a -> extraHalfHours(a) > 0)
                .rewardConfigurableLong(MatchingConstraintProvider::extraHalfHours)
                .justifyWith((a, score) -> pair(EXTRA_OVERLAP, a, Explanations.time(a)))
                .asConstraint(EXTRA_OVERLAP);
    }

    // Prefer placing the requests the programme flags for equity.
    Constraint priorityRequestMatched(ConstraintFactory factory) {
        return factory.forEach(RequestAssignment.class)
                .filter(RequestAssignment::isPriority)
                .rewardConfigurableLong(a -> 1L)
                .justifyWith((a, score) -> pair(PRIORITY, a, Explanations.priority()))
                .asConstraint(PRIORITY);
    }

    // Prefer pairs that cross institutions and countries, one point for each boundary.
    Constraint crossesInstitutionsAndCountries(ConstraintFactory factory) {
        return factory.forEach(RequestAssignment.class)
                .filter(a -> boundariesCrossed(a.getFit()) > 0)
                .rewardConfigurableLong(a -> boundariesCrossed(a.getFit()))
                .justifyWith((a, score) -> pair(CROSS_INSTITUTION, a, Explanations.crossing(a)))
                .asConstraint(CROSS_INSTITUTION);
    }

    // Spread mentees across mentors: each mentor costs the square of their number of mentees.
    Constraint balancedMentorLoad(ConstraintFactory factory) {
        return factory.forEach(RequestAssignment.class)
                .groupBy(RequestAssignment::getMentor, count())
                .penalizeConfigurableLong((mentor, mentees) -> (long) mentees * mentees)
                .justifyWith((mentor, mentees, score) -> new MentorLoadJustification(LOAD_BALANCE,
                        mentor.getExternalId(), mentees, mentor.getCapacity(),
                        mentor.getExternalId() + " mentors " + mentees + " of " + mentor.getCapacity()))
                .asConstraint(LOAD_BALANCE);
    }

    static long preferencePoints(PairFit fit) {
        return Math.max(1, 3 - fit.preferenceRank());
    }

    static long extraHalfHours(RequestAssignment a) {
        int extra = a.getFit().overlapMinutes() - a.getRequest().minOverlapMinutes();
        return extra <= 0 ? 0 : Math.min(4, extra / 30);
    }

    static long boundariesCrossed(PairFit fit) {
        return (fit.crossesInstitution() ? 1 : 0) + (fit.crossesCountry() ? 1 : 0);
    }

    private static PairJustification pair(String constraint, RequestAssignment a, Wording text) {
        MentorFact mentor = a.getMentor();
        return new PairJustification(constraint, a.getExternalId(), mentor == null ? null : mentor.getExternalId(),
                text);
    }
}
