package org.mentoring.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.solver.AllowedPairs;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.matching.solver.PairPreference;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * How stable a run's answer is: the number of blocking pairs, an open request and a mentor that the hard rules allow
 * together (rules 2 to 5) and who would both gain by leaving their assignment for each other, under the run's pair
 * values ({@link PairPreference#value} with the run's weights, the values the engine adds up):
 * <ul>
 * <li>the request gains when the pair is worth more than its own pair, or it has none;</li>
 * <li>the mentor gains when they have a free place, or when the pair is worth more than their pair with their
 * weakest mentee of the run (the one whose pair is worth least).</li>
 * </ul>
 * Both gains are strict: a tie is no reason to move. Accepted mentorships the run kept (settled) hold their places
 * and are never given up, so a mentor whose places are all settled gains from no one. The engine maximises the
 * programme's total, not each side's own wish, so an optimal run may well have blocking pairs: the count says how
 * many people could be tempted to arrange a pair of their own.
 *
 * <p>Never every pair at once: requests stream one at a time through the solver's {@link AllowedPairs}, and a pair
 * is checked in full only where its value could beat both sides' bars ({@link AllowedPairs#valueBound}). Memory of
 * the order of requests plus mentors.
 */
public final class BlockingPairs {

    private BlockingPairs() {
    }

    /**
     * The number of blocking pairs of a run.
     *
     * @param inputs what the run read: its open requests, mentors and settled mentorships
     * @param assignment each matched open request's externalId with its mentor's externalId, as the run proposes
     * @param weights the run's weights
     */
    public static long count(InputSnapshot inputs, Map<String, String> assignment, MatchingWeights weights) {
        List<MentorshipRequest> requests = inputs.openRequests();
        List<Mentor> mentors = inputs.mentors();
        Map<String, Integer> mentorIndex = new HashMap<>();
        for (int j = 0; j < mentors.size(); j++) {
            mentorIndex.putIfAbsent(mentors.get(j).externalId(), j);
        }
        int[] load = new int[mentors.size()];
        for (String mentor : inputs.settled().values()) {
            Integer j = mentorIndex.get(mentor);
            if (j != null) {
                load[j]++;
            }
        }
        // a request's bar: the value of its own pair (MIN_VALUE: it has none, any pair is a gain)
        long[] requestBar = new long[requests.size()];
        Arrays.fill(requestBar, Long.MIN_VALUE);
        // a mentor's weakest pair of this run (MAX_VALUE: none)
        long[] weakest = new long[mentors.size()];
        Arrays.fill(weakest, Long.MAX_VALUE);
        PairEvaluator evaluator = new PairEvaluator();
        for (int r = 0; r < requests.size(); r++) {
            MentorshipRequest request = requests.get(r);
            String mentorId = assignment.get(request.externalId());
            if (mentorId == null) {
                continue;
            }
            Integer j = mentorIndex.get(mentorId);
            if (j == null) {
                // matched with someone the run did not read (not possible from the engine): it wants no one else
                requestBar[r] = Long.MAX_VALUE;
                continue;
            }
            long value = PairPreference.value(request, evaluator.fit(request, mentors.get(j)), weights);
            requestBar[r] = value;
            load[j]++;
            weakest[j] = Math.min(weakest[j], value);
        }
        // a mentor's bar: MIN_VALUE with a free place, else the value of their weakest pair of the run
        long[] mentorBar = new long[mentors.size()];
        for (int j = 0; j < mentors.size(); j++) {
            mentorBar[j] = load[j] < mentors.get(j).capacity() ? Long.MIN_VALUE : weakest[j];
        }
        AllowedPairs pairs = new AllowedPairs(requests, mentors, weights);
        LongAdder blocking = new LongAdder();
        pairs.scan(r -> requestBar[r] != Long.MAX_VALUE,
                (r, j) -> mentorBar[j] != Long.MAX_VALUE
                        && pairs.valueBound(r, j) > Math.max(requestBar[r], mentorBar[j]),
                (r, candidates, values, count) -> {
                    int found = 0;
                    for (int k = 0; k < count; k++) {
                        if (values[k] > Math.max(requestBar[r], mentorBar[candidates[k]])) {
                            found++;
                        }
                    }
                    blocking.add(found);
                });
        return blocking.sum();
    }
}
