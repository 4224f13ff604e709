package org.mentoring.matching.run;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mentoring.matching.circles.CircleEngine;
import org.mentoring.matching.circles.CircleInputs;
import org.mentoring.matching.circles.CircleMentor;
import org.mentoring.matching.circles.CircleProblem;
import org.mentoring.matching.circles.CircleRequest;
import org.mentoring.matching.circles.CircleResult;
import org.mentoring.matching.circles.CircleSettings;
import org.mentoring.matching.circles.CircleWeights;
import org.mentoring.matching.circles.Meetings;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.persistence.RunCircleDocument;
import org.mentoring.matching.persistence.RunCircleStore;
import org.mentoring.matching.solver.Explanations;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.matching.solver.ScoreUpdate;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.time.WeeklyOverlap;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The circle part of a run whose settings ask for circles. Before the pair engine starts, {@link #plan} solves pairs
 * and circles together with the {@link CircleEngine} on the run's input snapshot (settled mentorships keep their
 * places: each mentor offers the engine only their free one-to-one places) and fixes its circles; the run's pair
 * engine then places the other requests that accept a pair exactly as in a run without circles, so its proposals,
 * explanations, progress, cancel and failures are today's. When the pair engine finishes, {@link #listener} saves the
 * circles with their explanations and adds to the result the circle members (placed) and the reasons, circle ones
 * included, of the requests open to circles that are placed nowhere.
 */
final class CircleRunStep {

    static final String NO_LANGUAGE = "no circle shares your language";
    static final String NO_TIME = "no circle meeting time fits your week";

    private final RunCircleStore store;

    CircleRunStep(RunCircleStore store) {
        this.store = store;
    }

    /**
     * What the circle engine decided, and the pair problem left to the run's engine.
     *
     * @param pairs the run's open requests that accept a pair and are in no circle, with every mentor and the
     *     settled mentorships
     */
    record Plan(CircleProblem problem, CircleResult circles, MatchingProblem pairs, Duration circleTime) {
    }

    /**
     * Solves pairs and circles together on the snapshot, within about two thirds of the run's time limit.
     *
     * @param heldCircles circles each mentor already leads through a published run (by externalId); they lead that
     *     many fewer new ones
     */
    static Plan plan(InputSnapshot snapshot, CircleSettings settings, MatchingWeights weights, Duration timeLimit,
            long seed, Map<String, Integer> heldCircles) {
        return plan(snapshot, settings, weights, timeLimit, seed, heldCircles, new CircleEngine());
    }

    /** The same with this engine, which another thread may {@link CircleEngine#cancel} to end the search early. */
    static Plan plan(InputSnapshot snapshot, CircleSettings settings, MatchingWeights weights, Duration timeLimit,
            long seed, Map<String, Integer> heldCircles, CircleEngine engine) {
        long started = System.nanoTime();
        Map<String, Integer> settled = new HashMap<>();
        snapshot.settled().values().forEach(mentorId -> settled.merge(mentorId, 1, Integer::sum));
        List<CircleMentor> mentors = new ArrayList<>();
        for (Mentor mentor : snapshot.mentors()) {
            int free = Math.max(0, mentor.capacity() - settled.getOrDefault(mentor.externalId(), 0));
            int circles = Math.max(0, mentor.circles() - heldCircles.getOrDefault(mentor.externalId(), 0));
            Mentor left = free == mentor.capacity() ? mentor : new Mentor(mentor.externalId(), mentor.name(),
                    mentor.email(), mentor.institution(), mentor.country(), mentor.timeZone(), mentor.languages(),
                    mentor.domains(), mentor.topics(), free, mentor.availableFrom(), mentor.availableUntil(),
                    mentor.weeklyAvailability(), mentor.circles());
            mentors.add(new CircleMentor(left, circles));
        }
        List<CircleRequest> requests = CircleInputs.requests(snapshot.openRequests());
        // OptaPlanner's time limits take whole milliseconds
        Duration circleLimit = Duration.ofMillis(timeLimit.toMillis() * 2 / 3);
        if (circleLimit.compareTo(Duration.ofSeconds(1)) < 0) {
            circleLimit = Duration.ofSeconds(1);
        }
        CircleProblem problem = new CircleProblem(requests, mentors, settings, weights, CircleWeights.defaults(),
                circleLimit, seed);
        CircleResult result;
        try {
            result = engine.solve(problem);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the circles could not be formed: " + RunEndings.describe(e), e);
        }
        Set<String> inCircles = new HashSet<>();
        result.circles().forEach(circle -> inCircles.addAll(circle.members()));
        List<MentorshipRequest> pairRequests = snapshot.openRequests().stream()
                .filter(r -> r.format().acceptsPair() && !inCircles.contains(r.externalId())).toList();
        Duration circleTime = Duration.ofNanos(System.nanoTime() - started);
        Duration left = Duration.ofMillis(timeLimit.minus(circleTime).toMillis());
        if (left.compareTo(Duration.ofSeconds(1)) < 0) {
            left = Duration.ofSeconds(1);
        }
        MatchingProblem pairs = new MatchingProblem(pairRequests, snapshot.mentors(), snapshot.settled(), weights,
                left, seed);
        return new Plan(problem, result, pairs, circleTime);
    }

