package org.mentoring.matching.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mentoring.matching.domain.MatchingConstraintConfiguration;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * Builds a run's planning problem: finds each request's allowed mentors through the {@link PairIndex} (by language,
 * date and time of week, then the exact pair-wise hard rules), keeps in its value range the best
 * {@link MatchingProblem#candidatesPerRequest} of them by pair value, best first (ties: the lower mentor index),
 * and pins the settled pairs. The pairs left out are recorded in the solution's {@link CandidatePool}, for the
 * construction phase's optimality certificate. Only the kept pairs get a {@link PairFit}.
 */
public final class MatchingProblemBuilder {

    private MatchingProblemBuilder() {
    }

    public static MatchingSolution build(MatchingProblem problem) {
        List<MentorFact> mentors = new ArrayList<>(problem.mentors().size());
        Map<String, MentorFact> byExternalId = new HashMap<>();
        for (Mentor mentor : problem.mentors()) {
            MentorFact fact = new MentorFact(mentors.size(), mentor);
            mentors.add(fact);
            byExternalId.put(mentor.externalId(), fact);
        }
        List<MentorshipRequest> requests = new ArrayList<>(problem.settled().keySet());
        requests.sort(Comparator.comparing(MentorshipRequest::externalId));
        int settledCount = requests.size();
        requests.addAll(problem.openRequests());
        MentorFact[] settledMentors = new MentorFact[settledCount];
        for (int i = 0; i < settledCount; i++) {
            MentorshipRequest request = requests.get(i);
            String mentorId = problem.settled().get(request);
            settledMentors[i] = byExternalId.get(mentorId);
            if (settledMentors[i] == null) {
                throw new IllegalArgumentException("settled mentorship of request " + request.externalId()
                        + " names mentor " + mentorId + ", who is not in the run");
            }
        }
        MatchingWeights weights = problem.weights();
        PairIndex index = new PairIndex(requests, problem.mentors(), weights);
        int perRequest = problem.candidatesPerRequest();
        ThreadLocal<PairEvaluator> evaluators = ThreadLocal.withInitial(PairEvaluator::new);
        RequestAssignment[] assignments = new RequestAssignment[requests.size()];
        boolean[] pruned = new boolean[requests.size()];
        long[] bestValue = new long[requests.size()];
        AtomicLong allowed = new AtomicLong();
        AtomicLong kept = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        int[] skippedOf = new int[requests.size()];
        // only the pairs that may still enter a request's best K are checked and valued: the others are left out
        // like the pairs beyond the best K, and the certificate looks at them after the flow
        index.scanBestWithTime(Math.max(1, perRequest), (i, candidates, values, overlaps, count) -> {
            int keep = Math.min(perRequest, count);
            int[] best = best(candidates, values, count, keep);
            allowed.addAndGet(count);
            kept.addAndGet(keep);
            pruned[i] = keep < count || skippedOf[i] > 0;
            bestValue[i] = keep == 0 ? 0 : values[best[0]];
            MentorFact settledMentor = i < settledCount ? settledMentors[i] : null;
            long[] bestValues = new long[keep];
            int[] bestMentors = new int[keep];
            PairFit[] bestFits = new PairFit[keep];
            for (int k = 0; k < keep; k++) {
                bestMentors[k] = candidates[best[k]];
                bestValues[k] = values[best[k]];
                bestFits[k] = index.fit(i, bestMentors[k], overlaps[best[k]]);
            }
            RequestAssignment assignment = assignment(i, requests.get(i), mentors, bestMentors, bestValues,
                    bestFits, settledMentor, evaluators.get(), weights);
            if (settledMentor != null) {
                assignment.setMentor(settledMentor);
                assignment.setPinned(true);
            }
            assignments[i] = assignment;
        }, (i, count) -> {
            skippedOf[i] = count;
            skipped.addAndGet(count);
            return count;
        });
        MatchingSolution solution = new MatchingSolution(mentors, List.of(assignments),
                new MatchingConstraintConfiguration(weights));
        solution.setCandidatePool(new CandidatePool(index, perRequest, pruned, bestValue, allowed.get(), kept.get(),
                skipped.get()));
        return solution;
    }

    /**
     * A request's assignment with these candidates (best first) and their values as the index computed them; each
     * gets its {@link PairFit}, checked against the index: a pair the index allows must pass the evaluator's rules
     * and have the same value, or the build fails rather than solve something else.
     */
    static RequestAssignment assignment(int i, MentorshipRequest request, List<MentorFact> mentors,
            int[] bestMentors, long[] bestValues, MentorFact settledMentor, PairEvaluator evaluator,
            MatchingWeights weights) {
        return assignment(i, request, mentors, bestMentors, bestValues, null, settledMentor, evaluator, weights);
    }

    /**
     * The same, with the candidates' fits already made by the {@link PairIndex} ({@link PairIndex#fit}, the same as
     * the evaluator's: a test compares them on random communities), or null to have the evaluator make them; the
     * settled mentor's fit, when it is not among them, always comes from the evaluator (it may break rules). Each
     * fit must still give its candidate's value, or the build fails.
     */
    static RequestAssignment assignment(int i, MentorshipRequest request, List<MentorFact> mentors,
            int[] bestMentors, long[] bestValues, PairFit[] bestFits, MentorFact settledMentor,
            PairEvaluator evaluator, MatchingWeights weights) {
        int keep = bestMentors.length;
        int[] fitIndexes = new int[keep + (settledMentor == null ? 0 : 1)];
        System.arraycopy(bestMentors, 0, fitIndexes, 0, keep);
        int fitCount = keep;
        if (settledMentor != null && Arrays.stream(bestMentors).noneMatch(j -> j == settledMentor.getIndex())) {
            fitIndexes[fitCount++] = settledMentor.getIndex();
        }
        fitIndexes = Arrays.copyOf(fitIndexes, fitCount);
        Arrays.sort(fitIndexes);
        PairFit[] fits = new PairFit[fitCount];
        if (bestFits != null) {
            for (int k = 0; k < keep; k++) {
                fits[Arrays.binarySearch(fitIndexes, bestMentors[k])] = bestFits[k];
            }
        }
        for (int k = 0; k < fitCount; k++) {
            if (fits[k] == null) {
                fits[k] = evaluator.fit(request, mentors.get(fitIndexes[k]).getMentor());
            }
        }
        MentorFact[] feasible = new MentorFact[keep];
        for (int k = 0; k < keep; k++) {
            MentorFact mentor = mentors.get(bestMentors[k]);
            PairFit fit = fits[Arrays.binarySearch(fitIndexes, bestMentors[k])];
            if (!fit.allowed() || PairPreference.value(request, fit, weights) != bestValues[k]) {
                throw new IllegalStateException("the pair index and the pair evaluator disagree on request "
                        + request.externalId() + " and mentor " + mentor.getExternalId());
            }
            feasible[k] = mentor;
        }
        return new RequestAssignment(i, request, List.of(feasible), fitIndexes, fits);
    }

    /**
     * The positions of the {@code keep} best of the first {@code count} pairs, best first: the highest value, then the
     * lower mentor index.
     */
    static int[] best(int[] mentors, long[] values, int count, int keep) {
        if (keep == count || count <= 4 * keep) {
            int[] order = new int[count];
            for (int k = 0; k < count; k++) {
                order[k] = k;
            }
            sort(order, mentors, values);
            return keep == count ? order : Arrays.copyOf(order, keep);
        }
        // a heap of the best so far with the worst of them on top
        int[] heap = new int[keep];
        int size = 0;
        for (int k = 0; k < count; k++) {
            if (size < keep) {
                int i = size++;
                heap[i] = k;
                while (i > 0 && better(mentors, values, heap[(i - 1) / 2], heap[i]) < 0) {
                    int up = (i - 1) / 2;
                    int t = heap[up];
                    heap[up] = heap[i];
                    heap[i] = t;
                    i = up;
                }
            } else if (better(mentors, values, k, heap[0]) < 0) {
                heap[0] = k;
                int i = 0;
                while (true) {
                    int worst = i;
                    int left = 2 * i + 1;
                    int right = left + 1;
                    if (left < size && better(mentors, values, heap[worst], heap[left]) < 0) {
                        worst = left;
                    }
                    if (right < size && better(mentors, values, heap[worst], heap[right]) < 0) {
                        worst = right;
                    }
                    if (worst == i) {
                        break;
                    }
                    int t = heap[worst];
                    heap[worst] = heap[i];
                    heap[i] = t;
                    i = worst;
                }
            }
        }
        sort(heap, mentors, values);
        return heap;
    }

    /**
     * Sorts positions best first ({@link #better}: a total order, as the mentors differ), without boxing them: a
     * merge sort, by insertion for short runs.
     */
    private static void sort(int[] order, int[] mentors, long[] values) {
        int n = order.length;
        for (int from = 0; from < n; from += 16) {
            int to = Math.min(n, from + 16);
            for (int i = from + 1; i < to; i++) {
                int x = order[i];
                int k = i - 1;
                while (k >= from && better(mentors, values, order[k], x) > 0) {
                    order[k + 1] = order[k];
                    k--;
                }
                order[k + 1] = x;
            }
        }
        if (n <= 16) {
            return;
        }
        int[] from = order;
        int[] to = new int[n];
        for (int width = 16; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    to[k] = b >= hi || (a < mid && better(mentors, values, from[a], from[b]) <= 0) ? from[a++]
                            : from[b++];
                }
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != order) {
            System.arraycopy(from, 0, order, 0, n);
        }
    }

    /** Negative when the pair at {@code a} comes before the one at {@code b}. */
    private static int better(int[] mentors, long[] values, int a, int b) {
        return values[a] != values[b] ? Long.compare(values[b], values[a]) : Integer.compare(mentors[a], mentors[b]);
    }
}
