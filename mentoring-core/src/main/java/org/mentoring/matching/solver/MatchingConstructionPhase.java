package org.mentoring.matching.solver;

import java.util.Arrays;
import org.mentoring.matching.domain.MatchingSolution;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.RequestAssignment;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The construction phase: places every open request in one pass over arrays instead of trying each mentor of each
 * request through the score director. It takes the allowed pairs best first (on a tie the request with fewer
 * mentors to choose from first), then moves mentees along augmenting paths until no more requests can be matched,
 * then improves the pairs' value by relocating, swapping and ejecting mentees while that pays. The solution it
 * leaves breaks no hard rule and matches as many requests as the hard rules allow; local search then polishes it.
 */
public class MatchingConstructionPhase implements CustomPhaseCommand<MatchingSolution> {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingConstructionPhase.class);

    @Override
    public void changeWorkingSolution(ScoreDirector<MatchingSolution> scoreDirector) {
        long start = System.nanoTime();
        MatchingModel model = MatchingModel.of(scoreDirector.getWorkingSolution());
        MatchingState state = new MatchingState(model);
        state.placeBestPairsFirst();
        long greedy = state.objectiveValue();
        int greedyMatched = state.matchedCount();
        state.augmentToMaximumMatching();
        int augmentedMatched = state.matchedCount();
        state.improve();
        LOG.info("Construction: {} of {} requests matched (greedy {}), value {} (greedy {}), in {} ms",
                state.matchedCount(), model.requestCount(), greedyMatched, state.objectiveValue(), greedy,
                (System.nanoTime() - start) / 1_000_000);
        if (state.matchedCount() < augmentedMatched) {
            throw new IllegalStateException("improving lost a match");
        }
        long flowStart = System.nanoTime();
        MatchingState exact = new MatchingState(model);
        exact.solveByShortestPaths();
        LOG.info("Shortest paths: {} matched, value {}, in {} ms", exact.matchedCount(), exact.objectiveValue(),
                (System.nanoTime() - flowStart) / 1_000_000);
        write(scoreDirector, model, exact);
    }

    private static void write(ScoreDirector<MatchingSolution> scoreDirector, MatchingModel model,
            MatchingState state) {
        for (int r = 0; r < model.requestCount(); r++) {
            RequestAssignment assignment = model.requests.get(r);
            int mentor = state.mentorOf(r);
            MentorFact target = mentor < 0 ? null : model.mentors.get(mentor);
            if (assignment.getMentor() != target) {
                scoreDirector.beforeVariableChanged(assignment, "mentor");
                assignment.setMentor(target);
                scoreDirector.afterVariableChanged(assignment, "mentor");
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /** Exposed for tests: the assignment the phase would make, as mentor indexes per open request (-1 unmatched). */
    static int[] construct(MatchingSolution solution) {
        MatchingModel model = MatchingModel.of(solution);
        MatchingState state = new MatchingState(model);
        state.placeBestPairsFirst();
        state.augmentToMaximumMatching();
        state.improve();
        int[] mentorOf = new int[model.requestCount()];
        Arrays.setAll(mentorOf, state::mentorOf);
        return mentorOf;
    }
}