    /** The circles a run saved, in order. */
    List<RunCircle> circles(String runId) {
        return store.circles(runId).stream().map(RunCircle::of).toList();
    }

    /** A listener that, when the pairs are solved, saves the circles and completes the result before passing it on. */
    MatchingEngine.Listener listener(String runId, Plan plan, MatchingEngine.Listener next) {
        return new MatchingEngine.Listener() {
            @Override
            public void onBestSolution(ScoreUpdate update) {
                next.onBestSolution(update);
            }

            @Override
            public void onFinished(MatchingResult result) {
                MatchingResult merged;
                try {
                    store.save(runId, documents(runId, plan));
                    merged = merge(plan, result);
                } catch (RuntimeException | Error e) {
                    next.onFailed(new IllegalStateException("the circles could not be saved: "
                            + RunEndings.describe(e), e));
                    return;
                }
                next.onFinished(merged);
            }

            @Override
            public void onFailed(Throwable error) {
                next.onFailed(error);
            }

            @Override
            public void onCancelledBeforeStart() {
                next.onCancelledBeforeStart();
            }
        };
    }

    /** The circles as they are saved, with each member's explanation. */
    static List<RunCircleDocument> documents(String runId, Plan plan) {
        Map<String, MentorshipRequest> requests = new HashMap<>();
        plan.problem().requests().forEach(r -> requests.put(r.id(), r.request()));
        Map<String, Mentor> mentors = new HashMap<>();
        plan.problem().mentors().forEach(m -> mentors.put(m.id(), m.mentor()));
        CircleSettings settings = plan.problem().settings();
        List<RunCircleDocument> documents = new ArrayList<>();
        for (CircleResult.CircleOut circle : plan.circles().circles()) {
            Mentor mentor = mentors.get(circle.mentorId());
            List<MentorshipRequest> members = circle.members().stream().map(requests::get).toList();
            List<String> admin = new ArrayList<>();
            Map<String, List<String>> own = new LinkedHashMap<>();
            for (MentorshipRequest member : members) {
                own.put(member.externalId(), memberLines(member, mentor, members, circle, settings));
                admin.add(adminLine(member, mentor, members, circle, settings));
            }
            documents.add(new RunCircleDocument(RunCircleStore.idOf(runId, documents.size() + 1), runId,
                    circle.mentorId(), circle.members(), circle.meetingStart(), circle.meetingMinutes(),
                    settings.startDate(), admin, own, settings.minSize(), settings.maxSize()));
        }
        return documents;
    }

    /** Why a member is in this circle, as they read it. */
    static List<String> memberLines(MentorshipRequest member, Mentor mentor, List<MentorshipRequest> members,
            CircleResult.CircleOut circle, CircleSettings settings) {
        List<String> lines = new ArrayList<>();
        lines.add(Explanations.domains(member, mentor).researcher());
        List<String> shared = sharedWithOthers(member, members);
        lines.add(shared.isEmpty()
                ? "Research domains: the other members work in other fields, so the circle brings fields together"
                : "Research domains you share with other members: " + String.join("; ", shared));
        lines.add("The circle meets every week, " + localMeeting(member.timeZone(), circle, settings)
                + " your time (" + org.mentoring.common.ZoneNames.flat(member.timeZone(), settings.startDate())
                + "), from " + org.mentoring.common.Days.inWords(settings.startDate()));
        lines.add("Everyone in the circle speaks " + languages(mentor, members));
        return lines;
    }

