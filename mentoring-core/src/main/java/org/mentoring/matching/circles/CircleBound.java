package org.mentoring.matching.circles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.matching.solver.PairPreference;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * An upper bound for the yardstick: the exact flow optimum when every circle seat is a plain place. Each mentor who
 * leads circles and is available on the circles' start date gets a second, seat-only mentor with
 * {@code circles x maxSize} places; a request that accepts circles may take such a seat whenever the pair rules
 * allow it with a weekly overlap of only {@code min(its minimum, meetingMinutes)}; a circle's own rules (one meeting,
 * one language, minSize) are dropped. Every answer with circles is an answer of this relaxation, so it places at least
 * as many requests, and among as many, its pair value is at least as high.
 *
 * <p>Valid as a bound when every request starts on the circles' start date (the relaxed pair rules use the request's
 * start date) and when the weights give no points for preferred mentors, extra overlap nor load (the seat-only
 * mentor has another id and its own load, the relaxed request another minimum); {@link #compute} refuses other weights.
 */
public final class CircleBound {

    /** The bound: requests placed and their pair value (coherence and mix not counted). */
    public record Bound(int placed, long pairValue) {
    }

    private static final String SEATS = "~circle-seats";

    private CircleBound() {
    }

    public static Bound compute(CircleProblem problem) {
        MatchingWeights weights = problem.weights();
        if (weights.preferredMentor() != 0 || weights.loadBalance() != 0 || weights.extraOverlap() != 0) {
            throw new IllegalArgumentException("the bound needs weights without preferred mentors, extra overlap and load balance");
        }
        CircleSettings settings = problem.settings();
        List<Mentor> mentors = new ArrayList<>();
        Set<String> pairIds = new HashSet<>();
        Set<String> seatIds = new HashSet<>();
        for (CircleMentor circleMentor : problem.mentors()) {
            Mentor m = circleMentor.mentor();
            mentors.add(m);
            pairIds.add(m.externalId());
            if (circleMentor.circles() > 0 && m.isAvailableOn(settings.startDate())) {
                String id = m.externalId() + SEATS;
                seatIds.add(id);
                mentors.add(new Mentor(id, m.name(), null, m.institution(), m.country(), m.timeZone(),
                        m.languages(), m.domains(), m.topics(), circleMentor.circles() * settings.maxSize(),
                        LocalDate.MIN, null, m.weeklyAvailability()));
            }
        }
        List<MentorshipRequest> requests = new ArrayList<>();
        Map<String, MentorshipRequest> originals = new HashMap<>();
        for (CircleRequest circleRequest : problem.requests()) {
            MentorshipRequest r = circleRequest.request();
            originals.put(r.externalId(), r);
            Set<String> excluded = new HashSet<>(r.excludedMentorIds());
            for (String id : r.excludedMentorIds()) {
                excluded.add(id + SEATS);
            }
            if (r.email() != null) {
                for (CircleMentor m : problem.mentors()) {
                    if (m.mentor().email() != null && PairEvaluator.isConflict(r, m.mentor())) {
                        excluded.add(m.id() + SEATS);
                    }
                }
            }
            if (!circleRequest.format().acceptsPair()) {
                excluded.addAll(pairIds);
            }
            if (!circleRequest.format().acceptsCircle()) {
                excluded.addAll(seatIds);
            }
            int minOverlap = circleRequest.format().acceptsCircle()
                    ? Math.min(r.minOverlapMinutes(), settings.meetingMinutes()) : r.minOverlapMinutes();
            requests.add(new MentorshipRequest(r.externalId(), r.name(), r.email(), r.institution(), r.country(),
                    r.timeZone(), r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(),
                    r.durationMonths(), minOverlap, r.weeklyAvailability(), r.preferredMentorIds(), excluded,
                    r.priority()));
        }
        MatchingResult result;
        try (MatchingEngine engine = new MatchingEngine()) {
            result = engine.solve(MatchingProblem.of(requests, mentors, weights, problem.timeLimit(),
                    problem.seed()));
        }
        Map<String, Mentor> byId = new HashMap<>();
        problem.mentors().forEach(m -> byId.put(m.id(), m.mentor()));
        PairEvaluator evaluator = new PairEvaluator();
        long value = 0;
        for (MatchingResult.Proposal proposal : result.proposals()) {
            String mentorId = proposal.mentorExternalId();
            Mentor mentor = byId.get(mentorId.endsWith(SEATS)
                    ? mentorId.substring(0, mentorId.length() - SEATS.length()) : mentorId);
            MentorshipRequest request = originals.get(proposal.requestExternalId());
            value += PairPreference.value(request, evaluator.fit(request, mentor), weights);
        }
        return new Bound(result.matchedCount(), value);
    }
}
