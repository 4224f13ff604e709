package org.mentoring.matching.circles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentoring.common.EmailAddress;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.matching.solver.PairPreference;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.time.WeeklyOverlap;

/**
 * The planning model of a {@link CircleProblem}: one {@link Seat} per request, one {@link PairPlace} per mentor, one
 * {@link CircleSlot} and {@link Circle} per circle a mentor can lead. A mentor who is not available on the circles'
 * start date, or whose week holds no meeting, gets no circle slot. Each seat's candidates are the mentors it may take
 * one-to-one under today's pair rules (if its format accepts pairs) and the circle slots whose mentor shares a
 * language with it, is not excluded, and has a meeting start inside both weeks (if its format accepts circles).
 */
public final class CircleModel {

    private final CircleProblem problem;
    private final CircleSolution solution;
    private final Map<CircleSlot, List<Seat>> candidatesBySlot = new IdentityHashMap<>();
    private final Map<CircleSlot, Circle> circleBySlot = new IdentityHashMap<>();
    private final Map<CircleSlot, Set<Seat>> candidateSetBySlot = new IdentityHashMap<>();

    private CircleModel(CircleProblem problem, CircleSolution solution) {
        this.problem = problem;
        this.solution = solution;
        for (Circle circle : solution.getCircles()) {
            circleBySlot.put(circle.getSlot(), circle);
            candidatesBySlot.put(circle.getSlot(), new ArrayList<>());
        }
        for (Seat seat : solution.getSeats()) {
            for (Place place : seat.getCandidates()) {
                if (place instanceof CircleSlot slot) {
                    candidatesBySlot.get(slot).add(seat);
                }
            }
        }
    }

    /** A model from a solution built some other way (tests, moves). */
    static CircleModel of(CircleProblem problem, CircleSolution solution) {
        return new CircleModel(problem, solution);
    }

