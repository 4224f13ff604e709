package org.mentoring.matching.circles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.matching.solver.ExactPairs;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.entity.EntitySelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.AcceptorType;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Solves pairs and circles together. With circles off (no request accepts a circle, or no mentor leads one) it is
 * today's exact pair engine and nothing else. Otherwise it constructs a good start (the exact min-cost flow of the
 * pair engine, {@link ExactPairs}, on the model's own pairs for the requests that accept a pair, then
 * {@link GreedyCircles} for the circle requests left) and improves it by local search with OptaPlanner: move a member, swap two members (between circles, or a
 * circle and a pair), move a circle's meeting time, and the group moves of {@link CircleMoveFactory} (open, close,
 * re-time a circle, backfill, exchange a member with an outsider, rebuild a circle by gain); it starts from the
 * better of pairs first and circles first, searches in stages with the joint flow ({@link #jointFlow}: pairs and
 * circle seats placed again by one exact flow around the circles' meetings) after each, and ends by re-solving the
 * pairs exactly around the circles found.
 */
public final class CircleEngine {

    private final EnvironmentMode environmentMode;
    /** How long the last exact pairs around fixed circles took (with scoring): what a re-solve is expected to cost. */
    private long lastPairsNanos;
    /** How long the construction's joint flow took (with scoring): what each later one is expected to cost. */
    private long lastJointNanos;
    /** The local search's stages, with the joint flow after each. */
    private static final int SEARCH_STAGES = 3;

    public CircleEngine() {
        this(EnvironmentMode.REPRODUCIBLE);
    }

    /** An engine in another environment mode (FULL_ASSERT in tests checks every move and its undo). */
    public CircleEngine(EnvironmentMode environmentMode) {
        this.environmentMode = environmentMode;
    }

    /** Set by {@link #cancel}: the search ends at once and nothing more is tried. */
    private volatile boolean cancelled;

    /**
     * Asks a solve in progress (on another thread) to stop soon: the local search is terminated early and the result
     * is the best found so far; a solve not begun yet stops after its construction. Never blocks.
     */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    public CircleResult solve(CircleProblem problem) {
        long started = System.nanoTime();
        if (!problem.circlesOn()) {
            return pairsOnly(problem, started);
        }
        CircleModel model = constructBest(problem);
        CircleSolution best = model.solution();
        Duration left = problem.timeLimit().minusNanos(System.nanoTime() - started);
        if (cancelled || left.isNegative() || left.toMillis() <= 50 || best.getCircles().isEmpty()) {
            return result(problem, best, started);
        }
        // Local search, then an exact re-solve of the pairs around the circles it left: the search's moves fill freed
        // places with the request of most value they find, the flow then gives the pairs their best value (never
        // fewer of them). The re-solve costs about what the construction's circles-first pairs did; twice that is
        // kept for it.
        long limit = System.nanoTime() + left.toNanos();
        long searchEnd = limit - lastJointNanos - lastPairsNanos;
        // In stages: after each, the joint flow places everyone again around the circles' meetings (never worse).
        int stages = SEARCH_STAGES;
        for (int stage = 0; stage < stages && !cancelled; stage++) {
            long now = System.nanoTime();
            long stageEnd = now + (searchEnd - now) / (stages - stage);
            if (stageEnd - now <= 50_000_000L) {
                break;
            }
            best = search(problem, best, stageEnd);
            if (stage < stages - 1 && !cancelled && searchEnd - System.nanoTime() > 2 * lastJointNanos) {
                best = jointFlow(problem, best);
            }
        }
        if (!cancelled && limit - System.nanoTime() > lastJointNanos) {
            best = jointFlow(problem, best);
        }
        if (!cancelled && limit - System.nanoTime() > lastPairsNanos) {
            best = repairPairs(problem, best);
        }
        return result(problem, best, started);
    }

    /**
     * Local search until {@code end} (System.nanoTime): building the solver compiles the constraints, which takes
     * seconds on a busy machine and is not part of OptaPlanner's spent limit, so a timer ends it early at that time.
     */
    private CircleSolution search(CircleProblem problem, CircleSolution start, long end) {
        Duration limit = Duration.ofNanos(end - System.nanoTime());
        Solver<CircleSolution> solver = SolverFactory.<CircleSolution>create(solverConfig(problem, limit))
                .buildSolver();
        java.util.Timer timer = new java.util.Timer("circle-search-deadline", true);
        timer.schedule(new java.util.TimerTask() {
            @Override
            public void run() {
                solver.terminateEarly();
            }
        }, Math.max(1, (end - System.nanoTime()) / 1_000_000L));
        // a cancel may come before the solver starts (which forgets an early termination): look for it until the end
        timer.schedule(new java.util.TimerTask() {
            @Override
            public void run() {
                if (cancelled) {
                    solver.terminateEarly();
                }
            }
        }, 20, 20);
        try {
            return solver.solve(start);
        } finally {
            timer.cancel();
        }
    }

    /**
     * The construction the search starts from: the better (placed first, then soft) of the baseline's (exact pairs
     * first, then greedy circles) and circles first (greedy circles from every request open to one, then the joint
     * flow placing every request in a pair or in one of those circles at its meeting, then greedy circles again for
     * slots still empty). Requests open to both formats that fit
     * a circle often leave a pair place to a request that only accepts pairs, so circles first usually places more.
     */
    CircleModel constructBest(CircleProblem problem) {
        CircleModel model = constructUnscored(problem);
        CircleSolution solution = model.solution();
        HardMediumSoftLongScore pairsFirst = score(solution);
        List<Place> places = new ArrayList<>();
        List<Integer> meetings = new ArrayList<>();
        solution.getSeats().forEach(s -> places.add(s.getPlace()));
        solution.getCircles().forEach(c -> meetings.add(c.getMeeting()));
        solution.getSeats().forEach(s -> s.setPlace(null));
        GreedyCircles.pack(model);
        long before = System.nanoTime();
        // every request placed again by one flow over the pairs and the circles just opened, at their meetings
        assignJointFlow(problem, model);
        GreedyCircles.pack(model);
        HardMediumSoftLongScore circlesFirst = score(solution);
        lastPairsNanos = System.nanoTime() - before;
        lastJointNanos = lastPairsNanos;
        if (circlesFirst.compareTo(pairsFirst) >= 0) {
            solution.setScore(circlesFirst);
        } else {
            for (int i = 0; i < places.size(); i++) {
                solution.getSeats().get(i).setPlace(places.get(i));
            }
            for (int i = 0; i < meetings.size(); i++) {
                solution.getCircles().get(i).setMeeting(meetings.get(i));
            }
            solution.setScore(pairsFirst);
        }
        return model;
    }

    /**
     * The pairs re-solved exactly around the circles: every request open to a pair and not in a circle goes to the
     * exact min-cost flow, which places at least as many of them as now and, among as many, at the best value (load
     * balance included). Kept only if the whole score does not get worse.
     */
    CircleSolution repairPairs(CircleProblem problem, CircleSolution solution) {
        HardMediumSoftLongScore before = solution.getScore() == null ? score(solution) : solution.getScore();
        List<Place> places = new ArrayList<>();
        solution.getSeats().forEach(s -> places.add(s.getPlace()));
        CircleModel model = CircleModel.of(problem, solution);
        assignExactPairs(problem, model, seat -> !seat.isInCircle());
        HardMediumSoftLongScore after = score(solution);
        if (after.compareTo(before) < 0) {
            for (int i = 0; i < places.size(); i++) {
                solution.getSeats().get(i).setPlace(places.get(i));
            }
            solution.setScore(before);
        }
        return solution;
    }

    /**
     * Every request placed again by one exact flow over the pairs and the open circles together, each circle at its
     * meeting and in one language its mentor and members share: a circle is a column of maxSize places that the
     * requests open to circles who fit its meeting and speak that language may take. The flow places the most
     * requests, then the most value; a circle place is worth the pair value with its mentor plus half the coherence
     * and mix the request has with the circle's members now (what it adds if the circle keeps them). A circle left
     * with fewer than minSize members is closed and the flow solved again. Kept only if the whole score is no worse
     * (the bonus is an estimate); nothing is tried on a solution that breaks a hard rule.
     */
    CircleSolution jointFlow(CircleProblem problem, CircleSolution solution) {
        HardMediumSoftLongScore before = solution.getScore() == null ? score(solution) : solution.getScore();
        if (before.hardScore() < 0) {
            return solution;
        }
        List<Place> places = new ArrayList<>();
        solution.getSeats().forEach(s -> places.add(s.getPlace()));
        assignJointFlow(problem, CircleModel.of(problem, solution));
        HardMediumSoftLongScore after = score(solution);
        if (after.compareTo(before) < 0) {
            for (int i = 0; i < places.size(); i++) {
                solution.getSeats().get(i).setPlace(places.get(i));
            }
            solution.setScore(before);
        } else {
            solution.setScore(after);
        }
        return solution;
    }

    /** The flow of {@link #jointFlow}, applied to the model's solution (not scored). */
    static void assignJointFlow(CircleProblem problem, CircleModel model) {
        CircleSolution solution = model.solution();
        List<PairPlace> pairPlaces = solution.getPairPlaces();
        int mentors = pairPlaces.size();
        Map<CircleSlot, List<Seat>> membersOf = new java.util.IdentityHashMap<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.getPlace() instanceof CircleSlot slot) {
                membersOf.computeIfAbsent(slot, x -> new ArrayList<>()).add(seat);
            }
        }
        List<Circle> open = new ArrayList<>();
        List<String> languageOf = new ArrayList<>();
        for (Circle circle : solution.getCircles()) {
            List<Seat> members = membersOf.get(circle.getSlot());
            if (members == null) {
                continue;
            }
            // Of the languages the circle shares, the one the most candidates who fit its meeting speak.
            String language = null;
            int most = -1;
            for (String l : new java.util.TreeSet<>(CircleConstraintProvider.commonLanguages(circle.getSlot(),
                    members))) {
                int n = 0;
                for (Seat seat : model.candidates(circle.getSlot())) {
                    if (circle.fits(seat) && seat.getRequest().languages().contains(l)) {
                        n++;
                    }
                }
                if (n > most) {
                    most = n;
                    language = l;
                }
            }
            if (language == null) {
                return;
            }
            open.add(circle);
            languageOf.add(language);
        }
        List<Seat> seats = solution.getSeats();
        Map<Seat, Integer> row = new java.util.IdentityHashMap<>();
        for (int i = 0; i < seats.size(); i++) {
            row.put(seats.get(i), i);
        }
        List<List<long[]>> arcs = new ArrayList<>();
        for (Seat seat : seats) {
            List<long[]> list = new ArrayList<>();
            if (seat.getFormat().acceptsPair()) {
                for (Place place : seat.getCandidates()) {
                    if (place instanceof PairPlace pair && seat.isPairAllowed(pair.getMentorIndex())) {
                        list.add(new long[] {pair.getMentorIndex(), seat.valueWith(pair.getMentorIndex())});
                    }
                }
            }
            arcs.add(list);
        }
        for (int k = 0; k < open.size(); k++) {
            Circle circle = open.get(k);
            CircleSlot slot = circle.getSlot();
            List<Seat> members = membersOf.get(slot);
            for (Seat seat : model.candidates(slot)) {
                if (seat.getFormat().acceptsCircle() && circle.fits(seat) && !seat.isConflict(slot)
                        && seat.getRequest().languages().contains(languageOf.get(k))) {
                    long bonus = 0;
                    for (Seat member : members) {
                        if (member != seat) {
                            bonus += (CircleConstraintProvider.sharesDomain(seat, member) ? slot.getCoherenceWeight()
                                    : 0) + (long) slot.getMixWeight() * CircleConstraintProvider.crossings(seat, member);
                        }
                    }
                    arcs.get(row.get(seat)).add(new long[] {mentors + k, seat.valueWith(slot.getMentorIndex())
                            + bonus / 2});
                }
            }
        }
        int[] room = new int[mentors + open.size()];
        for (PairPlace pair : pairPlaces) {
            room[pair.getMentorIndex()] = Math.max(0, pair.getCapacity());
        }
        for (int k = 0; k < open.size(); k++) {
            room[mentors + k] = open.get(k).getSlot().getMaxSize();
        }
        int[][] columnsOf = new int[seats.size()][];
        long[][] valuesOf = new long[seats.size()][];
        for (int i = 0; i < seats.size(); i++) {
            List<long[]> list = arcs.get(i);
            columnsOf[i] = new int[list.size()];
            valuesOf[i] = new long[list.size()];
            for (int a = 0; a < list.size(); a++) {
                columnsOf[i][a] = (int) list.get(a)[0];
                valuesOf[i][a] = list.get(a)[1];
            }
        }
        int[] columnOf;
        while (true) {
            columnOf = ExactPairs.solve(room, problem.weights().loadBalance(), columnsOf, valuesOf);
            int[] count = new int[room.length];
            for (int c : columnOf) {
                if (c >= 0) {
                    count[c]++;
                }
            }
            boolean small = false;
            for (int k = 0; k < open.size(); k++) {
                int n = count[mentors + k];
                if (n > 0 && n < open.get(k).getSlot().getMinSize()) {
                    room[mentors + k] = 0;
                    small = true;
                }
            }
            if (!small) {
                break;
            }
        }
        for (int i = 0; i < seats.size(); i++) {
            int c = columnOf[i];
            seats.get(i).setPlace(c < 0 ? null : c < mentors ? pairPlaces.get(c) : open.get(c - mentors).getSlot());
        }
    }

    /**
     * Places the seats that accept a pair and pass the filter by the exact flow (each is first taken out), over the
     * pairs and values the model holds: the most such seats placed, then the most pair value less the load balance,
     * the pair part of the circle score exactly. The flow alone, on the model's arrays: no problem to build again.
     */
    static void assignExactPairs(CircleProblem problem, CircleModel model,
            java.util.function.Predicate<Seat> filter) {
        CircleSolution solution = model.solution();
        List<Seat> seats = new ArrayList<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.getFormat().acceptsPair() && filter.test(seat)) {
                seat.setPlace(null);
                seats.add(seat);
            }
        }
        if (seats.isEmpty()) {
            return;
        }
        List<PairPlace> pairPlaces = solution.getPairPlaces();
        int[] room = new int[pairPlaces.size()];
        for (PairPlace pair : pairPlaces) {
            room[pair.getMentorIndex()] = Math.max(0, pair.getCapacity());
        }
        int[][] mentorsOf = new int[seats.size()][];
        long[][] valuesOf = new long[seats.size()][];
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            List<Integer> mentors = new ArrayList<>();
            for (Place place : seat.getCandidates()) {
                if (place instanceof PairPlace pair && seat.isPairAllowed(pair.getMentorIndex())) {
                    mentors.add(pair.getMentorIndex());
                }
            }
            mentorsOf[i] = new int[mentors.size()];
            valuesOf[i] = new long[mentors.size()];
            for (int k = 0; k < mentors.size(); k++) {
                mentorsOf[i][k] = mentors.get(k);
                valuesOf[i][k] = seat.valueWith(mentors.get(k));
            }
        }
        int[] mentorOf = ExactPairs.solve(room, problem.weights().loadBalance(), mentorsOf, valuesOf);
        for (int i = 0; i < seats.size(); i++) {
            if (mentorOf[i] >= 0) {
                seats.get(i).setPlace(pairPlaces.get(mentorOf[i]));
            }
        }
    }

    /** The construction alone: exact pairs, then greedy circles. Its solution is scored. */
    public CircleModel construct(CircleProblem problem) {
        CircleModel model = constructUnscored(problem);
        model.solution().setScore(score(model.solution()));
        return model;
    }

    private CircleModel constructUnscored(CircleProblem problem) {
        CircleModel model = CircleModel.build(problem);
        assignExactPairs(problem, model, seat -> true);
        GreedyCircles.pack(model);
        return model;
    }

    private static MatchingResult exactPairs(CircleProblem problem, List<MentorshipRequest> requests) {
        List<Mentor> mentors = problem.mentors().stream().map(CircleMentor::mentor).toList();
        try (MatchingEngine engine = new MatchingEngine()) {
            return engine.solve(MatchingProblem.of(requests, mentors, problem.weights(), problem.timeLimit(),
                    problem.seed()));
        }
    }

    private CircleResult pairsOnly(CircleProblem problem, long started) {
        List<MentorshipRequest> pairRequests = new ArrayList<>();
        List<String> circleOnly = new ArrayList<>();
        for (CircleRequest request : problem.requests()) {
            if (request.format().acceptsPair()) {
                pairRequests.add(request.request());
            } else {
                circleOnly.add(request.id());
            }
        }
        MatchingResult pairs = exactPairs(problem, pairRequests);
        List<CircleResult.Pair> placed = pairs.proposals().stream()
                .map(p -> new CircleResult.Pair(p.requestExternalId(), p.mentorExternalId())).toList();
        List<String> unplaced = new ArrayList<>(pairs.unmatched().stream()
                .map(MatchingResult.Unmatched::requestExternalId).toList());
        unplaced.addAll(circleOnly);
        String score = pairs.score();
        if (!circleOnly.isEmpty()) {
            HardMediumSoftLongScore s = HardMediumSoftLongScore.parseScore(score);
            score = HardMediumSoftLongScore.of(s.hardScore(), s.mediumScore() - circleOnly.size(), s.softScore())
                    .toString();
        }
        return new CircleResult(score, pairs.feasible(), problem.requests().size(), placed.size(), placed,
                List.of(), unplaced, Duration.ofNanos(System.nanoTime() - started),
                pairs.provenOptimal());
    }

    SolverConfig solverConfig(CircleProblem problem, Duration limit) {
        List<MoveSelectorConfig> moves = List.of(
                new ChangeMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig(Seat.class))
                        .withFixedProbabilityWeight(4.0),
                new SwapMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig(Seat.class))
                        .withFixedProbabilityWeight(2.0),
                new ChangeMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig(Circle.class))
                        .withFixedProbabilityWeight(1.0),
                // The group moves are the targeted ones (exchange, best backfill, open and re-time around a pivot):
                // twice the weight they had in the first pass.
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(CircleMoveFactory.class)
                        .withFixedProbabilityWeight(4.0));
        return new SolverConfig()
                .withSolutionClass(CircleSolution.class)
                .withEntityClasses(Seat.class, Circle.class)
                .withScoreDirectorFactory(scoreDirector())
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(problem.seed())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMillis(limit.toMillis())))
                .withPhases(new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new UnionMoveSelectorConfig(moves))
                        // Hill climbing that walks plateaus: a step never worsens the score. Late acceptance lets
                        // the soft score drift down while the medium level improves (any step beats a step of 400
                        // steps ago that placed fewer requests), which lost a third of the pair value on the
                        // benchmark.
                        .withAcceptorConfig(new LocalSearchAcceptorConfig()
                                .withAcceptorTypeList(List.of(AcceptorType.HILL_CLIMBING)))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }

    /** Scores a solution with the constraints, outside a solver. */
    static HardMediumSoftLongScore score(CircleSolution solution) {
        return Scoring.MANAGER.update(solution);
    }

    /** One solution manager for every scoring outside a solver: building one compiles the constraints. */
    private static final class Scoring {
        static final org.optaplanner.core.api.solver.SolutionManager<CircleSolution, HardMediumSoftLongScore>
                MANAGER = org.optaplanner.core.api.solver.SolutionManager.create(SolverFactory.create(
                        new SolverConfig().withSolutionClass(CircleSolution.class)
                                .withEntityClasses(Seat.class, Circle.class)
                                .withScoreDirectorFactory(scoreDirector())));
    }

    /**
     * The constraints on Bavet, as the pair engine's are: OptaPlanner 10 otherwise picks Drools, which compiles them
     * with javac on every solver factory built (seconds on a busy machine) and scored about a tenth as fast here.
     */
    static ScoreDirectorFactoryConfig scoreDirector() {
        return new ScoreDirectorFactoryConfig().withConstraintProviderClass(CircleConstraintProvider.class)
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);
    }

    /** The answer a model's solution stands for (for example the construction's: the greedy baseline). */
    public CircleResult result(CircleModel model) {
        return result(model.problem(), model.solution(), System.nanoTime());
    }

    static CircleResult result(CircleProblem problem, CircleSolution solution, long started) {
        List<CircleResult.Pair> pairs = new ArrayList<>();
        Map<Circle, List<String>> members = new LinkedHashMap<>();
        Map<CircleSlot, Circle> circleOf = new HashMap<>();
        for (Circle circle : solution.getCircles()) {
            circleOf.put(circle.getSlot(), circle);
        }
        List<String> unplaced = new ArrayList<>();
        for (Seat seat : solution.getSeats()) {
            Place place = seat.getPlace();
            if (place == null) {
                unplaced.add(seat.getRequest().id());
            } else if (place instanceof CircleSlot slot) {
                members.computeIfAbsent(circleOf.get(slot), c -> new ArrayList<>()).add(seat.getRequest().id());
            } else {
                pairs.add(new CircleResult.Pair(seat.getRequest().id(), place.getMentor().id()));
            }
        }
        List<CircleResult.CircleOut> circles = new ArrayList<>();
        for (Map.Entry<Circle, List<String>> entry : members.entrySet()) {
            CircleSlot slot = entry.getKey().getSlot();
            circles.add(new CircleResult.CircleOut(slot.getMentor().id(), slot.getNumber(), entry.getValue(),
                    entry.getKey().getMeeting(), slot.getMeetingMinutes()));
        }
        HardMediumSoftLongScore score = solution.getScore();
        return new CircleResult(score.toString(), score.hardScore() == 0, problem.requests().size(),
                problem.requests().size() - unplaced.size(), pairs, circles, unplaced,
                Duration.ofNanos(System.nanoTime() - started), false);
    }
}
