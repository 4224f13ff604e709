package org.mentoring.benchmark;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.matching.circles.CircleChecker;
import org.mentoring.matching.circles.CircleModel;
import org.mentoring.matching.circles.CircleProblem;
import org.mentoring.matching.circles.CircleSlot;
import org.mentoring.matching.circles.Meetings;
import org.mentoring.matching.circles.PairPlace;
import org.mentoring.matching.circles.Place;
import org.mentoring.matching.circles.Seat;

/**
 * A tighter upper bound for the circles yardstick: a linear relaxation over (mentor, group of candidates who fit one
 * meeting start and one language) columns, solved with OR-Tools GLOP, and made provable by weak duality.
 *
 * <p><b>The relaxation.</b> Variables (all {@code >= 0}): {@code x[i,m]} request i with mentor m one-to-one (only the
 * pairs the pair rules allow); for each mentor m who can lead circles and each <em>column</em> c of m, {@code z[c]}
 * (circles of m that use c) and {@code y[i,c]} (request i sits in such a circle). A column is a largest set of m's
 * circle candidates (format, shared language, no conflict: {@link CircleModel}) who all fit one meeting start s inside
 * m's week and all speak one language l of m's: the set {@code S(m,s,l)}, keeping only sets that no other set of m
 * contains and that hold at least minSize requests. Rows: each request placed at most once
 * ({@code sum x + sum y <= 1}), each mentor's capacity ({@code sum_i x[i,m] <= capacity}), each mentor's circles
 * ({@code sum_c z[c] <= circles}), {@code y[i,c] <= z[c]}, {@code minSize z[c] <= sum_i y[i,c] <= maxSize z[c]}, and,
 * for the soft bound, {@code sum x + sum y >= P}.
 *
 * <p><b>Why every answer is a point of it.</b> Take any answer that keeps the hard rules. A pair (i, m) sets
 * {@code x[i,m] = 1}. A circle of m with members M, meeting start s and a language l they and m share: every member
 * lies in {@code S(m,s,l)}, hence in some kept column c that contains it; set {@code y[i,c] = 1} for its members and
 * add 1 to {@code z[c]}. Each row then holds (a request has one place; a mentor leads at most {@code circles}
 * circles, so {@code sum z <= circles}; {@code y <= 1 <= z}; each circle has minSize..maxSize members, so summed over
 * the circles in c the size rows hold). The objective gives x[i,m] and y[i,c] the pair value {@code v(i,m)} (the
 * same value the engine and {@link CircleChecker} count), and y[i,c] also {@code beta(i,c)}: half the sum of the
 * {@code maxSize - 1} largest circle bonuses (coherence + mix, {@link CircleChecker#circleBonus}) between i and the
 * other requests of c. A circle's bonus is the sum over its member pairs, i.e. half the sum over members of their
 * bonuses with the other {@code |M| - 1 <= maxSize - 1} members, all inside c, so at most {@code sum_i beta(i,c)}.
 * The load-balance penalty is never negative and is left out. So the objective at that point is at least the
 * answer's soft score, and its placed count is the answer's: the LP's optimum bounds the placed count, and with
 * {@code sum >= P}, the soft score of every answer that places at least P requests.
 *
 * <p><b>Why the number is a bound whatever the solver's tolerances.</b> The number reported is not GLOP's primal
 * value but a dual objective: GLOP's row duals (capacity, link, size, count rows) clipped at 0, then each request's
 * dual and each mentor's circles dual raised until every dual constraint holds exactly ({@link #dualBound}). Any
 * non-negative dual that satisfies every dual constraint bounds the primal maximum (weak duality), and the repair
 * checks each dual constraint one by one, so a loose or wrong solver answer can only make the bound weaker, never
 * invalid.
 *
 * <p><b>Tighter: explicit circles ({@link #refine}).</b> The relaxed bonus above credits each member with its best
 * partners of the whole column, though a circle's members must all be each other's partners. The soft bound reported
 * is the least of that LP's and of a Lagrangian bound where each circle is a concrete member set of one column,
 * valued exactly (its members' pair values plus its own bonus): the request rows and the count row are moved into the
 * objective with multipliers {@code u >= 0}, {@code w >= 0}; what is left splits by mentor into the best pairs within
 * the capacity and the best circle of each column ({@link CirclePricing}, branch and bound, or its root bound when
 * the search is cut: still a bound). Every answer placing at least P scores at most this for any multipliers (the
 * proof is at {@link #refine}); it starts at the LP's repaired dual, where it is never above the LP's bound, and
 * subgradient steps lower it. The least it can reach is the LP over all explicit circles (column generation's
 * bound), without listing the circles; stopping early leaves a valid, only looser, bound.
 *
 * <p><b>The pairs as one exact matching, and deflected steps.</b> Only the rows of requests who lie in some column
 * (the only ones a circle can seat) are dualized; the pairs stay one b-matching (each request in one pair at most,
 * each mentor within capacity), solved exactly by min-cost flow on the values {@code v(i,m) + w - u[i]} scaled by
 * 1024 (integers). An answer's pairs are such a b-matching, so its pairs' reduced value is at most the flow's, and
 * the rest of the proof at {@link #refine} is unchanged. For any multipliers of the requests in columns this value is
 * never above the mentor-by-mentor one whatever multipliers the other requests get (weak duality of the b-matching:
 * the mentor-by-mentor sum is that matching's Lagrangian), so the start is never looser; its limit is the same LP over
 * explicit circles, reached with the column requests' multipliers only. The steps follow the subgradient deflected by
 * the previous direction (Camerini, Fratta and Maffioli), which only changes which multipliers are tried. (The flow is
 * an exact integer algorithm; the value used is its optimal cost, in integers.) At 2,000 x 400 the restricted master
 * over the circles the pricing met ({@code -Dcircle.bound.master=true}, diagnostics) is within 2 points of this bound,
 * so the multipliers are converged: a lower bound needs cuts, not a better multiplier method.
 */
