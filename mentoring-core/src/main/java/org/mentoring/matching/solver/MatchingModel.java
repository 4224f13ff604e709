package org.mentoring.matching.solver;

import java.util.ArrayList;
import java.util.List;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.RequestAssignment;

/**
 * A run's open requests and their allowed mentors as flat primitive arrays, with the value of each pair under the
 * run's weights: what the construction phase works on. The objective it stands for is the constraint provider's on
 * a feasible solution: most requests matched, then the most pair value ({@link PairPreference#value}) minus the
 * load-balance weight times each mentor's {@link PairPreference#loadPoints}.
 */
final class MatchingModel {

    final List<RequestAssignment> requests;
    final List<MentorFact> mentors;
    /** The pairs of request {@code r} are at positions {@code start[r]} to {@code start[r + 1] - 1}, best first. */
    final int[] start;
    final int[] pairMentor;
    final long[] pairValue;
    /** Places each mentor has left once the settled mentorships are counted. */
    final int[] room;
    /** Each mentor's settled mentorships. */
    final int[] settledLoad;
    final long loadWeight;

    private MatchingModel(List<RequestAssignment> requests, List<MentorFact> mentors, int[] start, int[] pairMentor,
            long[] pairValue, int[] room, int[] settledLoad, long loadWeight) {
        this.requests = requests;
        this.mentors = mentors;
        this.start = start;
        this.pairMentor = pairMentor;
        this.pairValue = pairValue;
        this.room = room;
        this.settledLoad = settledLoad;
        this.loadWeight = loadWeight;
    }

    static MatchingModel of(MatchingSolution solution) {
        MatchingWeights weights = solution.getConfiguration().weights();
        List<MentorFact> mentors = solution.getMentors();
        int[] settledLoad = new int[mentors.size()];
        List<RequestAssignment> open = new ArrayList<>();
        long pairs = 0;
        for (RequestAssignment a : solution.getAssignments()) {
            if (a.isPinned()) {
                if (a.getMentor() != null) {
                    settledLoad[a.getMentor().getIndex()]++;
                }
            } else {
                open.add(a);
                pairs += a.getFeasibleMentorCount();
            }
        }
        if (pairs > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many allowed pairs: " + pairs);
        }
        int[] start = new int[open.size() + 1];
        int[] pairMentor = new int[(int) pairs];
        long[] pairValue = new long[(int) pairs];
        int p = 0;
        for (int r = 0; r < open.size(); r++) {
            RequestAssignment a = open.get(r);
            start[r] = p;
            for (MentorFact mentor : a.getFeasibleMentors()) {
                pairMentor[p] = mentor.getIndex();
                pairValue[p] = PairPreference.value(a.getRequest(), a.fitWith(mentor), weights);
                p++;
            }
        }
        start[open.size()] = p;
        int[] room = new int[mentors.size()];
        for (int m = 0; m < mentors.size(); m++) {
            if (mentors.get(m).getIndex() != m) {
                throw new IllegalStateException("mentor indexes must be their positions in the run");
            }
            room[m] = Math.max(0, mentors.get(m).getCapacity() - settledLoad[m]);
        }
        return new MatchingModel(List.copyOf(open), mentors, start, pairMentor, pairValue, room, settledLoad,
                weights.loadBalance());
    }

    /**
     * A model straight from arrays, with no assignments or mentor facts behind it ({@link ExactPairs}): each
     * request's pairs from {@code start}, each mentor's room, no settled mentorships.
     */
    static MatchingModel of(int requestCount, int[] room, int[] start, int[] pairMentor, long[] pairValue,
            long loadWeight) {
        return new MatchingModel(java.util.Collections.nCopies(requestCount, null),
                java.util.Collections.nCopies(room.length, null), start, pairMentor, pairValue, room,
                new int[room.length], loadWeight);
    }

    int requestCount() {
        return requests.size();
    }

    int mentorCount() {
        return mentors.size();
    }

    int candidateCount(int request) {
        return start[request + 1] - start[request];
    }
}
