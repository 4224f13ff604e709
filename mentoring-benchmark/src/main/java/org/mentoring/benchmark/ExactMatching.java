package org.mentoring.benchmark;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;

/**
 * The exact optimum of "most requests matched, then most domain affinity" under the hard rules, as a maximum-weight
 * b-matching solved by OR-Tools' min-cost flow: source to each request (capacity 1), request to each mentor it may
 * get (capacity 1, cost minus BIG plus the pair's affinity), mentor to sink (capacity = the mentor's capacity), and a
 * source-to-sink bypass at cost 0 for the requests left unmatched. BIG exceeds any total affinity, so one more match
 * always outweighs any affinity.
 */
final class ExactMatching {

    private ExactMatching() {
    }

    /** The optimal assignment: for each request the index of its mentor, or -1. */
    static int[] solve(Candidates candidates) {
        Loader.loadNativeLibraries();
        int requests = candidates.requestCount();
        int mentors = candidates.mentorCount();
        int source = requests + mentors;
        int sink = source + 1;
        long pairs = candidates.pairCount();
        long big = 1;
        for (int[] affinities : candidates.affinityOf()) {
            big += Arrays.stream(affinities).max().orElse(0);
        }
        MinCostFlow flow = new MinCostFlow(requests + mentors + 2, (int) (pairs + requests + mentors + 1));
        try {
            int[][] arcs = new int[requests][];
            for (int r = 0; r < requests; r++) {
                flow.addArcWithCapacityAndUnitCost(source, r, 1, 0);
                int[] to = candidates.mentorsOf()[r];
                int[] affinity = candidates.affinityOf()[r];
                arcs[r] = new int[to.length];
                for (int i = 0; i < to.length; i++) {
                    arcs[r][i] = flow.addArcWithCapacityAndUnitCost(r, requests + to[i], 1, -(big + affinity[i]));
                }
            }
            for (int m = 0; m < mentors; m++) {
                flow.addArcWithCapacityAndUnitCost(requests + m, sink, candidates.capacities()[m], 0);
            }
            flow.addArcWithCapacityAndUnitCost(source, sink, requests, 0);
            flow.setNodeSupply(source, requests);
            flow.setNodeSupply(sink, -requests);
            MinCostFlowBase.Status status = flow.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("min-cost flow ended " + status);
            }
            int[] mentorOf = new int[requests];
            Arrays.fill(mentorOf, -1);
            for (int r = 0; r < requests; r++) {
                for (int i = 0; i < arcs[r].length; i++) {
                    if (flow.getFlow(arcs[r][i]) > 0) {
                        mentorOf[r] = candidates.mentorsOf()[r][i];
                    }
                }
            }
            return mentorOf;
        } finally {
            flow.delete();
        }
    }
}
