package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * The build makes each kept pair's fit from the {@link PairIndex} rather than by checking the two people again: those
 * fits are exactly {@link PairEvaluator#fit}'s, and the kept candidates exactly the best K of every allowed pair by
 * value, on random communities with repeated and mixed-case names, preferred mentors named twice, settled pairs and
 * more than 64 goals.
 */
class BuiltFitsTest {

    @Property(tries = 20, seed = "20261201")
    void theBuildsFitsAndCandidatesAreTheEvaluatorsOnes(@ForAll long seed,
            @ForAll @IntRange(min = 5, max = 150) int requestCount, @ForAll @IntRange(min = 2, max = 100) int mentorCount,
            @ForAll @IntRange(min = 1, max = 12) int keep, @ForAll boolean manyGoals,
            @ForAll("weights") MatchingWeights weights) {
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requestCount, mentorCount);
        Random random = new Random(seed);
        List<Mentor> mentors = new ArrayList<>();
        for (Mentor m : community.mentors()) {
            Set<String> topics = new LinkedHashSet<>(m.topics());
            if (manyGoals) {
                for (int g = 0; g < 80; g++) {
                    if (random.nextInt(4) == 0) {
                        topics.add("goal-" + g);
                    }
                }
            }
            String institution = random.nextInt(5) == 0 ? null : m.institution();
            mentors.add(new Mentor(m.externalId(), m.name(), m.email(), institution, m.country(), m.timeZone(),
                    m.languages(), m.domains(), topics, m.capacity(), m.availableFrom(), m.availableUntil(),
                    m.weeklyAvailability(), m.circles()));
        }
        List<MentorshipRequest> requests = new ArrayList<>();
        for (MentorshipRequest r : community.requests()) {
            Set<String> goals = new LinkedHashSet<>(r.goals());
            if (manyGoals) {
                for (int g = 0; g < 80; g++) {
                    if (random.nextInt(3) == 0) {
                        goals.add("goal-" + g);
                    }
                }
            }
            List<String> preferred = new ArrayList<>(r.preferredMentorIds());
            for (int p = random.nextInt(4); p > 0; p--) {
                preferred.add(mentors.get(random.nextInt(mentors.size())).externalId());
            }
            Mentor someone = mentors.get(random.nextInt(mentors.size()));
            String institution = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> someone.institution() == null ? null : "  " + someone.institution().toUpperCase() + " ";
                default -> r.institution();
            };
            String country = random.nextInt(4) == 0 ? someone.country().toLowerCase() : r.country();
            requests.add(new MentorshipRequest(r.externalId(), r.name(), r.email(), institution, country,
                    r.timeZone(), r.careerStage(), r.languages(), r.domains(), goals, r.startDate(),
                    r.durationMonths(), r.minOverlapMinutes(), r.weeklyAvailability(), preferred,
                    r.excludedMentorIds(), r.priority(), r.format()));
        }
        Map<MentorshipRequest, String> settled = new HashMap<>();
        List<MentorshipRequest> open = new ArrayList<>();
        for (MentorshipRequest r : requests) {
            if (random.nextInt(6) == 0) {
                settled.put(r, mentors.get(random.nextInt(mentors.size())).externalId());
            } else {
                open.add(r);
            }
        }
        MatchingSolution solution = MatchingProblemBuilder.build(new MatchingProblem(open, mentors, settled, weights,
                Duration.ofSeconds(1), seed, keep));

        PairEvaluator evaluator = new PairEvaluator();
        Set<String> seen = new HashSet<>();
        for (RequestAssignment a : solution.getAssignments()) {
            MentorshipRequest request = a.getRequest();
            seen.add(request.externalId());
            int[] fitIndexes = a.getFitMentorIndexes();
            PairFit[] fits = a.getFits();
            for (int k = 0; k < fitIndexes.length; k++) {
                assertThat(fits[k]).as("request %s, mentor %s", request.externalId(),
                        mentors.get(fitIndexes[k]).externalId())
                        .isEqualTo(evaluator.fit(request, mentors.get(fitIndexes[k])));
            }
            // the kept candidates: the best K of every allowed pair, by value, then by mentor order
            List<long[]> allowed = new ArrayList<>();
            for (int j = 0; j < mentors.size(); j++) {
                if (evaluator.allowed(request, mentors.get(j))) {
                    allowed.add(new long[] {PairPreference.value(request, evaluator.fit(request, mentors.get(j)),
                            weights), j});
                }
            }
            allowed.sort((x, y) -> x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(x[1], y[1]));
            List<Integer> expected = allowed.stream().limit(keep).map(p -> (int) p[1]).toList();
            assertThat(a.getFeasibleMentors()).extracting(MentorFact::getIndex)
                    .as("request %s", request.externalId()).isEqualTo(expected);
        }
        assertThat(seen).hasSize(requests.size());
    }

    @Property(tries = 200, seed = "20261202")
    void theUnboxedSortKeepsTheBestInOrder(@ForAll("valueLists") List<Long> values,
            @ForAll @IntRange(min = 1, max = 400) int keep) {
        int count = values.size();
        int[] mentors = new int[count];
        long[] vs = new long[count];
        List<Integer> shuffled = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            shuffled.add(c * 3);
        }
        java.util.Collections.shuffle(shuffled, new Random(count * 31L + keep));
        for (int c = 0; c < count; c++) {
            mentors[c] = shuffled.get(c);
            vs[c] = values.get(c);
        }
        int k = Math.min(keep, count);
        List<Integer> expected = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            expected.add(c);
        }
        expected.sort((a, b) -> vs[a] != vs[b] ? Long.compare(vs[b], vs[a]) : Integer.compare(mentors[a], mentors[b]));
        int[] best = MatchingProblemBuilder.best(mentors, vs, count, k);
        assertThat(best).containsExactly(expected.subList(0, k).stream().mapToInt(Integer::intValue).toArray());
    }

    @Provide
    Arbitrary<List<Long>> valueLists() {
        return Arbitraries.longs().between(-5, 40).list().ofMinSize(0).ofMaxSize(700);
    }

    @Provide
    Arbitrary<MatchingWeights> weights() {
        return PairIndexTest.randomWeights();
    }
}
