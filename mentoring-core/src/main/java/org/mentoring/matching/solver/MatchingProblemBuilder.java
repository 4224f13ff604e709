package org.mentoring.matching.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.mentoring.matching.domain.MatchingConstraintConfiguration;
import org.mentoring.matching.domain.MatchingSolution;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * Builds a run's planning problem: checks every request against every mentor once, keeps in each request's value
 * range only the mentors that pass the pair-wise hard rules, sorted best fit first under the run's weights, and
 * pins the settled pairs.
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
        ThreadLocal<PairEvaluator> evaluators = ThreadLocal.withInitial(PairEvaluator::new);
        MatchingWeights weights = problem.weights();
        RequestAssignment[] assignments = new RequestAssignment[requests.size()];
        IntStream.range(0, requests.size()).parallel().forEach(i -> {
            MentorshipRequest request = requests.get(i);
            PairEvaluator evaluator = evaluators.get();
            MentorFact settledMentor = null;
            if (i < settledCount) {
                String mentorId = problem.settled().get(request);
                settledMentor = byExternalId.get(mentorId);
                if (settledMentor == null) {
                    throw new IllegalArgumentException("settled mentorship of request " + request.externalId()
                            + " names mentor " + mentorId + ", who is not in the run");
                }
            }
            // Mentors in index order, so that the fits come out sorted by mentor index.
            int[] fitIndexes = new int[mentors.size()];
            PairFit[] fits = new PairFit[mentors.size()];
            int fitCount = 0;
            int[] feasible = new int[mentors.size()];
            long[] value = new long[mentors.size()];
            int feasibleCount = 0;
            for (MentorFact mentor : mentors) {
                boolean allowed = evaluator.allowed(request, mentor.getMentor());
                if (allowed || mentor == settledMentor) {
                    PairFit fit = evaluator.fit(request, mentor.getMentor());
                    if (allowed) {
                        feasible[feasibleCount] = fitCount;
                        value[feasibleCount++] = PairPreference.value(request, fit, weights);
                    }
                    fitIndexes[fitCount] = mentor.getIndex();
                    fits[fitCount++] = fit;
                }
            }
            Integer[] order = new Integer[feasibleCount];
            for (int k = 0; k < feasibleCount; k++) {
                order[k] = k;
            }
            // Best value first, then the lower mentor index.
            java.util.Arrays.sort(order, (a, b) -> value[a] != value[b] ? Long.compare(value[b], value[a])
                    : Integer.compare(fitIndexes[feasible[a]], fitIndexes[feasible[b]]));
            MentorFact[] best = new MentorFact[feasibleCount];
            for (int k = 0; k < feasibleCount; k++) {
                best[k] = mentors.get(fitIndexes[feasible[order[k]]]);
            }
            RequestAssignment assignment = new RequestAssignment(i, request, List.of(best),
                    java.util.Arrays.copyOf(fitIndexes, fitCount), java.util.Arrays.copyOf(fits, fitCount));
            if (settledMentor != null) {
                assignment.setMentor(settledMentor);
                assignment.setPinned(true);
            }
            assignments[i] = assignment;
        });
        return new MatchingSolution(mentors, List.of(assignments), new MatchingConstraintConfiguration(weights));
    }
}
