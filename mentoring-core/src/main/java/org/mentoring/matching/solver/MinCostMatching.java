package org.mentoring.matching.solver;

import java.util.Arrays;

/**
 * The best assignment of a {@link MatchingModel}, found as a min-cost flow: the source gives one unit to each open
 * request, a request passes it to one of its allowed mentors at a cost of minus (BIG plus the pair's value), and a
 * mentor passes it to the sink through one arc per place left, each at the load-balance cost of that place
 * ({@link PairPreference#nextMenteeLoadPoints}: 1, 3, 5, ... times the weight, the squares' increments, so the cost
 * is convex as long as the weight is not negative). BIG exceeds any total value, so the
 * cheapest flow matches as many requests as the hard rules allow, and among those has the most value.
 *
 * <p>Solved by successive shortest paths, the primal-dual way: a Dijkstra search on costs reduced by node
 * potentials finds the next shortest distance to the sink, then every augmenting path of that length is followed
 * (an unmatched request takes a mentor, whose mentee moves to another mentor, ... up to a mentor with room). It
 * stops when the next path would gain nothing. Every mentor stays within capacity throughout.
 */
final class MinCostMatching {

    /** Longer zero-cost paths are left to the shortest-path tree, so that the search's recursion stays shallow. */
    private static final int MAX_PATH = 1_000;

    private final MatchingModel model;
    /** The pair position of each request's mentor, or -1. */
    private final int[] pairOf;
    private final int[][] mentees;
    private final int[] menteeCount;
    private int matched;
    private long big;
    /** Node potentials: requests, then mentors, then the source and the sink. */
    private long[] potential;
    private boolean[] dead;
    private boolean[] onPath;
    /** During a {@link #warmStart}: the places each mentor passes on to the sink; null otherwise (its mentee count). */
    private int[] slotFlow;

    /**
     * @throws IllegalArgumentException if the load-balance weight is negative: the load cost would not be convex, and
     *     successive shortest paths would not be exact
     */
    MinCostMatching(MatchingModel model) {
        if (model.loadWeight < 0) {
            throw new IllegalArgumentException("the flow is exact only for a load-balance weight of 0 or more, not "
                    + model.loadWeight);
        }
        this.model = model;
        this.pairOf = new int[model.requestCount()];
        Arrays.fill(pairOf, -1);
        this.mentees = new int[model.mentorCount()][];
        for (int m = 0; m < mentees.length; m++) {
            mentees[m] = new int[model.room[m]];
        }
        this.menteeCount = new int[model.mentorCount()];
    }

    int mentorOf(int request) {
        return pairOf[request] < 0 ? -1 : model.pairMentor[pairOf[request]];
    }

    int matchedCount() {
        return matched;
    }

    private boolean hasRoom(int mentor) {
        return menteeCount[mentor] < model.room[mentor];
    }

    /** The objective without the matched count: pair values less the load-balance cost. */
    long objectiveValue() {
        long value = 0;
        for (int r = 0; r < pairOf.length; r++) {
            if (pairOf[r] >= 0) {
                value += model.pairValue[pairOf[r]];
            }
        }
        for (int m = 0; m < menteeCount.length; m++) {
            value -= model.loadWeight * PairPreference.loadPoints(menteeCount[m] + model.settledLoad[m]);
        }
        return value;
    }

    private void unassign(int request) {
        int pair = pairOf[request];
        if (pair < 0) {
            return;
        }
        int mentor = model.pairMentor[pair];
        int[] list = mentees[mentor];
        for (int i = 0; i < menteeCount[mentor]; i++) {
            if (list[i] == request) {
                list[i] = list[--menteeCount[mentor]];
                break;
            }
        }
        pairOf[request] = -1;
        matched--;
    }

    /** Gives a request the pair at {@code pair} even past its mentor's room (a warm start's excess, for a while). */
    private void attach(int request, int pair) {
        unassign(request);
        int mentor = model.pairMentor[pair];
        if (menteeCount[mentor] == mentees[mentor].length) {
            mentees[mentor] = Arrays.copyOf(mentees[mentor], Math.max(4, 2 * mentees[mentor].length));
        }
        mentees[mentor][menteeCount[mentor]++] = request;
        pairOf[request] = pair;
        matched++;
    }

