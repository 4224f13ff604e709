package org.mentoring.matching.solver;

import java.util.List;
import org.mentoring.matching.domain.MatchingConstraintConfiguration;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.RequestAssignment;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * One matching run's planning problem and, once solved, its answer. Built fresh for each run by
 * {@link MatchingProblemBuilder}; never stored or sent as it is.
 *
 * <p>Score levels: hard counts broken hard rules (a feasible answer has 0); medium is minus the number of
 * unmatched requests, so that matching one more request always beats any soft gain; soft sums the weighted
 * preferences.
 */
@PlanningSolution
public class MatchingSolution {

    @ProblemFactCollectionProperty
    private List<MentorFact> mentors;
    @PlanningEntityCollectionProperty
    private List<RequestAssignment> assignments;
    @ConstraintConfigurationProvider
    private MatchingConstraintConfiguration configuration;
    @PlanningScore
    private HardMediumSoftLongScore score;
    /** The pairs the candidate pruning left out of the value ranges, and the certificate over them; may be null. */
    private CandidatePool candidatePool;

    public MatchingSolution() {
    }

    public MatchingSolution(List<MentorFact> mentors, List<RequestAssignment> assignments,
            MatchingConstraintConfiguration configuration) {
        this.mentors = mentors;
        this.assignments = assignments;
        this.configuration = configuration;
    }

    public List<MentorFact> getMentors() {
        return mentors;
    }

    public List<RequestAssignment> getAssignments() {
        return assignments;
    }

    public MatchingConstraintConfiguration getConfiguration() {
        return configuration;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    /** What the candidate pruning left out, and whether the answer is certified over it; null if not pruned. */
    public CandidatePool getCandidatePool() {
        return candidatePool;
    }

    public void setCandidatePool(CandidatePool candidatePool) {
        this.candidatePool = candidatePool;
    }

    /** Requests that have a mentor, pinned ones included. */
    public long matchedCount() {
        return assignments.stream().filter(a -> a.getMentor() != null).count();
    }
}
