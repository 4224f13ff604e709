package org.mentoring.matching.solver;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.RequestAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solves a run's flow on its pruned candidates and certifies the answer over every allowed pair. With the flow's dual
 * prices ({@link MinCostMatching#distancesToSink}), a left-out pair could improve the answer only if its reduced value
 * is positive: its value plus the cost of one more match exceeds what its request already gets plus what its mentor's
 * place is worth. The index streams every request's allowed pairs again (memory of the order of requests plus
 * mentors, never all pairs at once) and collects those; they join the value ranges and the flow solves again, until
 * none is left: then no allowed pair is missing that could change the optimum, and the answer is certified. Pairs
 * that break a hard rule never need a certificate: they can never be chosen. The first pass, when it must add pairs,
 * also adds, per request, up to {@link #NEAR_PER_REQUEST} whose reduced value is only just below zero (within
 * {@link #margin}), those most likely to turn positive once the flow has moved: so a second pass rarely finds more,
 * and the flow solves twice instead of three or four times. The certificate itself is unchanged: only a pass that
 * finds no left-out pair with a positive reduced value certifies. A solve after pairs were added starts from the last
 * answer and the dual prices the pass just computed ({@link MinCostMatching#warmStart}: the few requests the new pairs
 * improve move, then shortest paths settle the places they freed and took), not from nothing: the same optimum in a
 * tenth of the time.
 */
final class Certification {

    /** Beyond this many solves the answer is left uncertified (never seen: one or two suffice). */
    static final int MAX_ROUNDS = 25;

    private static final Logger LOG = LoggerFactory.getLogger(Certification.class);

    private Certification() {
    }

    /** The final model and its solved flow: certified in the solution's pool when it has one and the run is exact. */
    record Solved(MatchingModel model, MinCostMatching matching) {
    }

    static Solved solve(MatchingSolution solution) {
        return solve(solution, true);
    }

    /**
     * @param nearToo whether the first pass, when it must add pairs, also adds those near a positive reduced value
     *     (within the {@link #margin}); without, only those with a positive one, as before (more passes and solves,
     *     same answer). Later passes add only those with a positive one: they are rare, and the narrower filter keeps
     *     the last pass, the one that certifies, as cheap as before.
     */
    static Solved solve(MatchingSolution solution, boolean nearToo) {
        return solve(solution, nearToo, true);
    }

    /**
     * @param warmStart whether a solve after pairs were added starts from the last answer and its dual prices
     *     ({@link MinCostMatching#warmStart}); without, it solves from nothing (slower, the same optimum)
     */
    static Solved solve(MatchingSolution solution, boolean nearToo, boolean warmStart) {
        long firstStart = System.nanoTime();
        MatchingModel model = MatchingModel.of(solution);
        MinCostMatching matching = new MinCostMatching(model);
        matching.solve();
        LOG.info("Certificate, solve 1: {} open requests, {} pairs, solved in {} ms", model.requestCount(),
                model.start[model.requestCount()], (System.nanoTime() - firstStart) / 1_000_000);
        CandidatePool pool = solution.getCandidatePool();
        if (pool != null) {
            pool.flowSolved();
        }
        MatchingWeights weights = solution.getConfiguration().weights();
        if (pool == null || !MatchingConstraintProvider.exactByFlow(weights)) {
            return new Solved(model, matching);
        }
        long certifyNanos = 0;
        long added = 0;
        int rounds = 1;
        boolean certified = false;
        while (true) {
            long start = System.nanoTime();
            long[] distances = matching.distancesToSink();
            Found found = distances == null ? null : leftOut(solution, model, matching, distances, pool,
                    nearToo && rounds == 1 ? margin(pool) : 0);
            certifyNanos += System.nanoTime() - start;
            if (found == null) {
                LOG.warn("Certificate refused: the flow's dual prices do not check out");
                break;
            }
            if (found.improving() == 0) {
                certified = true;
                break;
            }
            if (rounds >= MAX_ROUNDS) {
                LOG.warn("Certificate not reached after {} solves; {} left-out pairs still improve", rounds,
                        found.improving());
                break;
            }
            long count = found.improving() + found.near();
            LOG.info("Certificate, solve {}: {} left-out pairs improve, {} more are within {} of it; all added",
                    rounds, found.improving(), found.near(), found.margin());
            add(solution, model, found.additions(), weights);
            added += count;
            rounds++;
            long solveStart = System.nanoTime();
            boolean[] changed = new boolean[model.requestCount()];
            for (int r = 0; r < changed.length; r++) {
                changed[r] = found.additions()[r] != null;
            }
            MatchingModel next = model.withRangesOf(changed, weights);
            MinCostMatching warm = warmStart ? MinCostMatching.warmStart(next, matching, distances) : null;
            model = next;
            if (warm == null) {
                matching = new MinCostMatching(model);
                matching.solve();
            } else {
                matching = warm;
            }
            LOG.info("Certificate, solve {}: {} in {} ms", rounds, warm == null ? "solved from nothing"
                    : "warm-started from the last answer", (System.nanoTime() - solveStart) / 1_000_000);
        }
        pool.record(certified, rounds, added, certifyNanos / 1_000_000);
        LOG.info("Certificate: {} after {} solve(s); {} pairs kept of {} allowed pairs valued ({} candidates not"
                + " valued), {} added, checked in {} ms", certified ? "optimal over every allowed pair"
                : "NOT certified", rounds, pool.keptPairs(), pool.allowedPairs(), pool.unvaluedPairs(), added,
                certifyNanos / 1_000_000);
        return new Solved(model, matching);
    }

    /**
     * What one pass over the left-out pairs found: per open request (model order) the mentors to add, or null; how
     * many of them improve the answer (a positive reduced value: the certificate fails while there is one), and how
     * many more are only near it (a reduced value above minus {@code margin}).
     */
    record Found(int[][] additions, long improving, long near, long margin) {
    }

    /** Near-positive pairs added per request at most, on top of the improving ones (the highest reduced values). */
    static final int NEAR_PER_REQUEST = 8;

    /**
     * How far below zero a left-out pair's reduced value may be and still be added when a pass must add pairs
     * anyway: the flow that solves again moves the mentors' prices, and a pair just below zero now is the one most
     * likely to turn positive then, costing another pass and another solve. A 32nd of the highest pair value of any
     * request (the prices move by differences between pair values; at 50,000 x 10,000 a 32nd added about 48,000
     * pairs and needed 2 solves, a 64th 14,000 and 3, a 16th 164,000 and 2, half 400,000 and 2: see
     * docs/benchmarks.md). Adding more pairs than needed never weakens the certificate, which still ends only when
     * no left-out pair has a positive reduced value.
     */
    static long margin(CandidatePool pool) {
        long highest = 0;
        for (long v : pool.bestValue) {
            highest = Math.max(highest, v);
        }
        return Math.max(1, highest / 32);
    }

    /**
     * For each open request (model order), the left-out mentors whose pair has a positive reduced value, and those
     * within the {@link #margin} of it; null when a pair in the model breaks the dual prices (they are not a
     * certificate).
     */
    private static Found leftOut(MatchingSolution solution, MatchingModel model, MinCostMatching matching,
            long[] distances, CandidatePool pool, long margin) {
        int n = model.requestCount();
        int[] modelOf = new int[solution.getAssignments().size()];
        Arrays.fill(modelOf, -1);
        for (int r = 0; r < n; r++) {
            modelOf[model.requests.get(r).getIndex()] = r;
        }
        long big = matching.big();
        int[][] additions = new int[n][];
        AtomicLong broken = new AtomicLong();
        AtomicLong improving = new AtomicLong();
        AtomicLong near = new AtomicLong();
        // A pair can have a reduced value above -margin only if the request's best value could give it one: most
        // pairs are ruled out on their dual prices alone, before their time together and value are computed.
        PairIndex.PairFilter mayMatter = (i, j) -> {
            long dj = distances[n + j];
            long dr = distances[modelOf[i]];
            return dj != Long.MAX_VALUE && (dr == Long.MAX_VALUE || dr > dj - (big + pool.bestValue[i]) - margin
                    && dr > dj - (big + pool.index.valueBound(i, j)) - margin);
        };
        // and whole requests are ruled out against the lowest price of any mentor
        long lowest = Long.MAX_VALUE;
        for (int j = 0; j < model.mentorCount(); j++) {
            lowest = Math.min(lowest, distances[n + j]);
        }
        long lowestPrice = lowest;
        ThreadLocal<boolean[]> inModel = ThreadLocal.withInitial(() -> new boolean[model.mentorCount()]);
        pool.index.scan(i -> i < modelOf.length && modelOf[i] >= 0 && pool.pruned[i] && lowestPrice != Long.MAX_VALUE
                && (distances[modelOf[i]] == Long.MAX_VALUE
                        || distances[modelOf[i]] > lowestPrice - (big + pool.bestValue[i]) - margin), mayMatter,
                (i, mentors, values, count) -> {
            int r = modelOf[i];
            long dr = distances[r];
            int own = matching.mentorOf(r);
            boolean[] kept = inModel.get();
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                kept[model.pairMentor[p]] = true;
            }
            int[] up = null;
            int upCount = 0;
            int[] close = null;
            long[] closeSlack = null;
            int closeCount = 0;
            for (int c = 0; c < count; c++) {
                int j = mentors[c];
                long dj = distances[n + j];
                if (dj == Long.MAX_VALUE || j == own) {
                    continue;
                }
                // the pair's reduced value; MAX_VALUE when the request has no way to the sink at all
                long slack = dr == Long.MAX_VALUE ? Long.MAX_VALUE : dr - dj + big + values[c];
                if (slack <= -margin) {
                    continue;
                }
                if (kept[j]) {
                    if (slack > 0) {
                        broken.incrementAndGet();
                    }
                    continue;
                }
                if (slack > 0) {
                    if (up == null) {
                        up = new int[Math.min(count, 16)];
                    } else if (upCount == up.length) {
                        up = Arrays.copyOf(up, Math.min(count, up.length * 2));
                    }
                    up[upCount++] = j;
                } else {
                    if (close == null) {
                        close = new int[Math.min(count, 16)];
                        closeSlack = new long[close.length];
                    } else if (closeCount == close.length) {
                        close = Arrays.copyOf(close, Math.min(count, close.length * 2));
                        closeSlack = Arrays.copyOf(closeSlack, close.length);
                    }
                    close[closeCount] = j;
                    closeSlack[closeCount++] = slack;
                }
            }
            for (int p = model.start[r]; p < model.start[r + 1]; p++) {
                kept[model.pairMentor[p]] = false;
            }
            if (closeCount > NEAR_PER_REQUEST) {
                // keep the highest reduced values (ties: lower mentor index)
                Integer[] order = new Integer[closeCount];
                Arrays.setAll(order, k -> k);
                long[] sl = closeSlack;
                int[] cl = close;
                Arrays.sort(order, (x, y) -> sl[x] != sl[y] ? Long.compare(sl[y], sl[x]) : Integer.compare(cl[x],
                        cl[y]));
                int[] nearest = new int[NEAR_PER_REQUEST];
                for (int k = 0; k < nearest.length; k++) {
                    nearest[k] = close[order[k]];
                }
                close = nearest;
                closeCount = nearest.length;
            }
            improving.addAndGet(upCount);
            near.addAndGet(closeCount);
            if (upCount + closeCount > 0) {
                int[] both = new int[upCount + closeCount];
                if (upCount > 0) {
                    System.arraycopy(up, 0, both, 0, upCount);
                }
                if (closeCount > 0) {
                    System.arraycopy(close, 0, both, upCount, closeCount);
                }
                additions[r] = both;
            }
        });
        return broken.get() > 0 ? null : new Found(additions, improving.get(), near.get(), margin);
    }

    /** Adds the mentors to the requests' candidates, keeping each range best first. */
    private static void add(MatchingSolution solution, MatchingModel model, int[][] additions,
            MatchingWeights weights) {
        PairEvaluator evaluator = new PairEvaluator();
        List<MentorFact> mentors = solution.getMentors();
        for (int r = 0; r < additions.length; r++) {
            if (additions[r] == null || additions[r].length == 0) {
                continue;
            }
            RequestAssignment assignment = model.requests.get(r);
            List<MentorFact> current = assignment.getFeasibleMentors();
            int total = current.size() + additions[r].length;
            int[] candidates = new int[total];
            long[] values = new long[total];
            int k = 0;
            for (MentorFact mentor : current) {
                candidates[k] = mentor.getIndex();
                values[k++] = PairPreference.value(assignment.getRequest(), assignment.fitWith(mentor), weights);
            }
            for (int j : additions[r]) {
                candidates[k] = j;
                values[k++] = PairPreference.value(assignment.getRequest(),
                        evaluator.fit(assignment.getRequest(), mentors.get(j).getMentor()), weights);
            }
            int[] order = MatchingProblemBuilder.best(candidates, values, total, total);
            int[] bestMentors = new int[total];
            long[] bestValues = new long[total];
            for (int b = 0; b < total; b++) {
                bestMentors[b] = candidates[order[b]];
                bestValues[b] = values[order[b]];
            }
            RequestAssignment rebuilt = MatchingProblemBuilder.assignment(assignment.getIndex(),
                    assignment.getRequest(), mentors, bestMentors, bestValues, null, evaluator, weights);
            int[] fitIndexes = rebuilt.getFitMentorIndexes();
            assignment.setCandidates(rebuilt.getFeasibleMentors(), fitIndexes, rebuilt.getFits());
        }
    }
}