    private static String adminLine(MentorshipRequest member, Mentor mentor, List<MentorshipRequest> members,
            CircleResult.CircleOut circle, CircleSettings settings) {
        Set<String> withMentor = new TreeSet<>();
        for (String domain : member.domains()) {
            if (mentor.domains().contains(domain)) {
                withMentor.add(Explanations.domainName(domain));
            }
        }
        List<String> shared = sharedWithOthers(member, members);
        return name(member) + ": " + (withMentor.isEmpty() ? "no research domain in common with the mentor"
                : "shares " + String.join(", ", withMentor) + " with the mentor")
                + "; " + (shared.isEmpty() ? "no research domain in common with the other members"
                : "with other members: " + String.join("; ", shared))
                + "; meets " + localMeeting(member.timeZone(), circle, settings) + " in their zone ("
                + org.mentoring.common.ZoneNames.flat(member.timeZone(), settings.startDate()) + "); speaks " + languages(mentor, members);
    }

    private static String name(MentorshipRequest request) {
        return request.name() == null || request.name().isBlank() ? request.externalId()
                : request.name() + " (" + request.externalId() + ")";
    }

    /** Each of the member's domains that other members share, with how many share it. */
    private static List<String> sharedWithOthers(MentorshipRequest member, List<MentorshipRequest> members) {
        List<String> shared = new ArrayList<>();
        for (String domain : new LinkedHashSet<>(member.domains())) {
            long others = members.stream()
                    .filter(o -> o != member && o.domains().contains(domain)).count();
            if (others > 0) {
                shared.add(Explanations.domainName(domain) + " with " + others + " other member"
                        + (others > 1 ? "s" : ""));
            }
        }
        return shared;
    }

    /** The meeting in a zone's local time on the circles' start date, for example {@code Tue 15:00-16:00}. */
    static String localMeeting(java.time.ZoneId zone, CircleResult.CircleOut circle, CircleSettings settings) {
        ZoneOffset offset = WeeklyOverlap.offsetOn(zone, settings.startDate());
        return WeeklyOverlap.describe(circle.meetingStart(), circle.meetingStart() + circle.meetingMinutes(), offset);
    }

    private static String languages(Mentor mentor, List<MentorshipRequest> members) {
        Set<String> common = new TreeSet<>(mentor.languages());
        members.forEach(m -> common.retainAll(m.languages()));
        List<String> names = common.stream().map(code -> {
            String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
            return name.isEmpty() ? code : name;
        }).toList();
        return String.join(", ", names);
    }

    /** The pair engine's result with the circle members counted as placed and the circle reasons added. */
    static MatchingResult merge(Plan plan, MatchingResult pairs) {
        Map<String, CircleRequest> requests = new LinkedHashMap<>();
        plan.problem().requests().forEach(r -> requests.put(r.id(), r));
        int members = plan.circles().circles().stream().mapToInt(c -> c.members().size()).sum();
        Set<String> unmatchedByPairs = new HashSet<>();
        List<MatchingResult.Unmatched> unmatched = new ArrayList<>();
        for (MatchingResult.Unmatched u : pairs.unmatched()) {
            unmatchedByPairs.add(u.requestExternalId());
            CircleRequest request = requests.get(u.requestExternalId());
            if (request != null && request.format().acceptsCircle()) {
                List<String> reasons = new ArrayList<>(u.reasons());
                circleReasons(request.request(), plan).stream().filter(r -> !reasons.contains(r))
                        .forEach(reasons::add);
                unmatched.add(new MatchingResult.Unmatched(u.requestExternalId(), reasons));
            } else {
                unmatched.add(u);
            }
        }
        int circleOnly = 0;
        Set<String> placedInCircles = new HashSet<>();
        plan.circles().circles().forEach(c -> placedInCircles.addAll(c.members()));
        for (CircleRequest request : requests.values()) {
            if (!request.format().acceptsPair() && !placedInCircles.contains(request.id())
                    && !unmatchedByPairs.contains(request.id())) {
                circleOnly++;
                unmatched.add(new MatchingResult.Unmatched(request.id(), circleReasons(request.request(), plan)));
            }
        }
        String score = pairs.score();
        if (score != null && circleOnly > 0) {
            HardMediumSoftLongScore s = HardMediumSoftLongScore.parseScore(score);
            score = HardMediumSoftLongScore.of(s.hardScore(), s.mediumScore() - circleOnly, s.softScore()).toString();
        }
        boolean exact = pairs.provenOptimal() && !plan.problem().circlesOn();
        return new MatchingResult(score, pairs.feasible() && plan.circles().feasible(),
                pairs.requestCount() + members + circleOnly, pairs.mentorCount(), pairs.matchedCount() + members,
                pairs.settledCount(), pairs.proposals(), unmatched, pairs.solvingTime().plus(plan.circleTime()),
                pairs.cancelled(), exact, exact && pairs.certified());
    }

