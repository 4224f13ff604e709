package org.mentoring.matching.solver;

/**
 * The exact min-cost flow of {@link MinCostMatching} on pairs given as arrays, without a solver, a problem builder
 * or explanations around it: the circle engine places its pairs with it several times a run, from the allowed pairs
 * and values it already holds. The answer places the most requests, then has the most pair value minus the load
 * weight times each mentor's squared load ({@link PairPreference#loadPoints}), over every pair given.
 */
public final class ExactPairs {

    private ExactPairs() {
    }

    /**
     * @param room each mentor's places
     * @param loadWeight the load-balance weight (0 or more)
     * @param mentorsOf each request's allowed mentors (indexes into {@code room})
     * @param valuesOf each request's pair value with each of those mentors
     * @return each request's mentor, or -1 for none
     */
    public static int[] solve(int[] room, long loadWeight, int[][] mentorsOf, long[][] valuesOf) {
        int requests = mentorsOf.length;
        int[] start = new int[requests + 1];
        int total = 0;
        for (int r = 0; r < requests; r++) {
            start[r] = total;
            total += mentorsOf[r].length;
        }
        start[requests] = total;
        int[] pairMentor = new int[total];
        long[] pairValue = new long[total];
        for (int r = 0; r < requests; r++) {
            // best first (then by mentor), as the model keeps them: an insertion sort, the lists are short
            int from = start[r];
            int[] mentors = mentorsOf[r];
            long[] values = valuesOf[r];
            for (int i = 0; i < mentors.length; i++) {
                int mentor = mentors[i];
                long value = values[i];
                int j = from + i;
                while (j > from && (pairValue[j - 1] < value
                        || (pairValue[j - 1] == value && pairMentor[j - 1] > mentor))) {
                    pairMentor[j] = pairMentor[j - 1];
                    pairValue[j] = pairValue[j - 1];
                    j--;
                }
                pairMentor[j] = mentor;
                pairValue[j] = value;
            }
        }
        MinCostMatching matching = new MinCostMatching(MatchingModel.of(requests, room.clone(), start, pairMentor,
                pairValue, loadWeight));
        matching.solve();
        int[] mentorOf = new int[requests];
        for (int r = 0; r < requests; r++) {
            mentorOf[r] = matching.mentorOf(r);
        }
        return mentorOf;
    }
}
