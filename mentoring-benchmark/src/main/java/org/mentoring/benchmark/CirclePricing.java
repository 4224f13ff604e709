package org.mentoring.benchmark;

import java.util.Arrays;

/**
 * The best circle inside one column, by branch and bound: given a value {@code a[k]} for each member k of the column
 * (its pair value with the mentor less its Lagrange multiplier) and the circle bonus {@code b(k,l)} of each two
 * members, the most {@code sum_{k in M} a[k] + sum_{k<l in M} b(k,l)} over the member sets M of minSize..maxSize
 * members, or an upper bound on it.
 *
 * <p><b>Why the bound of a node is a bound.</b> At a node the set S (value V) may still grow by a set T of members
 * after the last one taken, with {@code need = max(0, minSize - |S|) <= |T| <= slots = maxSize - |S|}. Then
 * {@code value(S + T) = V + sum_{l in T} (a[l] + b(l, S)) + sum_{l<l' in T} b(l,l')}, and the last sum is half the sum
 * over l in T of its bonuses with the other {@code |T| - 1 <= slots - 1} members of T, so at most half the sum of its
 * {@code slots - 1} largest bonuses within the whole column, each counted only if positive ({@code top[l][slots - 1]};
 * dropping a negative term or adding a non-negative one only raises the sum).
 * So {@code value(S + T) <= V + sum_{l in T} g[l]} with {@code g[l] = a[l] + b(l,S) + top[l][slots - 1] / 2}, which is
 * at most V plus the {@code need} largest g and then the next largest positive ones up to {@code slots}. A node whose
 * bound is not above the best value found (or the floor asked) holds nothing better and is dropped; when the node
 * budget runs out the answer is the root's bound, which holds for every member set of the column.
 */
final class CirclePricing {

    /** The most a circle of the column may be worth (exact when {@code exact}), and the best circle found, if any. */
    record Price(double bound, int[] best, double bestValue, boolean exact) {
    }

    private final int minSize;
    private final int maxSize;
    private final long nodeLimit;

    private int n;
    private double[] a;
    private int[][] bonus;
    private long[][] top;
    private final int[] set;
    private double best;
    private int[] bestSet;
    private long nodes;
    private boolean cut;

    CirclePricing(int minSize, int maxSize, long nodeLimit) {
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.nodeLimit = nodeLimit;
        this.set = new int[maxSize];
    }

    /**
     * The best member set above {@code floor}: {@code bound} is at least the value of every member set of the column
     * and at least {@code floor}; {@code best} (positions in the column) is a set worth more than {@code floor} when
     * one was found, else null.
     *
     * @param values a[k] for each position k of the column
     * @param bonuses b(k,l) for positions k, l of the column
     * @param tops tops[k][t]: the sum of the t largest bonuses of k with the others of the column, each counted only
     *     if positive, t = 0..maxSize-1
     */
    Price price(double[] values, int[][] bonuses, long[][] tops, double floor) {
        this.n = values.length;
        this.bonus = bonuses;
        this.top = tops;
        // Members in decreasing order of what they may add alone, so that good sets are found first.
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y] + tops[y][maxSize - 1] / 2.0,
                values[x] + tops[x][maxSize - 1] / 2.0));
        this.a = new double[n];
        int[][] sorted = new int[n][];
        long[][] sortedTops = new long[n][];
        for (int k = 0; k < n; k++) {
            a[k] = values[order[k]];
            sortedTops[k] = tops[order[k]];
            sorted[k] = new int[n];
            for (int l = 0; l < n; l++) {
                sorted[k][l] = bonuses[order[k]][order[l]];
            }
        }
        this.bonus = sorted;
        this.top = sortedTops;
        this.best = floor;
        this.bestSet = null;
        this.nodes = 0;
        this.cut = false;
        double root = nodeBound(0, -1, 0);
        if (root <= floor) {
            return new Price(floor, null, floor, true);
        }
        search(0, -1, 0);
        int[] found = null;
        if (bestSet != null) {
            found = new int[bestSet.length];
            for (int k = 0; k < bestSet.length; k++) {
                found[k] = order[bestSet[k]];
            }
        }
        return new Price(cut ? Math.max(root, best) : best, found, best, !cut);
    }

    private void search(int depth, int last, double value) {
        if (++nodes > nodeLimit) {
            cut = true;
            return;
        }
        if (depth >= minSize && value > best) {
            best = value;
            bestSet = Arrays.copyOf(set, depth);
        }
        if (depth == maxSize || nodeBound(depth, last, value) <= best) {
            return;
        }
        for (int l = last + 1; l < n && !cut; l++) {
            double gain = a[l];
            for (int d = 0; d < depth; d++) {
                gain += bonus[set[d]][l];
            }
            set[depth] = l;
            search(depth + 1, l, value + gain);
        }
    }

    /** The most any set grown from the first {@code depth} of {@code set} by members after {@code last} is worth. */
    private double nodeBound(int depth, int last, double value) {
        int need = Math.max(0, minSize - depth);
        int slots = maxSize - depth;
        int count = n - last - 1;
        if (count < need) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] g = new double[count];
        for (int l = last + 1; l < n; l++) {
            double gain = a[l] + top[l][slots - 1] / 2.0;
            for (int d = 0; d < depth; d++) {
                gain += bonus[set[d]][l];
            }
            g[l - last - 1] = gain;
        }
        Arrays.sort(g);
        double bound = value;
        for (int t = 0; t < Math.min(slots, count); t++) {
            double next = g[count - 1 - t];
            if (t >= need && next <= 0) {
                break;
            }
            bound += next;
        }
        return bound;
    }
}
