package org.mentoring.benchmark;

import java.util.List;
import java.util.stream.IntStream;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;

/**
 * Every pair of an instance that passes the pair-wise hard rules, with its affinity: the graph the exact solver and
 * the greedy baseline work on. Checked with the engine's own {@link PairEvaluator}.
 *
 * @param mentorsOf for each request, the indexes of the mentors it may get, ascending
 * @param affinityOf for each request, the affinity with each of those mentors, at the same positions
 */
record Candidates(int[][] mentorsOf, int[][] affinityOf, int[] capacities) {

    static Candidates of(List<MentorshipRequest> requests, List<Mentor> mentors) {
        int[][] mentorsOf = new int[requests.size()][];
        int[][] affinityOf = new int[requests.size()][];
        ThreadLocal<PairEvaluator> evaluators = ThreadLocal.withInitial(PairEvaluator::new);
        IntStream.range(0, requests.size()).parallel().forEach(r -> {
            MentorshipRequest request = requests.get(r);
            PairEvaluator evaluator = evaluators.get();
            int[] found = new int[mentors.size()];
            int[] affinity = new int[mentors.size()];
            int n = 0;
            for (int m = 0; m < mentors.size(); m++) {
                Mentor mentor = mentors.get(m);
                if (evaluator.allowed(request, mentor)) {
                    found[n] = m;
                    affinity[n++] = Taxonomy.affinity(request.domains(), mentor.domains());
                }
            }
            mentorsOf[r] = java.util.Arrays.copyOf(found, n);
            affinityOf[r] = java.util.Arrays.copyOf(affinity, n);
        });
        return new Candidates(mentorsOf, affinityOf, mentors.stream().mapToInt(Mentor::capacity).toArray());
    }

    int requestCount() {
        return mentorsOf.length;
    }

    int mentorCount() {
        return capacities.length;
    }

    long pairCount() {
        long pairs = 0;
        for (int[] mentors : mentorsOf) {
            pairs += mentors.length;
        }
        return pairs;
    }
}
