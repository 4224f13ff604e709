package org.mentoring.benchmark;

/**
 * What a coordinator with a spreadsheet gets: each request in input order takes the free mentor it fits best by
 * domain affinity (the first such mentor on a tie).
 */
final class GreedyMatching {

    private GreedyMatching() {
    }

    static int[] solve(Candidates candidates) {
        int[] left = candidates.capacities().clone();
        int[] mentorOf = new int[candidates.requestCount()];
        for (int r = 0; r < mentorOf.length; r++) {
            int best = -1;
            int bestAffinity = -1;
            int[] mentors = candidates.mentorsOf()[r];
            int[] affinity = candidates.affinityOf()[r];
            for (int i = 0; i < mentors.length; i++) {
                if (left[mentors[i]] > 0 && affinity[i] > bestAffinity) {
                    best = mentors[i];
                    bestAffinity = affinity[i];
                }
            }
            mentorOf[r] = best;
            if (best >= 0) {
                left[best]--;
            }
        }
        return mentorOf;
    }
}
