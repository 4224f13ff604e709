package org.mentoring.benchmark;

import java.util.List;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;

/**
 * The quality of one assignment, checked from scratch against the instance (not taken from any solver's score).
 *
 * @param matched requests with a mentor
 * @param affinity total domain affinity of the matched pairs
 * @param worstAffinity the lowest affinity any matched mentee gets
 * @param minLoad least load/capacity over the mentors with a place to give; mean and max likewise
 * @param loadStdDev standard deviation of load/capacity over those mentors
 * @param brokenHardRules pairs that break a pair-wise hard rule plus mentees over their mentor's capacity
 */
record Outcome(int matched, long affinity, int worstAffinity, double minLoad, double meanLoad, double maxLoad,
        double loadStdDev, int brokenHardRules) {

    /** @param mentorOf for each request, the index of its mentor or -1 */
    static Outcome of(int[] mentorOf, List<MentorshipRequest> requests, List<Mentor> mentors) {
        PairEvaluator evaluator = new PairEvaluator();
        int[] load = new int[mentors.size()];
        int matched = 0;
        long affinity = 0;
        int worst = Integer.MAX_VALUE;
        int broken = 0;
        for (int r = 0; r < mentorOf.length; r++) {
            if (mentorOf[r] < 0) {
                continue;
            }
            MentorshipRequest request = requests.get(r);
            Mentor mentor = mentors.get(mentorOf[r]);
            load[mentorOf[r]]++;
            matched++;
            int pairAffinity = Taxonomy.affinity(request.domains(), mentor.domains());
            affinity += pairAffinity;
            worst = Math.min(worst, pairAffinity);
            if (!evaluator.allowed(request, mentor)) {
                broken++;
            }
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        double sumSquares = 0;
        int counted = 0;
        for (int m = 0; m < mentors.size(); m++) {
            int capacity = mentors.get(m).capacity();
            broken += Math.max(0, load[m] - capacity);
            if (capacity == 0) {
                continue;
            }
            double share = (double) load[m] / capacity;
            min = Math.min(min, share);
            max = Math.max(max, share);
            sum += share;
            sumSquares += share * share;
            counted++;
        }
        double mean = counted == 0 ? 0 : sum / counted;
        double stdDev = counted == 0 ? 0 : Math.sqrt(Math.max(0, sumSquares / counted - mean * mean));
        return new Outcome(matched, affinity, matched == 0 ? 0 : worst, counted == 0 ? 0 : min, mean, max, stdDev,
                broken);
    }
}
