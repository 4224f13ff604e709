package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.People;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * The construction phase against brute force: on small random communities, no assignment of the open requests
 * scores better under the constraint provider than the one the phase makes.
 */
class MatchingConstructionPhaseTest {

    private static final String[] DOMAINS = {
        "planetary-health/climate-health/heat-health",
        "planetary-health/climate-health/extreme-weather",
        "planetary-health/environmental-health/air-pollution",
        "planetary-health/one-health/zoonoses"};
    private static final String[] TOPICS = {"grant-writing", "publishing", "fieldwork"};
    private static final String[] INSTITUTIONS = {"University of Nairobi", "Fiocruz"};

    private final SolverFactory<MatchingSolution> factory = SolverFactory.create(
            SolverConfig.createFromXmlResource(MatchingEngine.SOLVER_CONFIG));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void noAssignmentScoresBetterUnderDefaultWeights(long seed) {
        assertOptimal(community(seed, false), MatchingWeights.defaults());
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void noAssignmentScoresBetterUnderAffinityOnly(long seed) {
        assertOptimal(community(seed, false), MatchingWeights.affinityOnly());
    }

    @ParameterizedTest
    @ValueSource(longs = {9, 10})
    void settledMentorshipsTakeTheirPlaces(long seed) {
        assertOptimal(community(seed, true), MatchingWeights.defaults());
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void roomyMentorsShareTheLoadWhenItPays(long seed) {
        assertOptimal(community(seed, false, 3), new MatchingWeights(1, 1, 1, 1, 1, 1, 50));
    }

    private void assertOptimal(Community community, MatchingWeights weights) {
        MatchingProblem problem = new MatchingProblem(community.open(), community.mentors(), community.settled(),
                weights, Duration.ofSeconds(1), 1L);
        MatchingSolution solution = MatchingProblemBuilder.build(problem);
        List<RequestAssignment> open = solution.getAssignments().stream().filter(a -> !a.isPinned()).toList();

        int[] constructed = MatchingConstructionPhase.construct(solution);

        DefaultSolverFactory<MatchingSolution> solverFactory = (DefaultSolverFactory<MatchingSolution>) factory;
        try (InnerScoreDirector<MatchingSolution, HardMediumSoftLongScore> director =
                solverFactory.<HardMediumSoftLongScore>getScoreDirectorFactory().buildScoreDirector(false, false)) {
            director.setWorkingSolution(solution);
            for (int r = 0; r < open.size(); r++) {
                set(director, open.get(r), constructed[r] < 0 ? null : solution.getMentors().get(constructed[r]));
            }
            HardMediumSoftLongScore phaseScore = director.calculateScore();
            HardMediumSoftLongScore best = bestByBruteForce(director, open, 0);

            assertThat(phaseScore.isFeasible()).isTrue();
            assertThat(phaseScore).isEqualTo(best);
        }
    }

    private static HardMediumSoftLongScore bestByBruteForce(
            InnerScoreDirector<MatchingSolution, HardMediumSoftLongScore> director, List<RequestAssignment> open,
            int from) {
        if (from == open.size()) {
            return director.calculateScore();
        }
        RequestAssignment assignment = open.get(from);
        MentorFact before = assignment.getMentor();
        List<MentorFact> choices = new ArrayList<>(assignment.getFeasibleMentors());
        choices.add(null);
        HardMediumSoftLongScore best = null;
        for (MentorFact choice : choices) {
            set(director, assignment, choice);
            HardMediumSoftLongScore score = bestByBruteForce(director, open, from + 1);
            if (best == null || score.compareTo(best) > 0) {
                best = score;
            }
        }
        set(director, assignment, before);
        return best;
    }

    private static void set(InnerScoreDirector<MatchingSolution, HardMediumSoftLongScore> director,
            RequestAssignment assignment, MentorFact mentor) {
        director.beforeVariableChanged(assignment, "mentor");
        assignment.setMentor(mentor);
        director.afterVariableChanged(assignment, "mentor");
        director.triggerVariableListeners();
    }

    record Community(List<MentorshipRequest> open, List<Mentor> mentors, Map<MentorshipRequest, String> settled) {
    }

    /**
     * Seven open requests and three mentors of 1 or 2 places, all in UTC at the same hour, so that only languages
     * rule pairs out; domains, goals, institutions, preferences and priority vary, so that every soft constraint
     * counts. With {@code withSettled}, two more requests are already settled with the first mentor.
     */
    private static Community community(long seed, boolean withSettled) {
        return community(seed, withSettled, 0);
    }

    /**
     * With {@code capacity} above 0, every mentor has that many places, more than the requests need, and the first
     * mentor works in the first domain, which every request asks for, so that a high load-balance weight matters.
     */
    private static Community community(long seed, boolean withSettled, int capacity) {
        Random random = new Random(seed);
        List<Mentor> mentors = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            mentors.add(People.mentor("m" + m)
                    .languages(random.nextInt(4) == 0 ? new String[] {"fr"} : new String[] {"en", "fr"})
                    .domains(capacity > 0 ? DOMAINS[m == 0 ? 0 : 3] : pick(random, DOMAINS), pick(random, DOMAINS))
                    .topics(pick(random, TOPICS))
                    .institution(pick(random, INSTITUTIONS))
                    .capacity(capacity > 0 ? capacity : withSettled && m == 0 ? 3 : 1 + random.nextInt(2))
                    .slots("MON 10:00-12:00").build());
        }
        List<MentorshipRequest> open = new ArrayList<>();
        for (int r = 0; r < 7; r++) {
            People.RequestBuilder request = request(random, "r" + r);
            open.add((capacity > 0 ? request.domains(DOMAINS[0]) : request).build());
        }
        Map<MentorshipRequest, String> settled = new HashMap<>();
        if (withSettled) {
            settled.put(request(random, "s0").languages("en").build(), "m0");
            settled.put(request(random, "s1").languages("en").build(), "m0");
        }
        return new Community(open, mentors, settled);
    }

    private static People.RequestBuilder request(Random random, String id) {
        return People.request(id)
                .languages(random.nextInt(3) == 0 ? "en" : "fr")
                .domains(pick(random, DOMAINS))
                .goals(pick(random, TOPICS))
                .institution(pick(random, INSTITUTIONS))
                .preferred(random.nextBoolean() ? "m" + random.nextInt(3) : "m9")
                .priority(random.nextInt(3) == 0)
                .slots(random.nextBoolean() ? "MON 10:00-12:00" : "MON 10:00-11:00");
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