    static final String NO_CIRCLES = "you asked for a mentoring circle, and this run formed no circles";

    /** The open requests that accept only a circle: a run without circles places them nowhere. */
    static List<String> circleOnly(InputSnapshot snapshot) {
        return snapshot.openRequests().stream().filter(r -> !r.format().acceptsPair())
                .map(MentorshipRequest::externalId).toList();
    }

    /** The pair problem without the requests that accept only a circle. */
    static MatchingProblem withoutCircleOnly(MatchingProblem problem) {
        return new MatchingProblem(problem.openRequests().stream().filter(r -> r.format().acceptsPair()).toList(),
                problem.mentors(), problem.settled(), problem.weights(), problem.timeLimit(), problem.seed());
    }

    /**
     * A listener for a run without circles whose open requests include some that accept only a circle: they are
     * unmatched, saying so, and counted as the run's requests.
     */
    static MatchingEngine.Listener noCircles(List<String> circleOnly, MatchingEngine.Listener next) {
        return new MatchingEngine.Listener() {
            @Override
            public void onBestSolution(ScoreUpdate update) {
                next.onBestSolution(update);
            }

            @Override
            public void onFinished(MatchingResult pairs) {
                List<MatchingResult.Unmatched> unmatched = new ArrayList<>(pairs.unmatched());
                circleOnly.forEach(id -> unmatched.add(new MatchingResult.Unmatched(id, List.of(NO_CIRCLES))));
                String score = pairs.score();
                if (score != null) {
                    HardMediumSoftLongScore s = HardMediumSoftLongScore.parseScore(score);
                    score = HardMediumSoftLongScore.of(s.hardScore(), s.mediumScore() - circleOnly.size(),
                            s.softScore()).toString();
                }
                next.onFinished(new MatchingResult(score, pairs.feasible(), pairs.requestCount() + circleOnly.size(),
                        pairs.mentorCount(), pairs.matchedCount(), pairs.settledCount(), pairs.proposals(), unmatched,
                        pairs.solvingTime(), pairs.cancelled(), pairs.provenOptimal(), pairs.certified()));
            }

            @Override
            public void onFailed(Throwable error) {
                next.onFailed(error);
            }

            @Override
            public void onCancelledBeforeStart() {
                next.onCancelledBeforeStart();
            }
        };
    }

    /** Why no circle took a request open to circles, in its own words. */
    static List<String> circleReasons(MentorshipRequest request, Plan plan) {
        CircleSettings settings = plan.problem().settings();
        LocalDate start = settings.startDate();
        List<Mentor> leading = new ArrayList<>();
        for (CircleMentor mentor : plan.problem().mentors()) {
            if (mentor.circles() > 0 && mentor.mentor().isAvailableOn(start)) {
                leading.add(mentor.mentor());
            }
        }
        if (leading.isEmpty()) {
            return List.of("no mentor leads a circle starting on " + start);
        }
        List<Mentor> speaking = leading.stream().filter(m -> PairEvaluator.sharesLanguage(request, m)).toList();
        if (speaking.isEmpty()) {
            return List.of(NO_LANGUAGE);
        }
        List<Mentor> allowed = speaking.stream().filter(m -> !PairEvaluator.isConflict(request, m)).toList();
        if (allowed.isEmpty()) {
            return List.of("you excluded every mentor who leads a circle in your language");
        }
        int[] week = WeeklyOverlap.toUtcWeek(request.weeklyAvailability(),
                WeeklyOverlap.offsetOn(request.timeZone(), start));
        boolean timeFits = false;
        for (Mentor mentor : allowed) {
            int[] mentorWeek = WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(),
                    WeeklyOverlap.offsetOn(mentor.timeZone(), start));
            int[] common = WeeklyOverlap.intersectionIntervals(week, mentorWeek);
            if (!Meetings.startsWithin(common, settings.meetingMinutes()).isEmpty()) {
                timeFits = true;
                break;
            }
        }
        if (!timeFits) {
            return List.of(NO_TIME);
        }
        return List.of("the circles that fit your week and language were full, or too few others could join one");
    }
}
