package org.mentoring.matching.domain;

import java.util.Arrays;
import java.util.List;
import org.mentoring.people.MentorshipRequest;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * One open mentorship request waiting for a mentor: the planning entity. Its mentor is null while unmatched.
 *
 * <p>Its value range holds only the mentors that pass the pair-wise hard rules (2 to 5), best fit first; their fit
 * is computed once per run and kept in primitive arrays, so that a 10,000 x 2,000 run stays small and fast. An
 * accepted mentorship is a pinned assignment: the solver never moves it, and it counts against its mentor's capacity.
 */
@PlanningEntity
public class RequestAssignment {

    public static final String MENTOR_RANGE = "feasibleMentors";

    private int index;
    private MentorshipRequest request;
    private List<MentorFact> feasibleMentors;
    /** Mentor indexes in ascending order, with the fits of those mentors at the same positions. */
    private int[] fitMentorIndexes;
    private PairFit[] fits;
    private boolean pinned;

    private MentorFact mentor;
    private PairFit currentFit;

    public RequestAssignment() {
    }

    /**
     * @param feasibleMentors the mentors this request may get, best fit first
     * @param fitsByMentor the fit of every mentor in {@code feasibleMentors}, and of the pinned mentor if any
     */
    public RequestAssignment(int index, MentorshipRequest request, List<MentorFact> feasibleMentors,
            java.util.Map<MentorFact, PairFit> fitsByMentor) {
        this.index = index;
        this.request = request;
        this.feasibleMentors = feasibleMentors;
        MentorFact[] byIndex = fitsByMentor.keySet().toArray(new MentorFact[0]);
        Arrays.sort(byIndex, (a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
        this.fitMentorIndexes = new int[byIndex.length];
        this.fits = new PairFit[byIndex.length];
        for (int i = 0; i < byIndex.length; i++) {
            fitMentorIndexes[i] = byIndex[i].getIndex();
            fits[i] = fitsByMentor.get(byIndex[i]);
        }
    }

    /**
     * @param feasibleMentors the mentors this request may get, best fit first
     * @param fitMentorIndexes the indexes of the mentors whose fit is known (every feasible one, and the pinned
     *     mentor if any), ascending
     * @param fits the fits of those mentors, at the same positions
     */
    public RequestAssignment(int index, MentorshipRequest request, List<MentorFact> feasibleMentors,
            int[] fitMentorIndexes, PairFit[] fits) {
        if (fitMentorIndexes.length != fits.length) {
            throw new IllegalArgumentException("one fit per mentor index");
        }
        for (int i = 1; i < fitMentorIndexes.length; i++) {
            if (fitMentorIndexes[i - 1] >= fitMentorIndexes[i]) {
                throw new IllegalArgumentException("mentor indexes must be ascending");
            }
        }
        this.index = index;
        this.request = request;
        this.feasibleMentors = feasibleMentors;
        this.fitMentorIndexes = fitMentorIndexes;
        this.fits = fits;
    }

    /**
     * Replaces the candidates, for example with the pairs an optimality certificate added to a pruned value range;
     * the arguments as in the constructor.
     */
    public void setCandidates(List<MentorFact> feasibleMentors, int[] fitMentorIndexes, PairFit[] fits) {
        if (fitMentorIndexes.length != fits.length) {
            throw new IllegalArgumentException("one fit per mentor index");
        }
        for (int i = 1; i < fitMentorIndexes.length; i++) {
            if (fitMentorIndexes[i - 1] >= fitMentorIndexes[i]) {
                throw new IllegalArgumentException("mentor indexes must be ascending");
            }
        }
        this.feasibleMentors = feasibleMentors;
        this.fitMentorIndexes = fitMentorIndexes;
        this.fits = fits;
        this.currentFit = mentor == null ? null : fitWith(mentor);
    }

    /** The mentor indexes whose fit this request knows, ascending (do not change the array). */
    public int[] getFitMentorIndexes() {
        return fitMentorIndexes;
    }

    /** The fits at the positions of {@link #getFitMentorIndexes} (do not change the array). */
    public PairFit[] getFits() {
        return fits;
    }

    @PlanningId
    public int getIndex() {
        return index;
    }

    public MentorshipRequest getRequest() {
        return request;
    }

    public String getExternalId() {
        return request.externalId();
    }

    public boolean isPriority() {
        return request.priority();
    }

    @ValueRangeProvider(id = MENTOR_RANGE)
    public List<MentorFact> getFeasibleMentors() {
        return feasibleMentors;
    }

    @PlanningPin
    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    /** Annotated on the getter so that OptaPlanner calls the setter, which keeps {@link #getFit()} current. */
    @PlanningVariable(valueRangeProviderRefs = MENTOR_RANGE, nullable = true)
    public MentorFact getMentor() {
        return mentor;
    }

    public void setMentor(MentorFact mentor) {
        this.mentor = mentor;
        this.currentFit = mentor == null ? null : fitWith(mentor);
    }

    /** The fit with the current mentor, or null while unmatched. */
    public PairFit getFit() {
        return currentFit;
    }

    /** The fit with any mentor this request knows (its feasible mentors and its pinned one). */
    public PairFit fitWith(MentorFact candidate) {
        int position = Arrays.binarySearch(fitMentorIndexes, candidate.getIndex());
        if (position < 0) {
            throw new IllegalArgumentException(
                    "mentor " + candidate.getExternalId() + " is not a candidate of request " + getExternalId());
        }
        return fits[position];
    }

    /** How many mentors pass this request's pair-wise hard rules. */
    public int getFeasibleMentorCount() {
        return feasibleMentors.size();
    }

    @Override
    public String toString() {
        return getExternalId() + "->" + mentor;
    }
}