public final class CircleLpBound {

    /** A column: a mentor, and the requests (seat indexes) who fit one meeting start and one language of theirs. */
    private record Column(int mentor, int[] members, double[] beta, long[] values, int[][] bonus, long[][] top) {
    }

    private final CircleModel model;
    private final List<Seat> seats;
    private final int minSize;
    private final int maxSize;
    /**
     * Whether the pairs are one exact b-matching in the Lagrangian (only the rows of requests in some column are
     * dualized), or priced mentor by mentor (every request's row dualized).
     */
    private final boolean flowPairs;
    /** Per seat: whether its "placed at most once" row is dualized (it lies in some column, or every seat). */
    private final boolean[] dualized;
    /** Per seat, the mentors it may take one-to-one and their values. */
    private final List<int[]> pairMentors = new ArrayList<>();
    private final List<long[]> pairValues = new ArrayList<>();
    /** Mentor index to capacity, for mentors someone may take one-to-one. */
    private final Map<Integer, Integer> capacity = new LinkedHashMap<>();
    /** Mentor index to the circles they may lead (their slots). */
    private final Map<Integer, Integer> circles = new LinkedHashMap<>();
    private final List<Column> columns = new ArrayList<>();
    /** Per mentor who may take pairs: the seats who may take them, and their values; per circle mentor, columns. */
    private final Map<Integer, int[]> mentorPairSeats = new LinkedHashMap<>();
    private final Map<Integer, long[]> mentorPairValues = new LinkedHashMap<>();
    private final Map<Integer, List<Column>> columnsOf = new LinkedHashMap<>();

    private CircleLpBound(CircleProblem problem, boolean flowPairs) {
        this.flowPairs = flowPairs;
        this.model = CircleModel.build(problem);
        this.seats = model.solution().getSeats();
        this.minSize = problem.settings().minSize();
        this.maxSize = problem.settings().maxSize();
        for (Seat seat : seats) {
            List<Integer> ms = new ArrayList<>();
            for (Place place : seat.getCandidates()) {
                if (place instanceof PairPlace pair && seat.isPairAllowed(pair.getMentorIndex())) {
                    ms.add(pair.getMentorIndex());
                    capacity.put(pair.getMentorIndex(), pair.getCapacity());
                }
            }
            pairMentors.add(ms.stream().mapToInt(Integer::intValue).toArray());
            pairValues.add(ms.stream().mapToLong(seat::valueWith).toArray());
        }
        Map<Integer, CircleSlot> firstSlot = new LinkedHashMap<>();
        for (CircleSlot slot : model.solution().getSlots()) {
            circles.merge(slot.getMentorIndex(), 1, Integer::sum);
            firstSlot.putIfAbsent(slot.getMentorIndex(), slot);
        }
        for (CircleSlot slot : firstSlot.values()) {
            addColumns(problem, slot);
        }
        Map<Integer, List<long[]>> byMentor = new LinkedHashMap<>();
        for (int i = 0; i < seats.size(); i++) {
            for (int k = 0; k < pairMentors.get(i).length; k++) {
                byMentor.computeIfAbsent(pairMentors.get(i)[k], m -> new ArrayList<>())
                        .add(new long[] {i, pairValues.get(i)[k]});
            }
        }
        byMentor.forEach((m, list) -> {
            mentorPairSeats.put(m, list.stream().mapToInt(e -> (int) e[0]).toArray());
            mentorPairValues.put(m, list.stream().mapToLong(e -> e[1]).toArray());
        });
        for (Column column : columns) {
            columnsOf.computeIfAbsent(column.mentor(), m -> new ArrayList<>()).add(column);
        }
        this.dualized = new boolean[seats.size()];
        for (int i = 0; i < seats.size(); i++) {
            dualized[i] = !flowPairs;
        }
        for (Column column : columns) {
            for (int i : column.members()) {
                dualized[i] = true;
            }
        }
    }

