package org.mentoring.matching.domain;

import org.mentoring.people.Mentor;

/**
 * A mentor as the solver sees them: a planning value with the capacity left for this run. Built fresh for each
 * run from a {@link Mentor}.
 */
public class MentorFact {

    private final int index;
    private final Mentor mentor;

    public MentorFact(int index, Mentor mentor) {
        this.index = index;
        this.mentor = mentor;
    }

    /** Position of this mentor in the run's mentor list; unique within a run. */
    public int getIndex() {
        return index;
    }

    public Mentor getMentor() {
        return mentor;
    }

    public String getExternalId() {
        return mentor.externalId();
    }

    public int getCapacity() {
        return mentor.capacity();
    }

    @Override
    public String toString() {
        return mentor.externalId();
    }
}
