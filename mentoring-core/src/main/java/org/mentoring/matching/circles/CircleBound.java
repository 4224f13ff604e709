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
 * can lead a circle (available on the circles' start date, with at least minSize candidates who fit one meeting start
 * and one language) gets a second, seat-only mentor with {@code circles x min(maxSize, most candidates who fit one
 * start and one language)} places, which only the circle's candidates ({@link CircleModel}: shared language, no
 * conflict, a meeting start inside both weeks) may take; that members share one meeting time and one language, and
 * minSize, are otherwise dropped. Every answer with circles is an answer of this relaxation, so it places at least
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
        CircleModel model = CircleModel.build(problem);
        // Per circle mentor, the requests who may sit in their circles: a shared language, no conflict, and a
        // meeting start inside both weeks. A circle's members share one start and one language, so no circle of
        // theirs holds more than the most candidates who fit one start and one language.
        Map<String, Set<String>> seatCandidates = new HashMap<>();
        Map<String, Integer> seatPlaces = new HashMap<>();
        for (CircleSlot slot : model.solution().getSlots()) {
            String mentorId = slot.getMentor().id();
            if (seatCandidates.containsKey(mentorId)) {
                continue;
            }
            List<Seat> candidates = model.candidates(slot);
            int largest = 0;
            for (int start : slot.getStarts()) {
                for (String language : slot.getLanguages()) {
                    int fitting = 0;
                    for (Seat seat : candidates) {
                        if (seat.getRequest().languages().contains(language)
                                && Meetings.covers(seat.getCircleWeek(), start, slot.getMeetingMinutes())) {
                            fitting++;
                        }
                    }
                    largest = Math.max(largest, fitting);
                }
            }
            if (largest >= settings.minSize()) {
                Set<String> ids = new HashSet<>();
                candidates.forEach(c -> ids.add(c.getRequest().id()));
                seatCandidates.put(mentorId, ids);
                seatPlaces.put(mentorId, slot.getMentor().circles() * Math.min(settings.maxSize(), largest));
            }
        }
        List<Mentor> mentors = new ArrayList<>();
        Set<String> pairIds = new HashSet<>();
        for (CircleMentor circleMentor : problem.mentors()) {
            Mentor m = circleMentor.mentor();
            mentors.add(m);
            pairIds.add(m.externalId());
            if (seatPlaces.containsKey(m.externalId())) {
                mentors.add(new Mentor(m.externalId() + SEATS, m.name(), null, m.institution(), m.country(),
                        m.timeZone(), m.languages(), m.domains(), m.topics(), seatPlaces.get(m.externalId()),
                        LocalDate.MIN, null, m.weeklyAvailability()));
            }
        }
        List<MentorshipRequest> requests = new ArrayList<>();
        Map<String, MentorshipRequest> originals = new HashMap<>();
        for (CircleRequest circleRequest : problem.requests()) {
            MentorshipRequest r = circleRequest.request();
            originals.put(r.externalId(), r);
            Set<String> excluded = new HashSet<>(r.excludedMentorIds());
            for (Map.Entry<String, Set<String>> entry : seatCandidates.entrySet()) {
                if (!entry.getValue().contains(r.externalId())) {
                    excluded.add(entry.getKey() + SEATS);
                }
            }
            if (!circleRequest.format().acceptsPair()) {
                excluded.addAll(pairIds);
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