    private void addColumns(CircleProblem problem, CircleSlot slot) {
        List<Seat> candidates = model.candidates(slot);
        List<BitSet> sets = new ArrayList<>();
        for (int start : slot.getStarts()) {
            for (String language : slot.getLanguages()) {
                BitSet set = new BitSet();
                for (Seat seat : candidates) {
                    if (seat.getRequest().languages().contains(language)
                            && Meetings.covers(seat.getCircleWeek(), start, slot.getMeetingMinutes())) {
                        set.set(seat.getIndex());
                    }
                }
                if (set.cardinality() >= minSize) {
                    sets.add(set);
                }
            }
        }
        // Keep only the largest sets: a set inside another gives nothing the other does not (its bonus bounds are
        // no larger), so dropping it keeps every answer a point of the relaxation.
        sets.sort((a, b) -> Integer.compare(b.cardinality(), a.cardinality()));
        List<BitSet> kept = new ArrayList<>();
        for (BitSet set : sets) {
            boolean inside = false;
            for (BitSet other : kept) {
                BitSet rest = (BitSet) set.clone();
                rest.andNot(other);
                if (rest.isEmpty()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                kept.add(set);
            }
        }
        for (BitSet set : kept) {
            int[] members = set.stream().toArray();
            int n = members.length;
            double[] beta = new double[n];
            long[] values = new long[n];
            int[][] bonus = new int[n][n];
            long[][] top = new long[n][maxSize];
            for (int a = 0; a < n; a++) {
                values[a] = seats.get(members[a]).valueWith(slot.getMentorIndex());
                for (int b = 0; b < a; b++) {
                    int pair = (int) CircleChecker.circleBonus(seats.get(members[a]).getRequest().request(),
                            seats.get(members[b]).getRequest().request(), problem.circleWeights());
                    bonus[a][b] = pair;
                    bonus[b][a] = pair;
                }
            }
            for (int a = 0; a < n; a++) {
                int[] sorted = bonus[a].clone();
                sorted[a] = Integer.MIN_VALUE;
                java.util.Arrays.sort(sorted);
                for (int t = 1; t < maxSize; t++) {
                    int next = n - t >= 1 ? sorted[n - t] : 0;
                    top[a][t] = top[a][t - 1] + Math.max(0, next == Integer.MIN_VALUE ? 0 : next);
                }
                beta[a] = top[a][maxSize - 1] / 2.0;
            }
            columns.add(new Column(slot.getMentorIndex(), members, beta, values, bonus, top));
        }
    }

    /**
     * The bounds: the most requests any answer places, and, for each count P asked, the most soft score of an answer
     * placing at least P ({@code softAtLeast}: the Lagrangian over explicit circles, never above
     * {@code relaxedSoftAtLeast}, the LP with each member's bonus relaxed to half its best partners in the column).
     */
    public record Result(long placed, Map<Integer, Long> softAtLeast, Map<Integer, Long> relaxedSoftAtLeast,
            int columns, int variables, double seconds) {
    }

    /** Subgradient steps of each Lagrangian refinement, and the CPU time (this thread's) each may take at most. */
    static final int ITERATIONS = Integer.getInteger("circle.bound.iterations", 1000);
    static final double SECONDS = Double.parseDouble(System.getProperty("circle.bound.seconds", "120"));
    /** Branch-and-bound nodes a column's pricing may visit before it answers with its root bound (still a bound). */
    static final int PATIENCE = Integer.getInteger("circle.bound.patience", 10);
    static final double STEP = Double.parseDouble(System.getProperty("circle.bound.step", "0.01"));
    static final double DEFLECT = Double.parseDouble(System.getProperty("circle.bound.deflect", "1.5"));
    static final boolean TRACE = Boolean.getBoolean("circle.bound.trace");
    static final long NODES = Long.getLong("circle.bound.nodes", 200_000);

    /**
     * Solves the relaxation for the placed count, then for the soft score without the count row (a bound for every
     * P), and again with {@code sum >= P} only for a P that the first soft solution does not already place (then
     * the count row may tighten it). Each soft bound is then tightened by the Lagrangian over explicit circles
     * ({@link #refine}), started from the LP's repaired dual: once without the count row (a bound for every P),
     * and with it for a P that needed its own LP.
     */
    public static Result compute(CircleProblem problem, List<Integer> atLeast) {
        return compute(problem, atLeast, true);
    }

    /** As {@link #compute(CircleProblem, List)}; {@code flowPairs} false prices the pairs mentor by mentor. */
    static Result compute(CircleProblem problem, List<Integer> atLeast, boolean flowPairs) {
        long t0 = System.nanoTime();
        Loader.loadNativeLibraries();
        CircleLpBound lp = new CircleLpBound(problem, flowPairs);
        Lp placed = lp.solve(true, 0);
        long placedBound = (long) Math.floor(placed.bound + 1e-6);
        Lp free = lp.solve(false, 0);
        Refined freeRefined = lp.refine(free.u, 0, 0);
        if (MASTER) {
            lp.masterValue();
        }
        Map<Integer, Long> soft = new LinkedHashMap<>();
        Map<Integer, Long> relaxed = new LinkedHashMap<>();
        for (int p : atLeast) {
            if (soft.containsKey(p)) {
                continue;
            }
            Lp s = p <= free.placedInSolution + 1e-6 ? free : lp.solve(false, p);
            double relaxedBound = Math.min(s.bound, free.bound);
            relaxed.put(p, (long) Math.floor(relaxedBound + 1e-6));
            double refined = freeRefined.bound;
            if (s != free) {
                refined = Math.min(refined, lp.refine(s.u, s.w, p).bound);
            }
            soft.put(p, Math.min(relaxed.get(p), (long) Math.floor(refined)));
        }
        return new Result(placedBound, soft, relaxed, lp.columns.size(), placed.variables,
                (System.nanoTime() - t0) / 1e9);
    }

    /** A bound, the variables, how many requests the solver's own (unproven) solution places, and its dual. */
    private record Lp(double bound, int variables, double placedInSolution, double[] u, double w) {
    }

    /** A Lagrangian bound and the multipliers that gave it. */
    private record Refined(double bound, double[] u, double w) {
    }

    /** Multipliers are kept on a grid of 1/1024, so that every sum of the Lagrangian is exact in doubles. */
    private static double grid(double value) {
        return Math.max(0, Math.rint(value * 1024) / 1024);
    }

    /**
     * The Lagrangian bound over explicit circles, lowered by subgradient steps from {@code (u0, w0)}. For multipliers
     * {@code u[i] >= 0} on "request i placed at most once" and {@code w >= 0} on "at least P placed",
     * <pre>
     * L(u, w) = sum_i u[i] - P w + sum_m (the cap(m) largest positive v(i,m) + w - u[i] over m's pairs)
     *         + sum_m circles(m) max(0, max over m's circles M of (sum_{i in M} (v(i,m) + w - u[i]) + bonus(M)))
     * </pre>
     * where "m's circles" are the member sets of minSize..maxSize of one column of m (every circle of an answer is
     * one: its members lie in one column). <b>Why it is a bound:</b> take an answer placing at least P, of soft score
     * {@code sum_pairs v + sum_circles (sum v + bonus(M)) - load}, load {@code >= 0}. Adding the non-negative
     * {@code sum_i u[i] (1 - placed_i) + w (placed - P)} and regrouping by mentor gives {@code sum u - P w} plus,
     * for each mentor, the reduced values of its at most cap(m) pairs (at most its cap(m) largest positive ones,
     * each pair once) and of its at most circles(m) circles (each at most the best circle's reduced value, which
     * {@link CirclePricing} bounds from above). So every such answer scores at most L(u, w), whatever u and w; the
     * steps only choose which u and w. The multipliers are on a 1/1024 grid and the values are integers, so L is
     * computed exactly. At the LP's repaired dual, L is never above the LP's bound (a pair's reduced value is at most
     * its mentor's capacity dual; a circle's, by its bonus at most the sum of its members' relaxed bonuses, at most
     * its column's link and size duals), and the minimum of both is reported.
     *
     * <p>With {@code flowPairs}, only {@code u[i]} of the requests in some column are kept (the others are 0 and their
     * rows are not dualized) and the pairs' term is the best b-matching's reduced value ({@link #pairsByFlow}) instead
     * of the mentor-by-mentor sum: the answer's pairs, each request once and each mentor within capacity, are one
     * such matching, and every circle member lies in a column, so the regrouping above holds as it is.
     */
    private Refined refine(double[] u0, double w0, int atLeast) {
        // The time limit is this thread's CPU time, so that the bound's value does not depend on the machine's load.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long deadline = cpu.getCurrentThreadCpuTime() + (long) (SECONDS * 1e9);
        double[] u = new double[u0.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = dualized[i] ? grid(u0[i]) : 0;
        }
        double w = atLeast > 0 ? grid(w0) : 0;
        int[] used = new int[seats.size()];
        long[] placedOut = new long[1];
        double value = lagrangian(u, w, atLeast, used, placedOut);
        Refined best = new Refined(value, u.clone(), w);
        double theta = 1.0;
        int worse = 0;
        // The direction: the subgradient deflected by the previous direction (Camerini, Fratta and Maffioli), so that
        // the multipliers of requests two circles fight over stop zigzagging; only which u and w are tried changes.
        double[] d = new double[u.length];
        double dw = 0;
        for (int it = 0; it < ITERATIONS && cpu.getCurrentThreadCpuTime() < deadline; it++) {
            double[] g = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                g[i] = dualized[i] && (u[i] > 0 || used[i] > 1) ? 1 - used[i] : 0;
            }
            double gw = atLeast > 0 ? placedOut[0] - atLeast : 0;
            if (atLeast == 0 || (w == 0 && gw > 0)) {
                gw = 0;
            }
            double dot = gw * dw;
            double dd = dw * dw;
            for (int i = 0; i < u.length; i++) {
                dot += g[i] * d[i];
                dd += d[i] * d[i];
            }
            double beta = dd > 0 ? Math.max(0, -DEFLECT * dot / dd) : 0;
            double norm = 0;
            for (int i = 0; i < u.length; i++) {
                d[i] = g[i] + beta * d[i];
                if (u[i] == 0 && d[i] > 0) {
                    d[i] = 0;
                }
                norm += d[i] * d[i];
            }
            dw = gw + beta * dw;
            if (w == 0 && dw > 0) {
                dw = 0;
            }
            norm += dw * dw;
            if (norm == 0) {
                break;
            }
            double step = theta * STEP * Math.max(1, Math.abs(best.bound())) / norm;
            for (int i = 0; i < u.length; i++) {
                if (dualized[i]) {
                    u[i] = grid(u[i] - step * d[i]);
                }
            }
            if (atLeast > 0) {
                w = grid(w - step * dw);
            }
            java.util.Arrays.fill(used, 0);
            value = lagrangian(u, w, atLeast, used, placedOut);
            if (TRACE) {
                System.err.printf("refine P=%d it=%d L=%.1f best=%.1f theta=%.4f norm=%.0f placed=%d w=%.3f cut=%d%n",
                        atLeast, it, value, best.bound(), theta, norm, placedOut[0], w, cutColumns);
            }
            if (value < best.bound()) {
                best = new Refined(value, u.clone(), w);
                worse = 0;
            } else if (++worse >= PATIENCE) {
                theta /= 2;
                worse = 0;
                System.arraycopy(best.u(), 0, u, 0, u.length);
                w = best.w();
                java.util.Arrays.fill(d, 0);
                dw = 0;
                java.util.Arrays.fill(used, 0);
                lagrangian(u, w, atLeast, used, placedOut);
            }
        }
        return best;
    }