    public static CircleModel build(CircleProblem problem) {
        CircleSettings settings = problem.settings();
        List<PairPlace> pairPlaces = new ArrayList<>();
        List<CircleSlot> slots = new ArrayList<>();
        List<Circle> circles = new ArrayList<>();
        Map<Integer, List<CircleSlot>> slotsByMentor = new HashMap<>();
        for (int m = 0; m < problem.mentors().size(); m++) {
            CircleMentor mentor = problem.mentors().get(m);
            pairPlaces.add(new PairPlace(mentor, m, problem.weights().loadBalance()));
            if (mentor.circles() > 0 && mentor.mentor().isAvailableOn(settings.startDate())) {
                int[] week = WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(),
                        WeeklyOverlap.offsetOn(mentor.timeZone(), settings.startDate()));
                for (int k = 0; k < mentor.circles(); k++) {
                    CircleSlot slot = new CircleSlot(mentor, m, k + 1, week, true, settings,
                            problem.circleWeights());
                    if (slot.getStarts().isEmpty()) {
                        break;
                    }
                    slots.add(slot);
                    slotsByMentor.computeIfAbsent(m, x -> new ArrayList<>()).add(slot);
                    circles.add(new Circle(circles.size(), slot, slot.getStarts().get(0)));
                }
            }
        }
        List<Seat> seats = new ArrayList<>();
        // Each mentor's email in canonical form once (the conflict rule compares them; normalising per pair cost
        // seconds at 2,000 x 400), and numbers for the circle bonus's countries, institutions and domains.
        String[] mentorEmails = new String[problem.mentors().size()];
        for (int m = 0; m < mentorEmails.length; m++) {
            mentorEmails[m] = EmailAddress.canonical(problem.mentors().get(m).mentor().email());
        }
        // Each request's pairs and circle slots checked in parallel, in chunks with an evaluator each (it caches and is
        // not thread-safe): checking 2,000 x 400 pairs is most of the construction's time.
        int requestCount = problem.requests().size();
        Seat[] built = new Seat[requestCount];
        int chunks = Math.max(1, Math.min(requestCount / 200, 4 * Runtime.getRuntime().availableProcessors()));
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            PairEvaluator chunkEvaluator = new PairEvaluator();
            for (int r = c; r < requestCount; r += chunks) {
                built[r] = seat(problem, r, chunkEvaluator, pairPlaces, slotsByMentor, mentorEmails);
            }
        });
        Map<String, Integer> numbers = new HashMap<>();
        for (Seat seat : built) {
            CircleRequest request = seat.getRequest();
            int[] domains = new int[request.domains().size()];
            for (int d = 0; d < domains.length; d++) {
                domains[d] = number(numbers, "domain " + request.domains().get(d));
            }
            java.util.Arrays.sort(domains);
            seat.setTraits(domains, request.country() == null ? -1 : number(numbers, "country "
                    + request.country().trim().toLowerCase(java.util.Locale.ROOT)), request.institution() == null
                    ? -1 : number(numbers, "institution " + request.institution().trim().toLowerCase(
                            java.util.Locale.ROOT)));
            seats.add(seat);
        }
        return new CircleModel(problem, new CircleSolution(pairPlaces, slots, seats, circles));
    }

    /** One request's seat: the mentors it may take one-to-one, the circle slots it may sit in, its values. */
    private static Seat seat(CircleProblem problem, int r, PairEvaluator evaluator, List<PairPlace> pairPlaces,
            Map<Integer, List<CircleSlot>> slotsByMentor, String[] mentorEmails) {
        CircleSettings settings = problem.settings();
        CircleRequest request = problem.requests().get(r);
        MentorshipRequest record = request.request();
        String email = EmailAddress.canonical(record.email());
        int[] week = WeeklyOverlap.toUtcWeek(request.weeklyAvailability(),
                WeeklyOverlap.offsetOn(request.timeZone(), settings.startDate()));
        Set<Integer> pairAllowed = new HashSet<>();
        Map<Integer, Long> values = new HashMap<>();
        List<Place> candidates = new ArrayList<>();
        if (request.format().acceptsPair()) {
            for (PairPlace pair : pairPlaces) {
                Mentor mentor = pair.getMentor().mentor();
                if (mentor.capacity() > 0 && allowed(evaluator, record, email, mentor,
                        mentorEmails[pair.getMentorIndex()])) {
                    pairAllowed.add(pair.getMentorIndex());
                    candidates.add(pair);
                    values.put(pair.getMentorIndex(), PairPreference.value(record,
                            evaluator.fit(record, mentor), problem.weights()));
                }
            }
        }
        Set<Integer> conflicts = new HashSet<>();
        for (Map.Entry<Integer, List<CircleSlot>> entry : slotsByMentor.entrySet()) {
            if (isConflict(record, email, entry.getValue().get(0).getMentor().mentor(),
                    mentorEmails[entry.getKey()])) {
                conflicts.add(entry.getKey());
            }
        }
        Seat seat = new Seat(r, request, week, pairAllowed, values, candidates);
        if (request.format().acceptsCircle()) {
            for (Map.Entry<Integer, List<CircleSlot>> entry : slotsByMentor.entrySet()) {
                CircleSlot first = entry.getValue().get(0);
                Mentor mentor = first.getMentor().mentor();
                if (PairEvaluator.sharesLanguage(record, mentor)
                        && !conflicts.contains(entry.getKey())
                        && WeeklyOverlap.intersection(week, first.getMentorWeek()) >= settings.meetingMinutes()
                        && fitsSomeStart(seat, first)) {
                    candidates.addAll(entry.getValue());
                    values.computeIfAbsent(entry.getKey(), m -> PairPreference.value(record,
                            evaluator.fit(record, mentor), problem.weights()));
                }
            }
        }
        seat.setConflictMentors(conflicts.isEmpty() ? Set.of() : conflicts);
        return seat;
    }

    private static int number(Map<String, Integer> numbers, String key) {
        return numbers.computeIfAbsent(key, k -> numbers.size());
    }

    /** {@link PairEvaluator#allowed}, with the emails already canonical. */
    private static boolean allowed(PairEvaluator evaluator, MentorshipRequest request, String requestEmail,
            Mentor mentor, String mentorEmail) {
        return PairEvaluator.sharesLanguage(request, mentor)
                && mentor.isAvailableOn(request.startDate())
                && !isConflict(request, requestEmail, mentor, mentorEmail)
                && evaluator.overlapMinutes(request, mentor) >= request.minOverlapMinutes();
    }

    /** {@link PairEvaluator#isConflict}, with the emails already canonical (null for none). */
    private static boolean isConflict(MentorshipRequest request, String requestEmail, Mentor mentor,
            String mentorEmail) {
        return request.excludedMentorIds().contains(mentor.externalId())
                || (requestEmail != null && requestEmail.equals(mentorEmail))
                || request.externalId().equals(mentor.externalId());
    }

    /** Whether some meeting start of the slot lies inside the seat's week. */
    static boolean fitsSomeStart(Seat seat, CircleSlot slot) {
        for (int start : slot.getStarts()) {
            if (seat.covers(start, slot.getMeetingMinutes())) {
                return true;
            }
        }
        return false;
    }

    public CircleProblem problem() {
        return problem;
    }

    public CircleSolution solution() {
        return solution;
    }

    /** The seats that may sit in a circle slot. */
    public List<Seat> candidates(CircleSlot slot) {
        return candidatesBySlot.getOrDefault(slot, List.of());
    }

    /** Whether a seat may sit in a circle slot (one of its {@link #candidates}). */
    public boolean isCandidate(CircleSlot slot, Seat seat) {
        Set<Seat> set = candidateSetBySlot.get(slot);
        if (set == null) {
            set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            set.addAll(candidates(slot));
            candidateSetBySlot.put(slot, set);
        }
        return set.contains(seat);
    }

    public Circle circle(CircleSlot slot) {
        return circleBySlot.get(slot);
    }
}
