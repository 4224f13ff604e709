package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * The index finds exactly the pairs the evaluator allows, without checking every pair, and values them exactly as
 * {@link PairPreference#value}; its unmatched reasons are word for word those of checking every mentor.
 */
class PairIndexTest {

    @Property(tries = 15, seed = "20261203")
    void theIndexFindsEveryAllowedPairWithItsValue(@ForAll long seed,
            @ForAll @IntRange(min = 5, max = 200) int requestCount, @ForAll @IntRange(min = 2, max = 90) int mentorCount,
            @ForAll("weights") MatchingWeights weights) {
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requestCount, mentorCount);
        List<MentorshipRequest> requests = community.requests();
        List<Mentor> mentors = community.mentors();
        PairIndex index = new PairIndex(requests, mentors, weights);
        PairEvaluator evaluator = new PairEvaluator();
        Map<Integer, Map<Integer, Long>> found = new HashMap<>();
        index.scan(r -> true, (r, ms, vs, count) -> {
            Map<Integer, Long> pairs = new HashMap<>();
            for (int c = 0; c < count; c++) {
                pairs.put(ms[c], vs[c]);
            }
            synchronized (found) {
                found.put(r, pairs);
            }
        });
        assertThat(found).hasSize(requests.size());
        for (int r = 0; r < requests.size(); r++) {
            Map<Integer, Long> expected = new HashMap<>();
            for (int j = 0; j < mentors.size(); j++) {
                if (evaluator.allowed(requests.get(r), mentors.get(j))) {
                    expected.put(j, PairPreference.value(requests.get(r),
                            evaluator.fit(requests.get(r), mentors.get(j)), weights));
                }
            }
            assertThat(found.get(r)).as("request %s", requests.get(r).externalId()).isEqualTo(expected);
        }
    }

    @Property(tries = 15, seed = "20261205")
    void theBuildValuesOnlyWhatMayEnterTheBestKAndKeepsTheSameBestK(@ForAll long seed,
            @ForAll @IntRange(min = 5, max = 150) int requestCount, @ForAll @IntRange(min = 10, max = 120) int mentorCount,
            @ForAll @IntRange(min = 1, max = 8) int keep, @ForAll("weights") MatchingWeights weights) {
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requestCount, mentorCount);
        PairIndex index = new PairIndex(community.requests(), community.mentors(), weights);
        Map<Integer, Map<Integer, Long>> all = new HashMap<>();
        index.scan(r -> true, (r, ms, vs, count) -> {
            Map<Integer, Long> pairs = new HashMap<>();
            for (int c = 0; c < count; c++) {
                pairs.put(ms[c], vs[c]);
            }
            synchronized (all) {
                all.put(r, pairs);
            }
        });
        Map<Integer, List<Long>> bestOfAll = new HashMap<>();
        Map<Integer, List<Long>> bestOfSome = new HashMap<>();
        long[] skipped = new long[1];
        long[] valued = new long[1];
        index.scanBest(keep, (r, ms, vs, count) -> {
            List<Long> best = new ArrayList<>();
            for (int b : MatchingProblemBuilder.best(ms, vs, count, Math.min(keep, count))) {
                best.add((long) ms[b]);
                best.add(vs[b]);
            }
            synchronized (all) {
                valued[0] += count;
                for (int c = 0; c < count; c++) {
                    assertThat(all.get(r)).containsEntry(ms[c], vs[c]);
                }
                bestOfSome.put(r, best);
                int[] mentors = all.get(r).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
                long[] values = java.util.Arrays.stream(mentors).mapToLong(j -> all.get(r).get(j)).toArray();
                List<Long> expected = new ArrayList<>();
                for (int b : MatchingProblemBuilder.best(mentors, values, mentors.length,
                        Math.min(keep, mentors.length))) {
                    expected.add((long) mentors[b]);
                    expected.add(values[b]);
                }
                bestOfAll.put(r, expected);
            }
        }, (r, count) -> {
            synchronized (all) {
                skipped[0] += count;
            }
            return count;
        });
        assertThat(bestOfSome).isEqualTo(bestOfAll).hasSize(community.requests().size());
        long allowed = all.values().stream().mapToLong(Map::size).sum();
        assertThat(valued[0]).isLessThanOrEqualTo(allowed);
    }

    @Property(tries = 10, seed = "20261204")
    void theIndexGivesTheSameUnmatchedReasons(@ForAll long seed, @ForAll @IntRange(min = 5, max = 120) int requestCount,
            @ForAll @IntRange(min = 1, max = 70) int mentorCount) {
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requestCount, mentorCount);
        List<MentorshipRequest> requests = community.requests();
        List<Mentor> mentors = community.mentors();
        assertTheIndexGivesTheEvaluatorsReasons(requests, mentors, new Random(seed));
    }

    /**
     * The index's unmatched reasons for every request equal those of checking every mentor with the evaluator, each
     * mentor's load drawn at random (full when it reaches the capacity).
     */
    static void assertTheIndexGivesTheEvaluatorsReasons(List<MentorshipRequest> requests, List<Mentor> mentors,
            Random random) {
        List<MentorFact> facts = new ArrayList<>();
        Map<MentorFact, Integer> load = new HashMap<>();
        long[] full = new long[(mentors.size() + 63) >>> 6];
        for (int j = 0; j < mentors.size(); j++) {
            MentorFact fact = new MentorFact(j, mentors.get(j));
            facts.add(fact);
            load.put(fact, random.nextInt(mentors.get(j).capacity() + 1));
            if (load.get(fact) >= mentors.get(j).capacity()) {
                full[j >>> 6] |= 1L << j;
            }
        }
        UnmatchedDiagnosis.Counts[] counts = new PairIndex(requests, mentors, MatchingWeights.defaults())
                .diagnose(r -> true, full);
        PairEvaluator evaluator = new PairEvaluator();
        for (int r = 0; r < requests.size(); r++) {
            assertThat(UnmatchedDiagnosis.reasons(requests.get(r), counts[r]))
                    .as("request %s", requests.get(r).externalId())
                    .isEqualTo(UnmatchedDiagnosis.reasons(requests.get(r), facts, load, evaluator));
        }
    }

    @Provide
    Arbitrary<MatchingWeights> weights() {
        return randomWeights();
    }

    /** Weights of 0 (two times in seven) or anything up to the maximum. */
    static Arbitrary<MatchingWeights> randomWeights() {
        Arbitrary<Integer> weight = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, MatchingWeights.MAX_WEIGHT)));
        return weight.list().ofSize(7).map(w -> new MatchingWeights(w.get(0), w.get(1), w.get(2), w.get(3),
                w.get(4), w.get(5), w.get(6)));
    }
}
