package org.mentoring.matching.circles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.matching.solver.PairPreference;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.time.WeeklyOverlap;

/**
 * Checks an answer from scratch, without the constraints: every hard rule of PRODUCT.md in words, and the objective's
 * parts. The benchmark's numbers and the brute-force test rest on it.
 */
public final class CircleChecker {

    /**
     * @param broken each broken hard rule, in words
     * @param placed requests placed, one-to-one or in a circle
     * @param pairValue the pair value of every placed request with its mentor
     * @param load the load-balance cost of one-to-one mentees (already weighted)
     * @param circleBonus coherence and mix of every circle (already weighted)
     */
    public record Report(List<String> broken, int placed, long pairValue, long load, long circleBonus) {

        public long soft() {
            return pairValue - load + circleBonus;
        }
    }

    private CircleChecker() {
    }

    public static Report check(CircleProblem problem, CircleResult result) {
        Map<String, CircleRequest> requests = problem.requests().stream()
                .collect(Collectors.toMap(CircleRequest::id, Function.identity()));
        Map<String, CircleMentor> mentors = problem.mentors().stream()
                .collect(Collectors.toMap(CircleMentor::id, Function.identity()));
        CircleSettings settings = problem.settings();
        PairEvaluator evaluator = new PairEvaluator();
        List<String> broken = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long value = 0;
        Map<String, Integer> load = new HashMap<>();
        for (CircleResult.Pair pair : result.pairs()) {
            CircleRequest request = requests.get(pair.requestId());
            Mentor mentor = mentors.get(pair.mentorId()).mentor();
            if (!seen.add(request.id())) {
                broken.add(request.id() + " is placed twice");
            }
            if (!request.format().acceptsPair()) {
                broken.add(request.id() + " does not accept one-to-one mentoring");
            }
            if (!evaluator.allowed(request.request(), mentor)) {
                broken.add(request.id() + " and " + mentor.externalId() + " break a pair rule");
            }
            load.merge(mentor.externalId(), 1, Integer::sum);
            value += PairPreference.value(request.request(), evaluator.fit(request.request(), mentor),
                    problem.weights());
        }
        long loadCost = 0;
        for (Map.Entry<String, Integer> entry : load.entrySet()) {
            if (entry.getValue() > mentors.get(entry.getKey()).capacity()) {
                broken.add(entry.getKey() + " has more mentees than their capacity");
            }
            loadCost += (long) problem.weights().loadBalance() * PairPreference.loadPoints(entry.getValue());
        }
        Map<String, Integer> led = new HashMap<>();
        long bonus = 0;
        for (CircleResult.CircleOut circle : result.circles()) {
            CircleMentor circleMentor = mentors.get(circle.mentorId());
            Mentor mentor = circleMentor.mentor();
            led.merge(mentor.externalId(), 1, Integer::sum);
            int size = circle.members().size();
            if (size < settings.minSize() || size > settings.maxSize()) {
                broken.add("circle of " + mentor.externalId() + " has " + size + " members");
            }
            if (circle.meetingMinutes() != settings.meetingMinutes()) {
                broken.add("circle of " + mentor.externalId() + " meets for " + circle.meetingMinutes() + " min");
            }
            if (!mentor.isAvailableOn(settings.startDate())) {
                broken.add(mentor.externalId() + " is not available on " + settings.startDate());
            }
            if (!fits(mentor.weeklyAvailability(), mentor.timeZone(), settings, circle.meetingStart())) {
                broken.add("the meeting of " + mentor.externalId() + "'s circle is outside their week");
            }
            Set<String> common = new HashSet<>(mentor.languages());
            List<CircleRequest> members = new ArrayList<>();
            for (String id : circle.members()) {
                CircleRequest request = requests.get(id);
                members.add(request);
                if (!seen.add(id)) {
                    broken.add(id + " is placed twice");
                }
                if (!request.format().acceptsCircle()) {
                    broken.add(id + " does not accept a circle");
                }
                if (PairEvaluator.isConflict(request.request(), mentor)) {
                    broken.add(id + " excludes " + mentor.externalId());
                }
                if (!fits(request.weeklyAvailability(), request.timeZone(), settings, circle.meetingStart())) {
                    broken.add("the meeting of " + mentor.externalId() + "'s circle is outside " + id + "'s week");
                }
                common.retainAll(request.languages());
                value += PairPreference.value(request.request(), evaluator.fit(request.request(), mentor),
                        problem.weights());
            }
            if (common.isEmpty()) {
                broken.add("the circle of " + mentor.externalId() + " shares no language");
            }
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    bonus += circleBonus(members.get(i).request(), members.get(j).request(), problem.circleWeights());
                }
            }
        }
        for (Map.Entry<String, Integer> entry : led.entrySet()) {
            if (entry.getValue() > mentors.get(entry.getKey()).circles()) {
                broken.add(entry.getKey() + " leads more circles than they offer");
            }
        }
        return new Report(broken, seen.size(), value, loadCost, bonus);
    }

    private static boolean fits(List<org.mentoring.people.WeeklySlot> slots, java.time.ZoneId zone,
            CircleSettings settings, int start) {
        int[] week = WeeklyOverlap.toUtcWeek(slots, WeeklyOverlap.offsetOn(zone, settings.startDate()));
        return Meetings.covers(week, start, settings.meetingMinutes());
    }

    /** Coherence and mix of two members, weighted. */
    public static long circleBonus(MentorshipRequest a, MentorshipRequest b, CircleWeights weights) {
        long bonus = 0;
        if (a.domains().stream().anyMatch(b.domains()::contains)) {
            bonus += weights.coherence();
        }
        bonus += (long) weights.mix() * ((differ(a.country(), b.country()) ? 1 : 0)
                + (differ(a.institution(), b.institution()) ? 1 : 0));
        return bonus;
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null
                && !Objects.equals(a.trim().toLowerCase(Locale.ROOT), b.trim().toLowerCase(Locale.ROOT));
    }
}
