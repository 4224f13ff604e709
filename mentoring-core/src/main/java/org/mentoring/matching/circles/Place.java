package org.mentoring.matching.circles;

/** Where a request can be placed: a mentor one-to-one ({@link PairPlace}) or a circle a mentor leads ({@link CircleSlot}). */
public abstract sealed class Place permits PairPlace, CircleSlot {

    private final CircleMentor mentor;
    private final int mentorIndex;

    Place(CircleMentor mentor, int mentorIndex) {
        this.mentor = mentor;
        this.mentorIndex = mentorIndex;
    }

    public CircleMentor getMentor() {
        return mentor;
    }

    public int getMentorIndex() {
        return mentorIndex;
    }

    public abstract boolean isCircle();
}
