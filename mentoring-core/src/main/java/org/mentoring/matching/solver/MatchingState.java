package org.mentoring.matching.solver;

import java.util.Arrays;

/**
 * A working assignment over a {@link MatchingModel}: which pair each open request has, and who each mentor's
 * mentees are. Only ever holds assignments that keep every mentor within capacity.
 */
final class MatchingState {

    private final MatchingModel model;
    /** The pair position of each request's mentor, or -1. */
    private final int[] pairOf;
    private final int[][] mentees;
    private final int[] menteeCount;
    /** For each request, its pair positions sorted by mentor index, to look a pair up by mentor. */
    private final int[][] pairsByMentor;
    private int matched;
    /** Grows whenever a full mentor gets room, which may give any request a better mentor with room. */
    private long roomVersion;
    private final int[] cachedRoomPair;
    private final long[] cachedRoomVersion;

    MatchingState(MatchingModel model) {
        this.model = model;
        this.pairOf = new int[model.requestCount()];
        Arrays.fill(pairOf, -1);
        this.mentees = new int[model.mentorCount()][];
        for (int m = 0; m < mentees.length; m++) {
            mentees[m] = new int[model.room[m]];
        }
        this.menteeCount = new int[model.mentorCount()];
        this.pairsByMentor = new int[model.requestCount()][];
        this.cachedRoomPair = new int[model.requestCount()];
        this.cachedRoomVersion = new long[model.requestCount()];
        Arrays.fill(cachedRoomVersion, -1);
    }

    int mentorOf(int request) {
        return pairOf[request] < 0 ? -1 : model.pairMentor[pairOf[request]];
    }

    int matchedCount() {
        return matched;
    }