    private int cutColumns;
    /** Diagnostics only ({@code circle.bound.master}): the circles the pricing found, for {@link #masterValue}. */
    static final boolean MASTER = Boolean.getBoolean("circle.bound.master");
    private final Map<String, long[]> met = new LinkedHashMap<>();
    private final Map<String, int[]> metMembers = new LinkedHashMap<>();

    /**
     * Diagnostics, not a bound: the LP over every pair and only the circles the pricing found (a restricted master),
     * the soft score without the count row. It is at most the LP over all explicit circles, which the Lagrangian is at
     * least: the two bracket that LP.
     */
    double masterValue() {
        MPSolver solver = MPSolver.createSolver("GLOP");
        double inf = MPSolver.infinity();
        MPObjective objective = solver.objective();
        objective.setMaximization();
        MPConstraint[] request = new MPConstraint[seats.size()];
        for (int i = 0; i < seats.size(); i++) {
            request[i] = solver.makeConstraint(-inf, 1);
        }
        Map<Integer, MPConstraint> cap = new HashMap<>();
        capacity.forEach((m, c) -> cap.put(m, solver.makeConstraint(-inf, c)));
        Map<Integer, MPConstraint> circleRow = new HashMap<>();
        circles.forEach((m, k) -> circleRow.put(m, solver.makeConstraint(-inf, k)));
        for (int i = 0; i < seats.size(); i++) {
            int[] ms = pairMentors.get(i);
            for (int k = 0; k < ms.length; k++) {
                MPVariable v = solver.makeNumVar(0, inf, "");
                objective.setCoefficient(v, pairValues.get(i)[k]);
                request[i].setCoefficient(v, 1);
                cap.get(ms[k]).setCoefficient(v, 1);
            }
        }
        for (Map.Entry<String, long[]> entry : met.entrySet()) {
            MPVariable z = solver.makeNumVar(0, inf, "");
            objective.setCoefficient(z, entry.getValue()[1]);
            circleRow.get((int) entry.getValue()[0]).setCoefficient(z, 1);
            for (int i : metMembers.get(entry.getKey())) {
                request[i].setCoefficient(z, 1);
            }
        }
        MPSolver.ResultStatus status = solver.solve();
        double value = status == MPSolver.ResultStatus.OPTIMAL ? objective.value() : Double.NaN;
        System.err.printf("restricted master: %d circles, status %s, value %.1f%n", met.size(), status, value);
        solver.delete();
        return value;
    }

