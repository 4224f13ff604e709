package org.mentoring.matching.domain;

import java.util.Comparator;

/** Harder requests are placed first: those with fewer mentors to choose from, then the programme's priorities. */
public class RequestDifficultyComparator implements Comparator<RequestAssignment> {

    private static final Comparator<RequestAssignment> ORDER = Comparator
            .comparingInt((RequestAssignment a) -> -a.getFeasibleMentorCount())
            .thenComparing(RequestAssignment::isPriority)
            .thenComparingInt(a -> -a.getIndex());

    @Override
    public int compare(RequestAssignment a, RequestAssignment b) {
        return ORDER.compare(a, b);
    }
}
