package org.mentoring.matching.solver;

/**
 * What the candidate pruning of one run left out, and the optimality certificate over it. The builder keeps in each
 * request's value range only its best {@code perRequest} allowed mentors by pair value; the pairs left out are still
 * allowed, so the flow's answer on the pruned pairs is the optimum only once a certificate shows that none of them
 * could improve it: with the flow's dual prices, no left-out pair has a positive reduced value
 * ({@link Certification}). The construction phase adds any that do and solves again, until none do.
 */
public final class CandidatePool {

    final PairIndex index;
    private final int perRequest;
    /** Per assignment (solution order): whether some of its allowed pairs were left out. */
    final boolean[] pruned;
    /** Per assignment: the highest value of any of its allowed pairs (its first candidate's), or 0. */
    final long[] bestValue;
    private final long allowedPairs;
    private final long keptPairs;
    private final long unvaluedPairs;
    private volatile boolean certified;
    /** Whether the construction's flow ran on this problem (not when the time limit ended the run before it). */
    private volatile boolean flowSolved;
    private volatile int rounds;
    private volatile long addedPairs;
    private volatile long certifyMillis;

    CandidatePool(PairIndex index, int perRequest, boolean[] pruned, long[] bestValue, long allowedPairs,
            long keptPairs, long unvaluedPairs) {
        this.unvaluedPairs = unvaluedPairs;
        this.index = index;
        this.bestValue = bestValue;
        this.perRequest = perRequest;
        this.pruned = pruned;
        this.allowedPairs = allowedPairs;
        this.keptPairs = keptPairs;
    }

    /** Records that the construction's min-cost flow solved this problem. */
    void flowSolved() {
        flowSolved = true;
    }

    /**
     * Whether the construction's min-cost flow solved this problem: a run whose time limit ended it before its first
     * phase has an empty answer, which is not the proven optimum.
     */
    public boolean hasFlowSolved() {
        return flowSolved;
    }

    /** At most this many candidates per request were kept before certification. */
    public int perRequest() {
        return perRequest;
    }

    /** Whether any request had allowed mentors left out. */
    public boolean anyPruned() {
        for (boolean p : pruned) {
            if (p) {
                return true;
            }
        }
        return false;
    }

    /**
     * Allowed pairs found by the build over all requests (none kept unless among the best); the
     * {@link #unvaluedPairs()} candidates come on top, some of them allowed.
     */
    public long allowedPairs() {
        return allowedPairs;
    }

    /**
     * Candidates the build never checked against the exact rules: their value bound showed they could not enter
     * their request's best {@link #perRequest()}. Left out like the allowed pairs beyond the best; the certificate
     * covers them.
     */
    public long unvaluedPairs() {
        return unvaluedPairs;
    }

    /** Pairs kept in the value ranges before certification. */
    public long keptPairs() {
        return keptPairs;
    }

    /** Whether the answer is proven optimal over every allowed pair, the left-out ones included. */
    public boolean certified() {
        return certified;
    }

    /** Solves of the flow it took: 1 when the first answer was already certified. */
    public int rounds() {
        return rounds;
    }

    /**
     * Left-out pairs the certificate added to the value ranges: those that could improve the answer, and with them
     * those whose reduced value was near it ({@link Certification#margin}).
     */
    public long addedPairs() {
        return addedPairs;
    }

    /** Time spent computing the dual prices and checking the left-out pairs, over all rounds. */
    public long certifyMillis() {
        return certifyMillis;
    }

    void record(boolean certified, int rounds, long addedPairs, long certifyMillis) {
        this.certified = certified;
        this.rounds = rounds;
        this.addedPairs = addedPairs;
        this.certifyMillis = certifyMillis;
    }
}
