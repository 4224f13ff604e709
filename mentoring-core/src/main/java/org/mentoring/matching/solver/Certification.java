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
 * that break a hard rule never need a certificate: they can never be chosen.
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
        MatchingModel model = MatchingModel.of(solution);
        MinCostMatching matching = new MinCostMatching(model);
        matching.solve();
        CandidatePool pool = solution.getCandidatePool();
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
            int[][] additions = distances == null ? null : leftOutWithPositiveValue(solution, model, matching,
                    distances, pool);
            certifyNanos += System.nanoTime() - start;
            if (additions == null) {
                LOG.warn("Certificate refused: the flow's dual prices do not check out");
                break;
            }
            long count = Arrays.stream(additions).filter(a -> a != null).mapToLong(a -> a.length).sum();
            if (count == 0) {
                certified = true;
                break;
            }
            if (rounds >= MAX_ROUNDS) {
                LOG.warn("Certificate not reached after {} solves; {} left-out pairs still improve", rounds, count);
                break;
            }
            add(solution, model, additions, weights);
            added += count;
            rounds++;
            model = MatchingModel.of(solution);
            matching = new MinCostMatching(model);
            matching.solve();
        }
        pool.record(certified, rounds, added, certifyNanos / 1_000_000);
        LOG.info("Certificate: {} after {} solve(s); {} pairs kept of {} allowed pairs valued ({} candidates not"
                + " valued), {} added, checked in {} ms", certified ? "optimal over every allowed pair"
                : "NOT certified", rounds, pool.keptPairs(), pool.allowedPairs(), pool.unvaluedPairs(), added,
                certifyNanos / 1_000_000);
        return new Solved(model, matching);
    }

    /**
     * For each open request (model order), the left-out mentors whose pair has a positive reduced value, or null when
     * none; null overall when a pair in the model breaks the dual prices (they are not a certificate).
     */
    private static int[][] leftOutWithPositiveValue(MatchingSolution solution, MatchingModel model,
            MinCostMatching matching, long[] distances, CandidatePool pool) {
        int n = model.requestCount();
        int[] modelOf = new int[solution.getAssignments().size()];
        Arrays.fill(modelOf, -1);
        for (int r = 0; r < n; r++) {
            modelOf[model.requests.get(r).getIndex()] = r;
        }
        long big = matching.big();
        int[][] additions = new int[n][];
        AtomicLong broken = new AtomicLong();
        // A pair can have a positive reduced value only if the request's best value could give it one: most pairs
        // are ruled out on their dual prices alone, before their time together and value are computed.
        PairIndex.PairFilter mayImprove = (i, j) -> {
            long dj = distances[n + j];
            long dr = distances[modelOf[i]];
            return dj != Long.MAX_VALUE && (dr == Long.MAX_VALUE || dr > dj - (big + pool.bestValue[i])
                    && dr > dj - (big + pool.index.valueBound(i, j)));
        };
        // and whole requests are ruled out against the lowest price of any mentor
        long lowest = Long.MAX_VALUE;
        for (int j = 0; j < model.mentorCount(); j++) {
            lowest = Math.min(lowest, distances[n + j]);
        }
        long lowestPrice = lowest;
        pool.index.scan(i -> i < modelOf.length && modelOf[i] >= 0 && pool.pruned[i] && lowestPrice != Long.MAX_VALUE
                && (distances[modelOf[i]] == Long.MAX_VALUE
                        || distances[modelOf[i]] > lowestPrice - (big + pool.bestValue[i])), mayImprove,
                (i, mentors, values, count) -> {
            int r = modelOf[i];
            long dr = distances[r];
            int own = matching.mentorOf(r);
            int[] found = null;
            int foundCount = 0;
            for (int c = 0; c < count; c++) {
                int j = mentors[c];
                long dj = distances[n + j];
                if (dj == Long.MAX_VALUE || j == own) {
                    continue;
                }
                if (dr != Long.MAX_VALUE && dr <= dj - (big + values[c])) {
                    continue;
                }
                if (inModel(model, r, j)) {
                    broken.incrementAndGet();
                    continue;
                }
                if (found == null) {
                    found = new int[Math.min(count, 16)];
                } else if (foundCount == found.length) {
                    found = Arrays.copyOf(found, Math.min(count, found.length * 2));
                }
                found[foundCount++] = j;
            }
            additions[r] = found == null ? null : Arrays.copyOf(found, foundCount);
        });
        return broken.get() > 0 ? null : additions;
    }

    private static boolean inModel(MatchingModel model, int r, int mentor) {
        for (int p = model.start[r]; p < model.start[r + 1]; p++) {
            if (model.pairMentor[p] == mentor) {
                return true;
            }
        }
        return false;
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
