package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm.MinimumCostFlow;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The engine's answer is the optimum: on random generated communities (up to 300 requests, settled mentorships
 * included) with random non-negative weights, the score OptaPlanner's constraints give the engine's answer equals
 * the optimum an independent exact method finds, JGraphT's capacity-scaling min-cost flow, with every pair's value
 * computed here from the README's rules rather than by the engine's code. Hard 0, the same number unmatched, the
 * same soft score, to the point.
 */
class EngineOptimumPropertiesTest {

    private final MatchingEngine engine = new MatchingEngine();

    @Property(tries = 20, seed = "20261201")
    void theEngineScoresTheExactOptimum(@ForAll long seed, @ForAll @IntRange(min = 10, max = 300) int requestCount,
            @ForAll @IntRange(min = 2, max = 6) int requestsPerMentor, @ForAll("weights") MatchingWeights weights,
            @ForAll @IntRange(min = 0, max = 25) int settledCount) {
        int mentorCount = Math.max(2, requestCount / requestsPerMentor);
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requestCount, mentorCount);
        List<MentorshipRequest> open = new ArrayList<>(community.requests());
        Map<MentorshipRequest, String> settled = settle(open, community.mentors(), settledCount, new Random(seed));
        MatchingProblem problem = new MatchingProblem(open, community.mentors(), settled, weights,
                Duration.ofSeconds(30), seed);

        MatchingResult result = engine.solve(problem);
        Optimum optimum = Optimum.of(problem);

        HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(result.score());
        assertThat(score.hardScore()).as("feasible").isZero();
        assertThat(-score.mediumScore()).as("unmatched requests").isEqualTo(optimum.unmatched());
        assertThat(score.softScore()).as("soft score under %s", weights).isEqualTo(optimum.soft());
        assertThat(result.provenOptimal()).isTrue();
    }

    /** Weights from 0 to 1000, often small (many ties) and often 0 (a preference turned off). */
    @Provide
    Arbitrary<MatchingWeights> weights() {
        Arbitrary<Integer> weight = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 5)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, MatchingWeights.MAX_WEIGHT)));
        return weight.list().ofSize(7).map(w -> new MatchingWeights(w.get(0), w.get(1), w.get(2), w.get(3),
                w.get(4), w.get(5), w.get(6)));
    }

    /** Takes up to {@code count} requests out of {@code open} as accepted mentorships with a mentor who has room. */
    private static Map<MentorshipRequest, String> settle(List<MentorshipRequest> open, List<Mentor> mentors, int count,
            Random random) {
        Map<MentorshipRequest, String> settled = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        PairEvaluator evaluator = new PairEvaluator();
        for (int i = 0; i < count && open.size() > 1; i++) {
            MentorshipRequest request = open.get(random.nextInt(open.size()));
            for (Mentor mentor : mentors) {
                if (evaluator.allowed(request, mentor) && used.getOrDefault(mentor.externalId(), 0) < mentor.capacity()) {
                    open.remove(request);
                    settled.put(request, mentor.externalId());
                    used.merge(mentor.externalId(), 1, Integer::sum);
                    break;
                }
            }
        }
        return settled;
    }

    /** The README's soft value of one matched pair, written here from the rules' table, not taken from the engine. */
    static long readmeValue(MentorshipRequest request, PairFit fit, MatchingWeights w) {
        long extraHalfHours = Math.max(0, Math.min(4, (fit.overlapMinutes() - request.minOverlapMinutes()) / 30));
        long preference = fit.preferenceRank() < 0 ? 0 : fit.preferenceRank() == 0 ? 3 : fit.preferenceRank() == 1 ? 2 : 1;
        return (long) w.domainAffinity() * fit.affinity()
                + (long) w.goals() * fit.goalsMet()
                + (long) w.preferredMentor() * preference
                + (long) w.extraOverlap() * extraHalfHours
                + (request.priority() ? w.priority() : 0)
                + (long) w.crossInstitution() * ((fit.crossesInstitution() ? 1 : 0) + (fit.crossesCountry() ? 1 : 0));
    }

    /**
     * The optimum by JGraphT: each open request sends one unit either to an allowed mentor (cost OFFSET minus the
     * pair's value) or straight to the sink (cost OFFSET plus UNMATCHED, more than any soft gain); each mentor
     * passes units to the sink through one arc per free place, the k-th at the increase of the load-balance
     * penalty, w((s + k)^2 - (s + k - 1)^2) with s settled mentees. Every cost is a non-negative whole number.
     */
    record Optimum(long unmatched, long soft) {

        static Optimum of(MatchingProblem problem) {
            MatchingWeights w = problem.weights();
            PairEvaluator evaluator = new PairEvaluator();
            Map<String, Mentor> mentorsById = new HashMap<>();
            Map<String, Integer> settledLoad = new HashMap<>();
            long pinnedValue = 0;
            for (Mentor mentor : problem.mentors()) {
                mentorsById.put(mentor.externalId(), mentor);
            }
            for (Map.Entry<MentorshipRequest, String> pair : problem.settled().entrySet()) {
                settledLoad.merge(pair.getValue(), 1, Integer::sum);
                pinnedValue += readmeValue(pair.getKey(),
                        evaluator.fit(pair.getKey(), mentorsById.get(pair.getValue())), w);
            }
            List<MentorshipRequest> requests = problem.openRequests();
            long[][] values = new long[requests.size()][];
            boolean[][] allowed = new boolean[requests.size()][];
            long offset = 0;
            long span = 1;
            for (int r = 0; r < requests.size(); r++) {
                values[r] = new long[problem.mentors().size()];
                allowed[r] = new boolean[problem.mentors().size()];
                long best = 0;
                for (int m = 0; m < problem.mentors().size(); m++) {
                    Mentor mentor = problem.mentors().get(m);
                    if (evaluator.allowed(requests.get(r), mentor)) {
                        allowed[r][m] = true;
                        values[r][m] = readmeValue(requests.get(r), evaluator.fit(requests.get(r), mentor), w);
                        best = Math.max(best, values[r][m]);
                    }
                }
                offset = Math.max(offset, best);
                span += best;
            }
            for (Mentor mentor : problem.mentors()) {
                long most = settledLoad.getOrDefault(mentor.externalId(), 0) + (long) mentor.capacity();
                span += (long) w.loadBalance() * most * most;
            }
            long unmatchedCost = span;

            Graph<String, DefaultWeightedEdge> graph = new DirectedWeightedMultigraph<>(DefaultWeightedEdge.class);
            String sink = "sink";
            graph.addVertex(sink);
            Map<DefaultWeightedEdge, long[]> pairArcs = new HashMap<>();
            Map<DefaultWeightedEdge, String> unmatchedArcs = new HashMap<>();
            for (Mentor mentor : problem.mentors()) {
                String node = "m:" + mentor.externalId();
                graph.addVertex(node);
                int already = settledLoad.getOrDefault(mentor.externalId(), 0);
                for (int k = already; k < mentor.capacity(); k++) {
                    DefaultWeightedEdge place = graph.addEdge(node, sink);
                    graph.setEdgeWeight(place, (double) w.loadBalance() * ((long) (k + 1) * (k + 1) - (long) k * k));
                }
            }
            for (int r = 0; r < requests.size(); r++) {
                String node = "r:" + r;
                graph.addVertex(node);
                DefaultWeightedEdge alone = graph.addEdge(node, sink);
                graph.setEdgeWeight(alone, (double) (offset + unmatchedCost));
                unmatchedArcs.put(alone, node);
                for (int m = 0; m < problem.mentors().size(); m++) {
                    if (allowed[r][m]) {
                        DefaultWeightedEdge arc = graph.addEdge(node, "m:" + problem.mentors().get(m).externalId());
                        graph.setEdgeWeight(arc, (double) (offset - values[r][m]));
                        pairArcs.put(arc, new long[] {r, m});
                    }
                }
            }
            int supply = requests.size();
            MinimumCostFlow<DefaultWeightedEdge> flow = new CapacityScalingMinimumCostFlow<String, DefaultWeightedEdge>()
                    .getMinimumCostFlow(new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(graph,
                            v -> v.equals(sink) ? -supply : v.startsWith("r:") ? 1 : 0, e -> 1));

            long unmatched = 0;
            for (DefaultWeightedEdge alone : unmatchedArcs.keySet()) {
                unmatched += Math.round(flow.getFlow(alone));
            }
            long soft = pinnedValue;
            Map<Integer, Integer> load = new HashMap<>();
            for (Map.Entry<DefaultWeightedEdge, long[]> arc : pairArcs.entrySet()) {
                if (Math.round(flow.getFlow(arc.getKey())) == 1) {
                    long[] pair = arc.getValue();
                    soft += values[(int) pair[0]][(int) pair[1]];
                    load.merge((int) pair[1], 1, Integer::sum);
                }
            }
            for (int m = 0; m < problem.mentors().size(); m++) {
                long mentees = load.getOrDefault(m, 0) + settledLoad.getOrDefault(problem.mentors().get(m).externalId(), 0);
                soft -= w.loadBalance() * mentees * mentees;
            }
            return new Optimum(unmatched, soft);
        }
    }
}
