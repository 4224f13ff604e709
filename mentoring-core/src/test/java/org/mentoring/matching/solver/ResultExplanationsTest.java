package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * A run's explanations are made from each pair's parts, no longer from OptaPlanner's explanation of the score of
 * every assignment: on random communities with random weights (zeros included) and settled pairs, every proposal
 * reads word for word, line for line and in the same order, as the score explanation's constraint justifications
 * made it, for each reader; and every unmatched request gives the same reasons.
 */
class ResultExplanationsTest {

    private static final AtomicInteger PROPOSALS_COMPARED = new AtomicInteger();

    private final MatchingEngine engine = new MatchingEngine();

    @Property(tries = 12, seed = "20261201")
    void eachProposalReadsAsTheScoreExplanationMadeIt(@ForAll long seed,
            @ForAll @IntRange(min = 10, max = 220) int requestCount,
            @ForAll @IntRange(min = 1, max = 5) int requestsPerMentor, @ForAll("weights") MatchingWeights weights,
            @ForAll @IntRange(min = 0, max = 10) int settledCount) {
        int mentorCount = Math.max(2, requestCount / requestsPerMentor);
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requestCount, mentorCount);
        List<MentorshipRequest> open = new ArrayList<>(community.requests());
        Map<MentorshipRequest, String> settled = settle(open, community.mentors(), settledCount, new Random(seed));
        MatchingProblem problem = new MatchingProblem(open, community.mentors(), settled, weights,
                Duration.ofSeconds(30), seed, MatchingProblem.DEFAULT_CANDIDATES_PER_REQUEST);
        SolverFactory<MatchingSolution> factory = SolverFactory.create(engine.solverConfig(problem));
        MatchingSolution solved = factory.buildSolver().solve(MatchingProblemBuilder.build(problem));

        MatchingResult fromParts = MatchingEngine.result(solved, Duration.ZERO, false, true);
        MatchingResult fromScoreExplanation = MatchingEngine.result(solved, Duration.ZERO, false, true,
                Explanations.naming(), scoreExplanationLines(solved, factory));

