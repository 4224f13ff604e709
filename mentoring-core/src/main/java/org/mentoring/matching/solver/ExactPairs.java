package org.mentoring.matching.solver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact pairs of a problem without a solver around them: the construction phase's certified min-cost flow
 * ({@link MatchingConstructionPhase}, {@link Certification}) on the problem's model, and nothing else: no solver
 * factory, no explanations. Every pair constraint is separable ({@link MatchingConstraintProvider#exactByFlow}), so
 * these are the pairs {@link MatchingEngine#solve} proposes. The circle engine calls it several times per run.
 */
public final class ExactPairs {

    private ExactPairs() {
    }

    /** Each matched open request's external id, and its mentor's, in the problem's order. */
    public static Map<String, String> solve(MatchingProblem problem) {
        Certification.Solved solved = Certification.solve(MatchingProblemBuilder.build(problem));
        MatchingModel model = solved.model();
        MinCostMatching matching = solved.matching();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int r = 0; r < model.requestCount(); r++) {
            int mentor = matching.mentorOf(r);
            if (mentor >= 0) {
                pairs.put(model.requests.get(r).getExternalId(), model.mentors.get(mentor).getExternalId());
            }
        }
        return pairs;
    }
}