    private boolean hasRoom(int mentor) {
        return menteeCount[mentor] < mentees[mentor].length;
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
            long load = menteeCount[m] + model.settledLoad[m];
            value -= model.loadWeight * load * load;
        }
        return value;
    }

    /** What one more mentee costs a mentor in load balance. */
    private long addCost(int mentor) {
        return model.loadWeight * (2L * (menteeCount[mentor] + model.settledLoad[mentor]) + 1);
    }

    /** What one mentee fewer saves a mentor in load balance. */
    private long removeGain(int mentor) {
        return model.loadWeight * (2L * (menteeCount[mentor] + model.settledLoad[mentor]) - 1);
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

    /** The pair of a request with a mentor, or -1 if that mentor is not allowed for it. */
    private int pairWith(int request, int mentor) {
        int[] byMentor = pairsByMentor[request];
        if (byMentor == null) {
            int from = model.start[request];
            int to = model.start[request + 1];
            Integer[] positions = new Integer[to - from];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = from + i;
            }
            Arrays.sort(positions, (a, b) -> Integer.compare(model.pairMentor[a], model.pairMentor[b]));
            byMentor = new int[positions.length];
            for (int i = 0; i < positions.length; i++) {
                byMentor[i] = positions[i];
            }
            pairsByMentor[request] = byMentor;
        }
        int low = 0;
        int high = byMentor.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int m = model.pairMentor[byMentor[mid]];
            if (m < mentor) {
                low = mid + 1;
            } else if (m > mentor) {
                high = mid - 1;
            } else {
                return byMentor[mid];
            }
        }
        return -1;
    }

    /** Greedy: every allowed pair best value first, on a tie the request with fewer mentors first. */
    void placeBestPairsFirst() {
        int pairs = model.pairMentor.length;
        if (pairs >= 1 << 27) {
            throw new IllegalArgumentException("too many allowed pairs for the construction: " + pairs);
        }
        long maxValue = 0;
        for (long value : model.pairValue) {
            maxValue = Math.max(maxValue, value);
        }
        long[] keys = new long[pairs];
        int[] pairRequest = new int[pairs];
        for (int r = 0; r < model.requestCount(); r++) {
            long choice = Math.min(0xFFFF, model.candidateCount(r));
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                long rank = Math.min((1L << 17) - 1, maxValue - model.pairValue[p]);
                keys[p] = rank << 43 | choice << 27 | p;
                pairRequest[p] = r;
            }
        }
        Arrays.parallelSort(keys);
        for (long key : keys) {
            int p = (int) (key & ((1L << 27) - 1));
            int r = pairRequest[p];
            if (pairOf[r] < 0 && hasRoom(model.pairMentor[p])) {
                assign(r, p);
            }
        }
    }

    /**
     * Matches as many requests as the hard rules allow: while some unmatched request has an augmenting path (to a
     * full mentor, whose mentee moves to another mentor, ... until a mentor with room), follows the shortest such
     * paths, as Hopcroft and Karp do, trying each request's best mentors first.
     */
    void augmentToMaximumMatching() {
        int n = model.requestCount();
        int[] layer = new int[n];
        boolean[] visited = new boolean[n];
        int[] queue = new int[n];
        while (true) {
            Arrays.fill(layer, Integer.MAX_VALUE);
            int head = 0;
            int tail = 0;
            for (int r = 0; r < n; r++) {
                if (pairOf[r] < 0 && model.candidateCount(r) > 0) {
                    layer[r] = 0;
                    queue[tail++] = r;
                }
            }
            int freeLayer = Integer.MAX_VALUE;
            while (head < tail) {
                int r = queue[head++];
                if (layer[r] >= freeLayer) {
                    break;
                }
                int own = mentorOf(r);
                for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                    int m = model.pairMentor[p];
                    if (m == own) {
                        continue;
                    }
                    if (hasRoom(m)) {
                        freeLayer = layer[r];
                    } else if (freeLayer == Integer.MAX_VALUE) {
                        for (int i = 0; i < menteeCount[m]; i++) {
                            int b = mentees[m][i];
                            if (layer[b] == Integer.MAX_VALUE) {
                                layer[b] = layer[r] + 1;
                                queue[tail++] = b;
                            }
                        }
                    }
                }
            }
            if (freeLayer == Integer.MAX_VALUE) {
                return;
            }
            Arrays.fill(visited, false);
            boolean any = false;
            for (int r = 0; r < n; r++) {
                if (pairOf[r] < 0 && layer[r] == 0 && augment(r, layer, visited, freeLayer)) {
                    any = true;
                }
            }
            if (!any) {
                return;
            }
        }
    }

    private boolean augment(int r, int[] layer, boolean[] visited, int freeLayer) {
        visited[r] = true;
        int own = mentorOf(r);
        for (int p = model.start[r]; p < model.start[r + 1]; p++) {
            int m = model.pairMentor[p];
            if (m != own && hasRoom(m)) {
                assign(r, p);
                return true;
            }
        }
        if (layer[r] >= freeLayer) {
            return false;
        }
        for (int p = model.start[r]; p < model.start[r + 1]; p++) {
            int m = model.pairMentor[p];
            if (m == own) {
                continue;
            }
            int[] snapshot = Arrays.copyOf(mentees[m], menteeCount[m]);
            for (int b : snapshot) {
                if (!visited[b] && layer[b] == layer[r] + 1 && augment(b, layer, visited, freeLayer)) {
                    if (hasRoom(m)) {
                        assign(r, p);
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /**
     * Local improvement that never loses a match: for each request and each of its mentors, the best of moving
     * there (if the mentor has room), taking the place of one of the mentor's mentees (who moves to their best
     * mentor with room, or to the request's mentor, or, if the request was unmatched, leaves), until a full pass
     * finds nothing that pays.
     */
    void improve() {
        int n = model.requestCount();
        boolean improved = true;
        int passes = 0;
        while (improved && passes < 50) {
            improved = false;
            passes++;
            for (int r = 0; r < n; r++) {
                if (improveRequest(r)) {
                    improved = true;
                }
            }
        }
    }

    private boolean improveRequest(int r) {
        int ownPair = pairOf[r];
        int own = ownPair < 0 ? -1 : model.pairMentor[ownPair];
        long ownValue = ownPair < 0 ? 0 : model.pairValue[ownPair];
        long leaveGain = own < 0 ? 0 : removeGain(own);
        long bestDelta = 0;
        int bestPair = -1;
        int bestEjected = -1;
        int bestEjectedPair = -2;
        for (int p = model.start[r]; p < model.start[r + 1]; p++) {
            int m = model.pairMentor[p];
            if (m == own) {
                continue;
            }
            long gain = model.pairValue[p] - ownValue;
            if (hasRoom(m)) {
                if (own < 0) {
                    continue;
                }
                long delta = gain - addCost(m) + leaveGain;
                if (delta > bestDelta) {
                    bestDelta = delta;
                    bestPair = p;
                    bestEjected = -1;
                }
                continue;
            }
            for (int i = 0; i < menteeCount[m]; i++) {
                int b = mentees[m][i];
                long lost = model.pairValue[pairOf[b]];
                // b leaves m and r takes its place: m's load stays the same.
                if (own >= 0) {
                    int swapPair = pairWith(b, own);
                    if (swapPair >= 0) {
                        long delta = gain - lost + model.pairValue[swapPair];
                        if (delta > bestDelta) {
                            bestDelta = delta;
                            bestPair = p;
                            bestEjected = b;
                            bestEjectedPair = swapPair;
                        }
                    }
                }
                int elsewhere = bestPairWithRoom(b, m, own);
                if (elsewhere >= 0) {
                    long delta = gain - lost + model.pairValue[elsewhere] - addCost(model.pairMentor[elsewhere])
                            + leaveGain;
                    if (delta > bestDelta) {
                        bestDelta = delta;
                        bestPair = p;
                        bestEjected = b;
                        bestEjectedPair = elsewhere;
                    }
                } else if (own < 0) {
                    long delta = gain - lost;
                    if (delta > bestDelta) {
                        bestDelta = delta;
                        bestPair = p;
                        bestEjected = b;
                        bestEjectedPair = -1;
                    }
                }
            }
        }
        if (bestPair < 0) {
            return false;
        }
        boolean ownWasFull = own >= 0 && !hasRoom(own);
        apply(r, bestPair, bestEjected, bestEjectedPair, own);
        if (ownWasFull && hasRoom(own)) {
            roomVersion++;
        }
        return true;
    }

    private void apply(int r, int bestPair, int bestEjected, int bestEjectedPair, int own) {
        if (bestEjected < 0) {
            assign(r, bestPair);
            return;
        }
        unassign(bestEjected);
        if (bestEjectedPair >= 0 && model.pairMentor[bestEjectedPair] == own) {
            unassign(r);
            assign(bestEjected, bestEjectedPair);
            assign(r, bestPair);
        } else {
            assign(r, bestPair);
            if (bestEjectedPair >= 0) {
                assign(bestEjected, bestEjectedPair);
            }
        }
    }

    /** The best pair of a request with a mentor that has room, other than two mentors; -1 if none. */
    private int bestPairWithRoom(int request, int notThis, int norThis) {
        int cached = cachedRoomPair[request];
        if (cachedRoomVersion[request] == roomVersion
                && (cached < 0 || hasRoom(model.pairMentor[cached]))) {
            if (cached < 0 || (model.pairMentor[cached] != notThis && model.pairMentor[cached] != norThis)) {
                return cached;
            }
        }
        int found = -1;
        for (int p = model.start[request]; p < model.start[request + 1]; p++) {
            int m = model.pairMentor[p];
            if (hasRoom(m)) {
                if (m != notThis && m != norThis) {
                    found = p;
                    break;
                }
            }
        }
        int first = -1;
        for (int p = model.start[request]; p < model.start[request + 1] && first < 0; p++) {
            if (hasRoom(model.pairMentor[p])) {
                first = p;
            }
        }
        cachedRoomPair[request] = first;
        cachedRoomVersion[request] = roomVersion;
        return found;
    }

    /**
     * Solves the model exactly as a min-cost flow (source to each request, request to each allowed mentor at minus
     * BIG plus the pair's value, mentor to sink through one arc per place at its load-balance cost) by successive
     * shortest paths in the primal-dual way: a Dijkstra search on reduced costs finds the next shortest distance,
     * then every augmenting path of that length is followed. Stops once no path gains anything. BIG exceeds any
     * total value, so the result matches as many requests as possible, then has the most value.
     */
    void solveByShortestPaths() {
        int n = model.requestCount();
        int m = model.mentorCount();
        int source = n + m;
        int sink = source + 1;
        int nodes = sink + 1;
        long big = 1;
        for (int r = 0; r < n; r++) {
            long best = 0;
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                best = Math.max(best, Math.abs(model.pairValue[p]));
            }
            big += best;
        }
        for (int j = 0; j < m; j++) {
            long most = (long) model.settledLoad[j] + model.room[j];
            big += model.loadWeight * most * most;
        }
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

    /** Longer paths are left to the shortest-path tree, so that the search's recursion stays shallow. */
    private static final int MAX_PATH = 1_000;
    private long big;
    private long[] potential;
    private boolean[] dead;
    private boolean[] onPath;

    /** The load-balance cost of a mentor's next place. */
    private long slotCost(int mentor) {
        return model.loadWeight * (2L * (model.settledLoad[mentor] + menteeCount[mentor]) + 1);
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