    /** Gives a request the pair at {@code pair}; its mentor must have room once the request left its own. */
    private void assign(int request, int pair) {
        unassign(request);
        int mentor = model.pairMentor[pair];
        if (!hasRoom(mentor)) {
            throw new IllegalStateException("mentor " + mentor + " is full");
        }
        mentees[mentor][menteeCount[mentor]++] = request;
        pairOf[request] = pair;
        matched++;
    }

    /** Finds the best assignment, starting from none. */
    void solve() {
        int n = model.requestCount();
        int m = model.mentorCount();
        int source = n + m;
        int sink = source + 1;
        int nodes = sink + 1;
        long big = bigOf(model);
        this.big = big;
        potential = new long[nodes];
        // The first potentials: shortest distances on the graph without flow, which is acyclic.
        long[] mentorPotential = new long[m];
        Arrays.fill(mentorPotential, Long.MAX_VALUE);
        for (int r = 0; r < n; r++) {
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                int j = model.pairMentor[p];
                mentorPotential[j] = Math.min(mentorPotential[j], -(big + model.pairValue[p]));
            }
        }
        long sinkPotential = Long.MAX_VALUE;
        for (int j = 0; j < m; j++) {
            if (mentorPotential[j] == Long.MAX_VALUE) {
                mentorPotential[j] = 0;
            }
            potential[n + j] = mentorPotential[j];
            if (model.room[j] > 0) {
                sinkPotential = Math.min(sinkPotential, mentorPotential[j] + slotCost(j));
            }
        }
        potential[sink] = sinkPotential == Long.MAX_VALUE ? 0 : sinkPotential;
        if (sinkPotential == Long.MAX_VALUE) {
            return;
        }
        long[] dist = new long[nodes];
        int[] parent = new int[nodes];
        int[] parentPair = new int[nodes];
        NodeHeap heap = new NodeHeap(nodes);
        dead = new boolean[nodes];
        onPath = new boolean[nodes];
        while (true) {
            long reach = shortestDistances(source, sink, dist, parent, parentPair, heap);
            if (reach == Long.MAX_VALUE) {
                return;
            }
            for (int v = 0; v < nodes; v++) {
                potential[v] += Math.min(dist[v], reach);
            }
            if (potential[sink] - potential[source] >= 0) {
                return;
            }
            Arrays.fill(dead, false);
            int augmented = 0;
            for (int r = 0; r < n; r++) {
                if (pairOf[r] < 0 && model.candidateCount(r) > 0 && potential[source] == potential[r]
                        && pushFromRequest(r, 0)) {
                    augmented++;
                }
            }
            if (augmented == 0) {
                augmentAlong(source, sink, parent, parentPair, n);
            }
        }
    }

    /** One more than the largest value spread any assignment of the model can have: the cost of one match. */
    private static long bigOf(MatchingModel model) {
        long big = 1;
        for (int r = 0; r < model.requestCount(); r++) {
            long best = 0;
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                best = Math.max(best, Math.abs(model.pairValue[p]));
            }
            big += best;
        }
        for (int j = 0; j < model.mentorCount(); j++) {
            big += model.loadWeight * PairPreference.loadPoints((long) model.settledLoad[j] + model.room[j]);
        }
        return big;
    }

    /** The cost that makes one more match worth more than any values: every pair's arc costs minus (it + value). */
    long big() {
        return big;
    }

    /**
     * The dual prices of the answer, for its optimality certificate: for each request, then each mentor (model
     * numbering), the cost of the cheapest way from it to the sink in the residual graph of the answer completed
     * with an arc of cost 0 from each request straight to the sink (the request left unmatched), or
     * {@link Long#MAX_VALUE} when there is none. These distances D satisfy {@code D(u) <= cost(u, v) + D(v)} on
     * every residual arc, so they are feasible potentials: the answer is a min-cost flow of that graph, and stays one
     * when an arc from request r to mentor j of cost {@code -(big + value)} is added whenever
     * {@code D(r) <= D(j) - (big + value)} (a pair with no positive reduced value). Computed by one Dijkstra search
     * towards the sink on the costs reduced by the flow's own potentials; null when those potentials or the answer
     * turn out not to be optimal after all (a certificate is then refused, never faked).
     */
    long[] distancesToSink() {
        int n = model.requestCount();
        int m = model.mentorCount();
        long[] d = new long[n + m];
        Arrays.fill(d, Long.MAX_VALUE);
        if (potential == null) {
            return null;
        }
        long sinkPotential = Long.MAX_VALUE;
        for (int j = 0; j < m; j++) {
            if (hasRoom(j)) {
                sinkPotential = Math.min(sinkPotential, slotCost(j) + potential[n + j]);
            }
        }
        for (int r = 0; r < n; r++) {
            if (pairOf[r] >= 0) {
                sinkPotential = Math.min(sinkPotential, potential[r]);
            }
        }
        if (sinkPotential == Long.MAX_VALUE) {
            return d;
        }
        // the pairs into each mentor, for the search backwards from the sink
        int pairs = model.start[n];
        int[] pairRequest = new int[pairs];
        int[] mentorStart = new int[m + 1];
        for (int r = 0; r < n; r++) {
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                pairRequest[p] = r;
                mentorStart[model.pairMentor[p] + 1]++;
            }
        }
        for (int j = 0; j < m; j++) {
            mentorStart[j + 1] += mentorStart[j];
        }
        int[] fill = Arrays.copyOf(mentorStart, m);
        int[] intoMentor = new int[pairs];
        for (int p = 0; p < pairs; p++) {
            intoMentor[fill[model.pairMentor[p]]++] = p;
        }
        long[] reduced = new long[n + m];
        Arrays.fill(reduced, Long.MAX_VALUE);
        NodeHeap heap = new NodeHeap(n + m);
        for (int j = 0; j < m; j++) {
            if (hasRoom(j)) {
                reduced[n + j] = slotCost(j) + potential[n + j] - sinkPotential;
                heap.update(n + j, reduced[n + j]);
            }
        }
        for (int r = 0; r < n; r++) {
            if (pairOf[r] >= 0 && potential[r] - sinkPotential < reduced[r]) {
                reduced[r] = potential[r] - sinkPotential;
                heap.update(r, reduced[r]);
            }
        }
        while (!heap.isEmpty()) {
            int u = heap.poll();
            long du = reduced[u];
            if (u < n) {
                // the arc from the request's mentor back to it (the request may leave that mentor)
                int p = pairOf[u];
                if (p < 0) {
                    continue;
                }
                int j = model.pairMentor[p];
                long arc = backwardReduced(j, u);
                if (arc < 0) {
                    return null;
                }
                if (du + arc < reduced[n + j]) {
                    reduced[n + j] = du + arc;
                    heap.update(n + j, reduced[n + j]);
                }
            } else {
                int j = u - n;
                for (int k = mentorStart[j]; k < mentorStart[j + 1]; k++) {
                    int p = intoMentor[k];
                    int r = pairRequest[p];
                    if (pairOf[r] == p) {
                        continue;
                    }
                    long arc = forwardReduced(r, p);
                    if (arc < 0) {
                        return null;
                    }
                    if (du + arc < reduced[r]) {
                        reduced[r] = du + arc;
                        heap.update(r, reduced[r]);
                    }
                }
            }
        }
        for (int v = 0; v < n + m; v++) {
            if (reduced[v] != Long.MAX_VALUE) {
                d[v] = reduced[v] - potential[v] + sinkPotential;
            }
        }
        // the arcs out of the sink: back into an unmatched request (cost 0), back into a mentor's last place
        for (int r = 0; r < n; r++) {
            if (pairOf[r] < 0 && d[r] != Long.MAX_VALUE && d[r] < 0) {
                return null;
            }
        }
        for (int j = 0; j < m; j++) {
            if (menteeCount[j] > 0) {
                long last = model.loadWeight
                        * PairPreference.nextMenteeLoadPoints(model.settledLoad[j] + menteeCount[j] - 1L);
                if (d[n + j] == Long.MAX_VALUE || d[n + j] < last) {
                    return null;
                }
            }
        }
        return d;
    }

    /**
     * The optimum of {@code model}, which is the model of {@code previous} with pairs added (the certificate's next
     * solve), reached from {@code previous}'s answer instead of from nothing; null when that does not apply, and the
     * caller solves from nothing.
     *
     * <p>Why it is exact. Take the flow network completed as in {@link #distancesToSink}: each open request holds one
     * unit and sends it either to a mentor (cost {@code -(big + value)}) or straight to the sink (cost 0, the request
     * left unmatched); each mentor passes its units to the sink through its places, at their convex load costs. Its
     * feasible flows are the assignments, and its cheapest flow is the optimum (most matches, then most value, as
     * {@code big} exceeds any value spread). {@code distances} (D, to the sink, checked by {@link #distancesToSink})
     * prove {@code previous}'s answer cheapest on the old pairs: {@code D(u) <= cost(u, v) + D(v)} on every residual
     * arc. The new pairs only add arcs out of requests (and a larger {@code big}, if a new pair needs one, changes only
     * arcs between requests and mentors), so D stays valid on the arcs between mentors and the sink, and a request's
     * own D can be chosen again: D(r) = the cheapest of {@code cost + D(head)} over its unused arcs (old and new, and the arc to
     * the sink when it is matched). When that is no lower than what its current arc gives, every arc at r is valid
     * (its mentor's arc back to it too, as D(r) did not fall below its current arc's). When a new pair gives less, the
     * request moves to that pair: r is then valid, but its old mentor (or the sink) has one unit less coming in than
     * going out (a deficit) and its new mentor one more (an excess). That is a pseudoflow with valid potentials, and
     * successive shortest paths from the excesses to the deficits (Dijkstra on the reduced costs, potentials raised by
     * the distances, one augmentation along each shortest path) keep the potentials valid while they remove the
     * imbalances one unit at a time: the flow they end with is balanced, a feasible assignment, and cheapest (no
     * residual arc has a negative reduced cost), the same optimum a solve from nothing reaches (the same objective;
     * among equal answers it may choose another). Any arc found with a negative reduced cost on the way (it cannot
     * happen when D is right) gives up the warm start rather than an answer that is not proven.
     *
     * <p>The certificate's second solve typically moves a few dozen requests this way instead of solving thousands
     * again: a few dozen searches instead of a hundred phases.
     */
    static MinCostMatching warmStart(MatchingModel model, MinCostMatching previous, long[] distances) {
        MatchingModel old = previous.model;
        int n = model.requestCount();
        int m = model.mentorCount();
        if (distances == null || previous.potential == null || old.requestCount() != n || old.mentorCount() != m
                || model.loadWeight < 0) {
            return null;
        }
        // a larger value among the new pairs may need a larger cost of a match: it changes only arcs out of requests
        long big = Math.max(previous.big, bigOf(model));
        MinCostMatching warm = new MinCostMatching(model);
        warm.big = big;
        for (int r = 0; r < n; r++) {
            int j = previous.mentorOf(r);
            if (j < 0) {
                continue;
            }
            int at = -1;
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                if (model.pairMentor[p] == j) {
                    at = p;
                    break;
                }
            }
            if (at < 0) {
                return null;
            }
            warm.attach(r, at);
        }
        // D; a mentor that cannot reach the sink (no place, no mentee: no arc out) is put beyond every request's reach
        long maxDistance = 0;
        for (long d : distances) {
            if (d != Long.MAX_VALUE) {
                maxDistance = Math.max(maxDistance, Math.abs(d));
            }
        }
        long maxValue = 0;
        for (long v : model.pairValue) {
            maxValue = Math.max(maxValue, Math.abs(v));
        }
        long far = maxDistance + big + maxValue + 1;
        int sink = n + m + 1;
        long[] d = new long[sink + 1];
        for (int j = 0; j < m; j++) {
            d[n + j] = distances[n + j] == Long.MAX_VALUE ? far : distances[n + j];
        }
        warm.slotFlow = Arrays.copyOf(warm.menteeCount, m);
        long sinkDeficit = 0;
        for (int r = 0; r < n; r++) {
            int current = warm.pairOf[r];
            long now = current < 0 ? 0 : -(big + model.pairValue[current]) + d[n + model.pairMentor[current]];
            long cheapest = current < 0 ? Long.MAX_VALUE : 0;
            int cheapestPair = -1;
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                if (p != current) {
                    long via = -(big + model.pairValue[p]) + d[n + model.pairMentor[p]];
                    if (via < cheapest) {
                        cheapest = via;
                        cheapestPair = p;
                    }
                }
            }
            if (cheapest < now) {
                if (cheapestPair < 0) {
                    return null;
                }
                if (current < 0) {
                    sinkDeficit++;
                }
                warm.attach(r, cheapestPair);
                d[r] = cheapest;
            } else {
                d[r] = cheapest == Long.MAX_VALUE ? now : cheapest;
            }
        }
        warm.potential = new long[sink + 1];
        for (int v = 0; v < sink; v++) {
            warm.potential[v] = -d[v];
        }
        if (!warm.balance(sinkDeficit)) {
            return null;
        }
        warm.slotFlow = null;
        return warm;
    }

    /**
     * Successive shortest paths from the mentors holding more requests than their places carry to the nodes short of
     * units (see {@link #warmStart}); false when an arc has a negative reduced cost or an excess has no way out.
     */
    private boolean balance(long sinkDeficit) {
        int n = model.requestCount();
        int m = model.mentorCount();
        int sink = n + m + 1;
        int nodes = sink + 1;
        long[] dist = new long[nodes];
        int[] parent = new int[nodes];
        int[] parentPair = new int[nodes];
        int[] path = new int[nodes];
        NodeHeap heap = new NodeHeap(nodes);
        long deficit = sinkDeficit;
        while (true) {
            Arrays.fill(dist, Long.MAX_VALUE);
            heap.clear();
            for (int j = 0; j < m; j++) {
                if (menteeCount[j] > slotFlow[j]) {
                    dist[n + j] = 0;
                    parent[n + j] = -1;
                    heap.update(n + j, 0);
                }
            }
            if (heap.isEmpty()) {
                for (int j = 0; j < m; j++) {
                    if (menteeCount[j] != slotFlow[j]) {
                        return false;
                    }
                }
                return deficit == 0;
            }
            int end = -1;
            while (!heap.isEmpty()) {
                int u = heap.poll();
                long du = dist[u];
                if (u == sink ? deficit > 0 : u >= n && menteeCount[u - n] < slotFlow[u - n]) {
                    end = u;
                    break;
                }
                if (u < n) {
                    int current = pairOf[u];
                    for (int p = model.start[u]; p < model.start[u + 1]; p++) {
                        if (p != current) {
                            long arc = forwardReduced(u, p);
                            if (arc < 0) {
                                return false;
                            }
                            relax(heap, dist, parent, parentPair, u, n + model.pairMentor[p], p, du + arc);
                        }
                    }
                    if (current >= 0) {
                        long arc = potential[u] - potential[sink];
                        if (arc < 0) {
                            return false;
                        }
                        relax(heap, dist, parent, parentPair, u, sink, -1, du + arc);
                    }
                } else if (u == sink) {
                    for (int j = 0; j < m; j++) {
                        if (slotFlow[j] > 0) {
                            long arc = -slotCost(j, slotFlow[j] - 1) + potential[sink] - potential[n + j];
                            if (arc < 0) {
                                return false;
                            }
                            relax(heap, dist, parent, parentPair, u, n + j, -1, du + arc);
                        }
                    }
                    for (int r = 0; r < n; r++) {
                        if (pairOf[r] < 0 && model.candidateCount(r) > 0) {
                            long arc = potential[sink] - potential[r];
                            if (arc < 0) {
                                return false;
                            }
                            relax(heap, dist, parent, parentPair, u, r, -1, du + arc);
                        }
                    }
                } else {
                    int j = u - n;
                    for (int i = 0; i < menteeCount[j]; i++) {
                        int r = mentees[j][i];
                        long arc = backwardReduced(j, r);
                        if (arc < 0) {
                            return false;
                        }
                        relax(heap, dist, parent, parentPair, u, r, -1, du + arc);
                    }
                    if (slotFlow[j] < model.room[j]) {
                        long arc = slotCost(j, slotFlow[j]) + potential[u] - potential[sink];
                        if (arc < 0) {
                            return false;
                        }
                        relax(heap, dist, parent, parentPair, u, sink, -1, du + arc);
                    }
                }
            }
            if (end < 0) {
                return false;
            }
            long reach = dist[end];
            for (int v = 0; v < nodes; v++) {
                potential[v] += Math.min(dist[v], reach);
            }
            int length = 0;
            for (int v = end; v >= 0; v = parent[v]) {
                path[length++] = v;
            }
            for (int k = length - 1; k > 0; k--) {
                int u = path[k];
                int v = path[k - 1];
                if (u < n) {
                    // out of a request: to a mentor (it joins), or to the sink (it stays unmatched)
                    if (v != sink) {
                        attach(u, parentPair[v]);
                    }
                } else if (u == sink) {
                    if (v >= n) {
                        slotFlow[v - n]--;
                    }
                } else if (v == sink) {
                    slotFlow[u - n]++;
                } else {
                    unassign(v);
                }
            }
            if (end == sink) {
                deficit--;
            }
        }
    }

    private static void relax(NodeHeap heap, long[] dist, int[] parent, int[] parentPair, int from, int to, int pair,
            long d) {
        if (d < dist[to]) {
            dist[to] = d;
            parent[to] = from;
            parentPair[to] = pair;
            heap.update(to, d);
        }
    }

    /** The load-balance cost of a mentor's place after {@code used} taken ones. */
    private long slotCost(int mentor, int used) {
        return model.loadWeight * PairPreference.nextMenteeLoadPoints((long) model.settledLoad[mentor] + used);
    }

    /** The load-balance cost of a mentor's next place. */
    private long slotCost(int mentor) {
        return model.loadWeight * PairPreference.nextMenteeLoadPoints(model.settledLoad[mentor] + menteeCount[mentor]);
    }

    private long forwardReduced(int r, int p) {
        return -(big + model.pairValue[p]) + potential[r] - potential[model.requestCount() + model.pairMentor[p]];
    }

    private long backwardReduced(int mentor, int r) {
        return big + model.pairValue[pairOf[r]] + potential[model.requestCount() + mentor] - potential[r];
    }

    private long sinkReduced(int mentor) {
        int n = model.requestCount();
        return slotCost(mentor) + potential[n + mentor] - potential[n + model.mentorCount() + 1];
    }

    /** Dijkstra on reduced costs from the source until the sink is settled; the sink's distance, or MAX_VALUE. */
    private long shortestDistances(int source, int sink, long[] dist, int[] parent, int[] parentPair,
            NodeHeap heap) {
        int n = model.requestCount();
        Arrays.fill(dist, Long.MAX_VALUE);
        heap.clear();
        dist[source] = 0;
        for (int r = 0; r < n; r++) {
            if (pairOf[r] < 0 && model.candidateCount(r) > 0) {
                long d = potential[source] - potential[r];
                if (d < dist[r]) {
                    dist[r] = d;
                    parent[r] = source;
                    heap.update(r, d);
                }
            }
        }
        while (!heap.isEmpty()) {
            int u = heap.poll();
            long du = dist[u];
            if (u == sink) {
                return du;
            }
            if (u < n) {
                int own = mentorOf(u);
                for (int p = model.start[u]; p < model.start[u + 1]; p++) {
                    int j = model.pairMentor[p];
                    if (j == own) {
                        continue;
                    }
                    long d = du + forwardReduced(u, p);
                    int v = n + j;
                    if (d < dist[v]) {
                        dist[v] = d;
                        parent[v] = u;
                        parentPair[v] = p;
                        heap.update(v, d);
                    }
                }
            } else {
                int j = u - n;
                for (int i = 0; i < menteeCount[j]; i++) {
                    int r = mentees[j][i];
                    long d = du + backwardReduced(j, r);
                    if (d < dist[r]) {
                        dist[r] = d;
                        parent[r] = u;
                        heap.update(r, d);
                    }
                }
                if (hasRoom(j)) {
                    long d = du + sinkReduced(j);
                    if (d < dist[sink]) {
                        dist[sink] = d;
                        parent[sink] = u;
                        heap.update(sink, d);
                    }
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /** Pushes one unit from an unmatched request to the sink along arcs of reduced cost 0. */
    private boolean pushFromRequest(int r, int depth) {
        if (dead[r] || onPath[r] || depth > MAX_PATH) {
            return false;
        }
        onPath[r] = true;
        int n = model.requestCount();
        int own = mentorOf(r);
        try {
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                int j = model.pairMentor[p];
                if (j == own || forwardReduced(r, p) != 0) {
                    continue;
                }
                if (pushFromMentor(j, depth + 1)) {
                    assign(r, p);
                    return true;
                }
            }
            dead[r] = true;
            return false;
        } finally {
            onPath[r] = false;
        }
    }

    private boolean pushFromMentor(int j, int depth) {
        int node = model.requestCount() + j;
        if (dead[node] || onPath[node]) {
            return false;
        }
        if (hasRoom(j) && sinkReduced(j) == 0) {
            return true;
        }
        onPath[node] = true;
        try {
            int[] snapshot = Arrays.copyOf(mentees[j], menteeCount[j]);
            for (int r : snapshot) {
                if (backwardReduced(j, r) == 0 && pushFromRequest(r, depth + 1)) {
                    if (hasRoom(j)) {
                        return true;
                    }
                }
            }
            dead[node] = true;
            return false;
        } finally {
            onPath[node] = false;
        }
    }

    /** Follows the shortest-path tree back from the sink: one augmentation that is sure to exist. */
    private void augmentAlong(int source, int sink, int[] parent, int[] parentPair, int n) {
        int v = parent[sink];
        while (true) {
            int j = v - n;
            int r = parent[v];
            int p = parentPair[v];
            int previous = parent[r];
            assign(r, p);
            if (previous == source) {
                return;
            }
            v = previous;
        }
    }

    /** A binary min-heap of node ids keyed by distance, with decrease-key. */
    private static final class NodeHeap {
        private final int[] heap;
        private final int[] position;
        private final long[] key;
        private int size;

        NodeHeap(int nodes) {
            heap = new int[nodes];
            position = new int[nodes];
            key = new long[nodes];
            Arrays.fill(position, -1);
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                position[heap[i]] = -1;
            }
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void update(int node, long value) {
            key[node] = value;
            int i = position[node];
            if (i < 0) {
                i = size++;
                heap[i] = node;
                position[node] = i;
            }
            siftUp(i);
        }

        int poll() {
            int top = heap[0];
            position[top] = -1;
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                position[heap[0]] = 0;
                siftDown(0);
            }
            return top;
        }

        private void siftUp(int i) {
            int node = heap[i];
            while (i > 0) {
                int up = (i - 1) >>> 1;
                if (key[heap[up]] <= key[node]) {
                    break;
                }
                heap[i] = heap[up];
                position[heap[i]] = i;
                i = up;
            }
            heap[i] = node;
            position[node] = i;
        }

        private void siftDown(int i) {
            int node = heap[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[heap[child + 1]] < key[heap[child]]) {
                    child++;
                }
                if (key[heap[child]] >= key[node]) {
                    break;
                }
                heap[i] = heap[child];
                position[heap[i]] = i;
                i = child;
            }
            heap[i] = node;
            position[node] = i;
        }
    }
}
