package org.mentoring.matching.circles;

/** A mentor's one-to-one places: as many requests as their capacity. */
public final class PairPlace extends Place {

    private final int loadWeight;

    public PairPlace(CircleMentor mentor, int mentorIndex, int loadWeight) {
        super(mentor, mentorIndex);
        this.loadWeight = loadWeight;
    }

    /** The load-balance weight of the run: times the square of the mentor's one-to-one mentees. */
    public int getLoadWeight() {
        return loadWeight;
    }

    public int getCapacity() {
        return getMentor().capacity();
    }

    @Override
    public boolean isCircle() {
        return false;
    }

    @Override
    public String toString() {
        return "pair with " + getMentor().id();
    }
}
