package org.mentoring.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.matching.solver.PairPreference;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.People;

class BlockingPairsTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";
    private static final String ZOONOSES = "planetary-health/one-health/zoonoses";
    private static final String MONDAY = "MON 10:00-11:00";

    /**
     * Only domain affinity counts (weight 1), so a pair is worth its affinity: 9 for the first domain matched
     * exactly, 3 for one under the same root. Everyone meets on Monday at 10:00 UTC and speaks English.
     *
     * <ul>
     * <li>A (heat-health, 1 place) has r2 (zoonoses, worth 3); B (heat-health, 2 places) has r3 (heat-health, 9) and
     * a free place; C (zoonoses, 1 place) has r4 (zoonoses, 9); D (heat-health, 1 free place) is excluded by r1;
     * E (heat-health, 1 place) holds an accepted mentorship kept by the run.</li>
     * <li>r1 (heat-health) is unmatched. With A (9) it blocks: A is full but would rather have r1 than r2 (3). With B
     * (9) it blocks: B has a free place. With C (3) it does not: C's only mentee is worth 9. With D it would block
     * but rule 4 forbids the pair. With E it does not: E's place is held by an accepted mentorship.</li>
     * <li>r2 with C (9 against its 3) does not block: C would not give up r4 (9) for a tie. r2 with B or D is worth
     * 3, no more than it has. r3 and r4 have the best they can get.</li>
     * </ul>
     * Two blocking pairs: (r1, A), where the mentor gains only by replacing a worse mentee, and (r1, B).
     */
    @Test
    void countsTheRequestsAndMentorsWhoWouldBothRatherBeTogether() {
        List<Mentor> mentors = List.of(
                People.mentor("m-a").domains(HEAT).capacity(1).slots(MONDAY).build(),
                People.mentor("m-b").domains(HEAT).capacity(2).slots(MONDAY).build(),
                People.mentor("m-c").domains(ZOONOSES).capacity(1).slots(MONDAY).build(),
                People.mentor("m-d").domains(HEAT).capacity(1).slots(MONDAY).build(),
                People.mentor("m-e").domains(HEAT).capacity(1).slots(MONDAY).build());
        MentorshipRequest r1 = People.request("r1").domains(HEAT).slots(MONDAY).excluded("m-d").build();
        MentorshipRequest r2 = People.request("r2").domains(ZOONOSES).slots(MONDAY).build();
        MentorshipRequest r3 = People.request("r3").domains(HEAT).slots(MONDAY).build();
        MentorshipRequest r4 = People.request("r4").domains(ZOONOSES).slots(MONDAY).build();
        MentorshipRequest settled = People.request("s1").domains(ZOONOSES).slots(MONDAY).build();
        InputSnapshot inputs = new InputSnapshot(mentors, List.of(r1, r2, r3, r4), Map.of(settled, "m-e"));
        Map<String, String> assignment = Map.of("r2", "m-a", "r3", "m-b", "r4", "m-c");

        assertThat(BlockingPairs.count(inputs, assignment, MatchingWeights.affinityOnly())).isEqualTo(2);
        assertThat(bruteForce(inputs, assignment, MatchingWeights.affinityOnly())).as("the definition").isEqualTo(2);

        // without the exclusion, r1 and D would both gain: a third pair
        MentorshipRequest r1Open = People.request("r1").domains(HEAT).slots(MONDAY).build();
        assertThat(BlockingPairs.count(new InputSnapshot(mentors, List.of(r1Open, r2, r3, r4),
                Map.of(settled, "m-e")), assignment, MatchingWeights.affinityOnly())).isEqualTo(3);
        // once r1 has B, it is content: nobody is worth more to it than 9
        assertThat(BlockingPairs.count(inputs, Map.of("r1", "m-b", "r2", "m-a", "r3", "m-b", "r4", "m-c"),
                MatchingWeights.affinityOnly())).isZero();
    }

    /**
     * The engine's optimum on a generated community (with accepted mentorships kept) is reported: a count of zero or
     * more, the same as checking every request against every mentor by the definition.
     */
    @Test
    void reportsTheEnginesOptimumOnARandomCommunityAsTheDefinitionCountsIt() {
        CommunityGenerator.Community community = new CommunityGenerator(20261201L).generate(240, 40);
        List<MentorshipRequest> open = new ArrayList<>(community.requests());
        Map<MentorshipRequest, String> settled = new HashMap<>();
        PairEvaluator evaluator = new PairEvaluator();
        for (int i = 0; i < 10; i++) {
            MentorshipRequest request = open.get(i * 7);
            community.mentors().stream().filter(m -> evaluator.allowed(request, m) && m.capacity() > 1)
                    .filter(m -> !settled.containsValue(m.externalId())).findFirst()
                    .ifPresent(m -> settled.put(request, m.externalId()));
        }
        open.removeAll(settled.keySet());
        MatchingWeights weights = MatchingWeights.defaults();
        MatchingResult result = new MatchingEngine().solve(new MatchingProblem(open, community.mentors(), settled,
                weights, Duration.ofSeconds(30), 7L));
        assertThat(result.provenOptimal()).isTrue();
        Map<String, String> assignment = new HashMap<>();
        result.proposals().forEach(p -> assignment.put(p.requestExternalId(), p.mentorExternalId()));
        InputSnapshot inputs = new InputSnapshot(community.mentors(), open, settled);

        long blocking = BlockingPairs.count(inputs, assignment, weights);

        assertThat(blocking).isNotNegative().isEqualTo(bruteForce(inputs, assignment, weights));
    }

    /** The definition, pair by pair, over every request and mentor. */
    private static long bruteForce(InputSnapshot inputs, Map<String, String> assignment, MatchingWeights weights) {
        PairEvaluator evaluator = new PairEvaluator();
        Map<String, Mentor> mentors = new HashMap<>();
        inputs.mentors().forEach(m -> mentors.put(m.externalId(), m));
        Map<String, Integer> load = new HashMap<>();
        inputs.settled().values().forEach(m -> load.merge(m, 1, Integer::sum));
        Map<String, Long> own = new HashMap<>();
        Map<String, List<Long>> menteeValues = new HashMap<>();
        for (MentorshipRequest request : inputs.openRequests()) {
            String mentor = assignment.get(request.externalId());
            if (mentor != null) {
                long value = PairPreference.value(request, evaluator.fit(request, mentors.get(mentor)), weights);
                own.put(request.externalId(), value);
                load.merge(mentor, 1, Integer::sum);
                menteeValues.computeIfAbsent(mentor, m -> new ArrayList<>()).add(value);
            }
        }
        long count = 0;
        for (MentorshipRequest request : inputs.openRequests()) {
            for (Mentor mentor : inputs.mentors()) {
                if (!evaluator.allowed(request, mentor)) {
                    continue;
                }
                long value = PairPreference.value(request, evaluator.fit(request, mentor), weights);
                Long current = own.get(request.externalId());
                boolean requestGains = current == null || value > current;
                boolean mentorGains = load.getOrDefault(mentor.externalId(), 0) < mentor.capacity()
                        || menteeValues.getOrDefault(mentor.externalId(), List.of()).stream()
                                .anyMatch(theirs -> value > theirs);
                if (requestGains && mentorGains) {
                    count++;
                }
            }
        }
        return count;
    }
}
