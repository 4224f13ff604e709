package org.mentoring.matching.solver;

import java.util.Arrays;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.RequestAssignment;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The construction phase: places every open request at once by solving the run as a min-cost flow over primitive
 * arrays ({@link MinCostMatching}), instead of trying each mentor of each request through the score director. The
 * constraints' score of a feasible solution is separable (each pair's soft value, the priority bonus of each matched
 * request, and a convex cost per mentor's load), so the flow's answer matches as many requests as the hard rules
 * allow and, among those answers, has the best soft score: the proven optimum, where the run ends
 * ({@link MatchingEngine#stopsAtProof}). When the builder pruned the candidates, the answer is certified over the pairs
 * left out, adding any that could improve it and solving again ({@link Certification}). Local search follows only when a constraint that is not separable is
 * active.
 */
public class MatchingConstructionPhase implements CustomPhaseCommand<MatchingSolution> {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingConstructionPhase.class);

    @Override
    public void changeWorkingSolution(ScoreDirector<MatchingSolution> scoreDirector) {
        long start = System.nanoTime();
        Certification.Solved solved = Certification.solve(scoreDirector.getWorkingSolution());
        MatchingModel model = solved.model();
        MinCostMatching matching = solved.matching();
        LOG.info("Construction: {} of {} open requests matched, value {}; flow (and certificate) in {} ms",
                matching.matchedCount(), model.requestCount(), matching.objectiveValue(),
                (System.nanoTime() - start) / 1_000_000);
        for (int r = 0; r < model.requestCount(); r++) {
            RequestAssignment assignment = model.requests.get(r);
            int mentor = matching.mentorOf(r);
            MentorFact target = mentor < 0 ? null : model.mentors.get(mentor);
            if (assignment.getMentor() != target) {
                scoreDirector.beforeVariableChanged(assignment, "mentor");
                assignment.setMentor(target);
                scoreDirector.afterVariableChanged(assignment, "mentor");
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /** The assignment the phase makes, as mentor indexes per open request in solution order (-1 unmatched). */
    static int[] construct(MatchingSolution solution) {
        Certification.Solved solved = Certification.solve(solution);
        MatchingModel model = solved.model();
        MinCostMatching matching = solved.matching();
        int[] mentorOf = new int[model.requestCount()];
        Arrays.setAll(mentorOf, matching::mentorOf);
        return mentorOf;
    }
}