    /** L(u, w) (see {@link #refine}); fills {@code used} with how often each request is placed and the total. */
    private double lagrangian(double[] u, double w, int atLeast, int[] used, long[] placedOut) {
        cutColumns = 0;
        double value = -atLeast * w;
        for (double ui : u) {
            value += ui;
        }
        long placements = 0;
        if (flowPairs) {
            long[] pairs = pairsByFlow(u, w, used);
            value += pairs[0] / 1024.0;
            placements += pairs[1];
        }
        for (Map.Entry<Integer, int[]> entry : flowPairs ? Map.<Integer, int[]>of().entrySet()
                : mentorPairSeats.entrySet()) {
            int m = entry.getKey();
            int[] who = entry.getValue();
            long[] v = mentorPairValues.get(m);
            Integer[] order = new Integer[who.length];
            double[] reduced = new double[who.length];
            for (int k = 0; k < who.length; k++) {
                order[k] = k;
                reduced[k] = v[k] + w - u[who[k]];
            }
            java.util.Arrays.sort(order, (x, y) -> Double.compare(reduced[y], reduced[x]));
            int cap = capacity.get(m);
            for (int k = 0; k < Math.min(cap, who.length) && reduced[order[k]] > 0; k++) {
                value += reduced[order[k]];
                used[who[order[k]]]++;
                placements++;
            }
        }
        CirclePricing pricing = new CirclePricing(minSize, maxSize, NODES);
        for (Map.Entry<Integer, List<Column>> entry : columnsOf.entrySet()) {
            double q = 0;
            double found = 0;
            int[] members = null;
            for (Column column : entry.getValue()) {
                int n = column.members().length;
                double[] a = new double[n];
                for (int k = 0; k < n; k++) {
                    a[k] = column.values()[k] + w - u[column.members()[k]];
                }
                CirclePricing.Price price = pricing.price(a, column.bonus(), column.top(), found);
                if (!price.exact()) {
                    cutColumns++;
                }
                q = Math.max(q, price.bound());
                if (price.best() != null && price.bestValue() > found) {
                    found = price.bestValue();
                    members = new int[price.best().length];
                    for (int k = 0; k < members.length; k++) {
                        members[k] = column.members()[price.best()[k]];
                    }
                    if (MASTER) {
                        long circleValue = 0;
                        for (int x : price.best()) {
                            circleValue += column.values()[x];
                            for (int y : price.best()) {
                                circleValue += x < y ? column.bonus()[x][y] : 0;
                            }
                        }
                        int[] sorted = members.clone();
                        java.util.Arrays.sort(sorted);
                        met.putIfAbsent(entry.getKey() + ":" + java.util.Arrays.toString(sorted),
                                new long[] {entry.getKey(), circleValue});
                        metMembers.putIfAbsent(entry.getKey() + ":" + java.util.Arrays.toString(sorted), sorted);
                    }
                }
            }
            int k = circles.get(entry.getKey());
            value += k * q;
            if (members != null) {
                for (int i : members) {
                    used[i] += k;
                }
                placements += (long) k * members.length;
            }
        }
        placedOut[0] = placements;
        return value;
    }