        assertSame(fromParts, fromScoreExplanation);
        PROPOSALS_COMPARED.addAndGet(fromParts.proposals().size());
        assertThat(fromParts.score()).isEqualTo(fromScoreExplanation.score());
    }

    @AfterContainer
    static void proposalsWereCompared() {
        assertThat(PROPOSALS_COMPARED.get()).as("proposals compared over all tries").isGreaterThan(300);
    }

    /**
     * The community of the property above, with the default weights: every preference line occurs, so the
     * comparison covers each of them and their order.
     */
    @Example
    void theComparisonCoversEveryKindOfLine() {
        CommunityGenerator.Community community = new CommunityGenerator(7).generate(300, 80);
        MatchingProblem problem = MatchingProblem.of(community.requests(), community.mentors(),
                MatchingWeights.defaults(), Duration.ofSeconds(30), 7L);
        SolverFactory<MatchingSolution> factory = SolverFactory.create(engine.solverConfig(problem));
        MatchingSolution solved = factory.buildSolver().solve(MatchingProblemBuilder.build(problem));

        MatchingResult fromParts = MatchingEngine.result(solved, Duration.ZERO, false, true);
        MatchingResult fromScoreExplanation = MatchingEngine.result(solved, Duration.ZERO, false, true,
                Explanations.naming(), scoreExplanationLines(solved, factory));

        assertSame(fromParts, fromScoreExplanation);
        List<String> lines = fromParts.proposals().stream().flatMap(p -> p.explanation().researcher().stream())
                .toList();
        for (String start : List.of("Research domains: ", " a week together: ", "Shared language",
                "Goals the mentor offers help with: ", "You ranked this mentor ", "Equity priority: ",
                "Connects across ")) {
            assertThat(lines).as("a line with \"%s\"", start).anyMatch(line -> line.contains(start));
        }
        assertThat(fromParts.proposals()).as("a proposal with three or more preference lines, so that order counts")
                .anyMatch(p -> p.explanation().researcher().size() >= 6);
    }

    /**
     * The programme's names of domains and topics are read from the store at each look-up; a run looks each one up
     * once, not once per proposal and line, and its explanations still use them.
     */
    @Example
    void aRunLooksUpEachNameOnceAndUsesIt() {
        Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
        Explanations.useNaming(new Naming() {
            @Override
            public String domain(String code) {
                lookups.computeIfAbsent("domain " + code, k -> new AtomicInteger()).incrementAndGet();
                return "Domain " + code.substring(code.lastIndexOf('/') + 1);
            }

            @Override
            public String topic(String code) {
                lookups.computeIfAbsent("topic " + code, k -> new AtomicInteger()).incrementAndGet();
                return "Topic " + code;
            }
        });
        try {
            CommunityGenerator.Community community = new CommunityGenerator(3).generate(300, 80);
            MatchingResult result = engine.solve(MatchingProblem.of(community.requests(), community.mentors(),
                    MatchingWeights.defaults(), Duration.ofSeconds(30), 3L));

            assertThat(result.proposals()).hasSizeGreaterThan(50);
            assertThat(lookups).isNotEmpty();
            assertThat(lookups.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(result.proposals()).anySatisfy(p -> assertThat(p.explanation().researcher())
                    .anyMatch(line -> line.startsWith("Research domains: Domain ")));
            assertThat(result.proposals()).anySatisfy(p -> assertThat(p.explanation().researcher())
                    .anyMatch(line -> line.startsWith("Goals the mentor offers help with: Topic ")));
        } finally {
            Explanations.useNaming(null);
        }
    }

    /** The same proposals and unmatched requests, in the same order; the first that differs is shown alone. */
    private static void assertSame(MatchingResult actual, MatchingResult expected) {
        assertThat(actual.proposals()).hasSameSizeAs(expected.proposals());
        for (int i = 0; i < actual.proposals().size(); i++) {
            MatchingResult.Proposal proposal = actual.proposals().get(i);
            MatchingResult.Proposal before = expected.proposals().get(i);
            assertThat(proposal.requestExternalId()).isEqualTo(before.requestExternalId());
            for (Audience audience : Audience.values()) {
                assertThat(proposal.explanation().to(audience)).as("%s to the %s", proposal.requestExternalId(),
                        audience).containsExactlyElementsOf(before.explanation().to(audience));
            }
            assertThat(proposal).isEqualTo(before);
        }
        assertThat(actual.unmatched()).containsExactlyElementsOf(expected.unmatched());
    }

    /**
     * The preference lines as the engine made them before: OptaPlanner's score explanation of the whole solution,
     * each constraint's justification of a matched request, in the order the explanation lists them.
     */
    static Function<RequestAssignment, List<Wording>> scoreExplanationLines(MatchingSolution solution,
            SolverFactory<MatchingSolution> factory) {
        SolutionManager<MatchingSolution, HardMediumSoftLongScore> manager = SolutionManager.create(factory);
        ScoreExplanation<MatchingSolution, HardMediumSoftLongScore> explanation = manager.explain(solution);
        Map<String, List<Wording>> justifications = new HashMap<>();
        for (Object justification : explanation.getJustificationList()) {
            if (justification instanceof PairJustification pair && pair.mentorExternalId() != null) {
                justifications.computeIfAbsent(pair.requestExternalId(), k -> new ArrayList<>()).add(pair.text());
            }
        }
        return a -> justifications.getOrDefault(a.getExternalId(), List.of());
    }

    @Provide
    Arbitrary<MatchingWeights> weights() {
        Arbitrary<Integer> weight = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 5)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, MatchingWeights.MAX_WEIGHT)));
        return weight.list().ofSize(7).map(w -> new MatchingWeights(w.get(0), w.get(1), w.get(2), w.get(3),
                w.get(4), w.get(5), w.get(6)));
    }

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
}
