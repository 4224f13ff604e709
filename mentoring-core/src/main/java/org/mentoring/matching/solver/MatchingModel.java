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
     * This model with the pairs of the given requests read again from their value ranges (after the certificate
     * added candidates to them), the same as {@link #of(MatchingSolution)} would build, without valuing every other
     * pair again: their ranges are copied.
     *
     * @param changed per open request (model order), whether its value range changed
     */
    MatchingModel withRangesOf(boolean[] changed, MatchingWeights weights) {
        int n = requestCount();
        long pairs = 0;
        for (int r = 0; r < n; r++) {
            pairs += changed[r] ? requests.get(r).getFeasibleMentorCount() : candidateCount(r);
        }
        if (pairs > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many allowed pairs: " + pairs);
        }
        int[] newStart = new int[n + 1];
        int[] newMentor = new int[(int) pairs];
        long[] newValue = new long[(int) pairs];
        int p = 0;
        for (int r = 0; r < n; r++) {
            newStart[r] = p;
            if (changed[r]) {
                RequestAssignment a = requests.get(r);
                for (MentorFact mentor : a.getFeasibleMentors()) {
                    newMentor[p] = mentor.getIndex();
                    newValue[p] = PairPreference.value(a.getRequest(), a.fitWith(mentor), weights);
                    p++;
                }
            } else {
                int count = candidateCount(r);
                System.arraycopy(pairMentor, start[r], newMentor, p, count);
                System.arraycopy(pairValue, start[r], newValue, p, count);
                p += count;
            }
        }
        newStart[n] = p;
        return new MatchingModel(requests, mentors, newStart, newMentor, newValue, room, settledLoad, loadWeight);
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