    /**
     * The best pairs for values {@code v(i,m) + w - u[i]} (u only on dualized rows): the most total value of a set of
     * pairs the pair rules allow, each request in one pair at most, each mentor within capacity, as 1024 times that
     * value (an integer: u and w lie on the 1/1024 grid) and the number of pairs; fills {@code used}. An exact
     * min-cost flow over the pairs of positive value: source to request (1), request to mentor (1, cost minus 1024 times
     * the value), mentor to sink (capacity), and a source-to-sink bypass.
     */
    private long[] pairsByFlow(double[] u, double w, int[] used) {
        int n = seats.size();
        List<Integer> mentorIds = new ArrayList<>(capacity.keySet());
        Map<Integer, Integer> node = new HashMap<>();
        for (int k = 0; k < mentorIds.size(); k++) {
            node.put(mentorIds.get(k), n + k);
        }
        int source = n + mentorIds.size();
        int sink = source + 1;
        int arcCount = 0;
        for (int i = 0; i < n; i++) {
            arcCount += pairMentors.get(i).length + 1;
        }
        MinCostFlow flow = new MinCostFlow(sink + 1, arcCount + mentorIds.size() + 1);
        try {
            List<int[]> arcs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int[] ms = pairMentors.get(i);
                boolean any = false;
                for (int k = 0; k < ms.length; k++) {
                    long scaled = Math.round((pairValues.get(i)[k] + w - (dualized[i] ? u[i] : 0)) * 1024);
                    if (scaled > 0) {
                        if (!any) {
                            flow.addArcWithCapacityAndUnitCost(source, i, 1, 0);
                            any = true;
                        }
                        arcs.add(new int[] {flow.addArcWithCapacityAndUnitCost(i, node.get(ms[k]), 1, -scaled), i});
                    }
                }
            }
            for (int k = 0; k < mentorIds.size(); k++) {
                flow.addArcWithCapacityAndUnitCost(n + k, sink, capacity.get(mentorIds.get(k)), 0);
            }
            flow.addArcWithCapacityAndUnitCost(source, sink, n, 0);
            flow.setNodeSupply(source, n);
            flow.setNodeSupply(sink, -n);
            MinCostFlowBase.Status status = flow.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("min-cost flow ended " + status);
            }
            long pairs = 0;
            for (int[] arc : arcs) {
                if (flow.getFlow(arc[0]) > 0) {
                    used[arc[1]]++;
                    pairs++;
                }
            }
            return new long[] {-flow.getOptimalCost(), pairs};
        } finally {
            flow.delete();
        }
    }

    /** One relaxation: the count (every placement worth 1), or the soft score with at least {@code atLeast} placed. */
    private Lp solve(boolean count, int atLeast) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        double inf = MPSolver.infinity();
        MPObjective objective = solver.objective();
        objective.setMaximization();
        MPConstraint[] request = new MPConstraint[seats.size()];
        for (int i = 0; i < seats.size(); i++) {
            request[i] = solver.makeConstraint(-inf, 1);
        }
        Map<Integer, MPConstraint> cap = new HashMap<>();
        capacity.forEach((m, c) -> cap.put(m, solver.makeConstraint(-inf, c)));
        Map<Integer, MPConstraint> circleRow = new HashMap<>();
        circles.forEach((m, k) -> circleRow.put(m, solver.makeConstraint(-inf, k)));
        MPConstraint placedRow = count ? null : solver.makeConstraint(atLeast, inf);
        int variables = 0;
        List<MPVariable> placements = new ArrayList<>();
        MPVariable[][] x = new MPVariable[seats.size()][];
        for (int i = 0; i < seats.size(); i++) {
            int[] ms = pairMentors.get(i);
            x[i] = new MPVariable[ms.length];
            for (int k = 0; k < ms.length; k++) {
                MPVariable v = solver.makeNumVar(0, inf, "");
                x[i][k] = v;
                placements.add(v);
                variables++;
                objective.setCoefficient(v, count ? 1 : pairValues.get(i)[k]);
                request[i].setCoefficient(v, 1);
                cap.get(ms[k]).setCoefficient(v, 1);
                if (placedRow != null) {
                    placedRow.setCoefficient(v, 1);
                }
            }
        }
        int n = columns.size();
        MPConstraint[] sizeMax = new MPConstraint[n];
        MPConstraint[] sizeMin = new MPConstraint[n];
        MPConstraint[][] link = new MPConstraint[n][];
        for (int c = 0; c < n; c++) {
            Column column = columns.get(c);
            MPVariable z = solver.makeNumVar(0, inf, "");
            variables++;
            circleRow.get(column.mentor()).setCoefficient(z, 1);
            sizeMax[c] = solver.makeConstraint(-inf, 0);
            sizeMax[c].setCoefficient(z, -maxSize);
            sizeMin[c] = solver.makeConstraint(-inf, 0);
            sizeMin[c].setCoefficient(z, minSize);
            link[c] = new MPConstraint[column.members().length];
            for (int a = 0; a < column.members().length; a++) {
                int i = column.members()[a];
                MPVariable y = solver.makeNumVar(0, inf, "");
                placements.add(y);
                variables++;
                objective.setCoefficient(y, count ? 1 : seats.get(i).valueWith(column.mentor()) + column.beta()[a]);
                request[i].setCoefficient(y, 1);
                link[c][a] = solver.makeConstraint(-inf, 0);
                link[c][a].setCoefficient(y, 1);
                link[c][a].setCoefficient(z, -1);
                sizeMax[c].setCoefficient(y, 1);
                sizeMin[c].setCoefficient(y, -1);
                if (placedRow != null) {
                    placedRow.setCoefficient(y, 1);
                }
            }
        }
        MPSolver.ResultStatus status = solver.solve();
        double bound = Double.POSITIVE_INFINITY;
        double placedInSolution = 0;
        double[] u = new double[seats.size()];
        double w = 0;
        if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
            for (int sign : new int[] {1, -1}) {
                double[] us = new double[seats.size()];
                double[] ws = new double[1];
                double b = dualBound(count, atLeast, sign, cap, sizeMax, sizeMin, link, placedRow, us, ws);
                if (b < bound) {
                    bound = b;
                    u = us;
                    w = ws[0];
                }
            }
            for (MPVariable v : placements) {
                placedInSolution += v.solutionValue();
            }
        } else if (status == MPSolver.ResultStatus.INFEASIBLE) {
            bound = Double.NEGATIVE_INFINITY;
        }
        solver.delete();
        return new Lp(bound, variables, placedInSolution, u, w);
    }

    /**
     * The dual objective of a repaired dual: the capacity, link, size and count rows' duals as the solver gives them
     * (times {@code sign}, clipped at 0), then each request's dual and each mentor's circles dual the least that
     * satisfies every dual constraint. Valid for any non-negative choice (weak duality); GLOP's duals make it tight.
     */
    private double dualBound(boolean count, int atLeast, int sign, Map<Integer, MPConstraint> cap,
            MPConstraint[] sizeMax, MPConstraint[] sizeMin, MPConstraint[][] link, MPConstraint placedRow,
            double[] u, double[] wOut) {
        double w = placedRow == null ? 0 : Math.max(0, -sign * placedRow.dualValue());
        wOut[0] = w;
        Map<Integer, Double> p = new HashMap<>();
        cap.forEach((m, row) -> p.put(m, Math.max(0, sign * row.dualValue())));
        for (int i = 0; i < seats.size(); i++) {
            int[] ms = pairMentors.get(i);
            for (int k = 0; k < ms.length; k++) {
                double c = count ? 1 : pairValues.get(i)[k];
                u[i] = Math.max(u[i], c - p.get(ms[k]) + w);
            }
        }
        Map<Integer, Double> q = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            double s = Math.max(0, sign * sizeMax[c].dualValue());
            double t = Math.max(0, sign * sizeMin[c].dualValue());
            double linkSum = 0;
            for (int a = 0; a < column.members().length; a++) {
                int i = column.members()[a];
                double r = Math.max(0, sign * link[c][a].dualValue());
                linkSum += r;
                double value = count ? 1 : seats.get(i).valueWith(column.mentor()) + column.beta()[a];
                u[i] = Math.max(u[i], value - r - s + t + w);
            }
            q.merge(column.mentor(), Math.max(0, linkSum + maxSize * s - minSize * t), Math::max);
        }
        double bound = -atLeast * w;
        for (double ui : u) {
            bound += ui;
        }
        for (Map.Entry<Integer, Double> entry : p.entrySet()) {
            bound += capacity.get(entry.getKey()) * entry.getValue();
        }
        for (Map.Entry<Integer, Double> entry : q.entrySet()) {
            bound += circles.get(entry.getKey()) * entry.getValue();
        }
        return bound;
    }
}
