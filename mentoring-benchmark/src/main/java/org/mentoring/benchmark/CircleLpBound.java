package org.mentoring.benchmark;

import com.google.ortools.Loader;
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
 */
public final class CircleLpBound {

    /** A column: a mentor, and the requests (seat indexes) who fit one meeting start and one language of theirs. */
    private record Column(int mentor, int[] members, double[] beta) {
    }

    private final CircleModel model;
    private final List<Seat> seats;
    private final int minSize;
    private final int maxSize;
    /** Per seat, the mentors it may take one-to-one and their values. */
    private final List<int[]> pairMentors = new ArrayList<>();
    private final List<long[]> pairValues = new ArrayList<>();
    /** Mentor index to capacity, for mentors someone may take one-to-one. */
    private final Map<Integer, Integer> capacity = new LinkedHashMap<>();
    /** Mentor index to the circles they may lead (their slots). */
    private final Map<Integer, Integer> circles = new LinkedHashMap<>();
    private final List<Column> columns = new ArrayList<>();

    private CircleLpBound(CircleProblem problem) {
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
            double[] beta = new double[members.length];
            for (int a = 0; a < members.length; a++) {
                long[] bonuses = new long[members.length - 1];
                int k = 0;
                for (int b = 0; b < members.length; b++) {
                    if (a != b) {
                        bonuses[k++] = CircleChecker.circleBonus(seats.get(members[a]).getRequest().request(),
                                seats.get(members[b]).getRequest().request(), problem.circleWeights());
                    }
                }
                java.util.Arrays.sort(bonuses);
                long top = 0;
                for (int t = 0; t < Math.min(maxSize - 1, bonuses.length); t++) {
                    top += bonuses[bonuses.length - 1 - t];
                }
                beta[a] = top / 2.0;
            }
            columns.add(new Column(slot.getMentorIndex(), members, beta));
        }
    }

    /**
     * The bounds: the most requests any answer places, and, for each count P asked, the most soft score of an answer
     * placing at least P.
     */
    public record Result(long placed, Map<Integer, Long> softAtLeast, int columns, int variables, double seconds) {
    }

    /**
     * Solves the relaxation for the placed count, then for the soft score without the count row (a bound for every
     * P), and again with {@code sum >= P} only for a P that the first soft solution does not already place (then
     * the count row may tighten it).
     */
    public static Result compute(CircleProblem problem, List<Integer> atLeast) {
        long t0 = System.nanoTime();
        Loader.loadNativeLibraries();
        CircleLpBound lp = new CircleLpBound(problem);
        Lp placed = lp.solve(true, 0);
        long placedBound = (long) Math.floor(placed.bound + 1e-6);
        Lp free = lp.solve(false, 0);
        Map<Integer, Long> soft = new LinkedHashMap<>();
        for (int p : atLeast) {
            Lp s = p <= free.placedInSolution + 1e-6 ? free : lp.solve(false, p);
            soft.put(p, (long) Math.floor(Math.min(s.bound, free.bound) + 1e-6));
        }
        return new Result(placedBound, soft, lp.columns.size(), placed.variables,
                (System.nanoTime() - t0) / 1e9);
    }

    /** A bound, the variables, and how many requests the solver's own (unproven) solution places. */
    private record Lp(double bound, int variables, double placedInSolution) {
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
        if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
            for (int sign : new int[] {1, -1}) {
                bound = Math.min(bound, dualBound(count, atLeast, sign, cap, sizeMax, sizeMin, link, placedRow));
            }
            for (MPVariable v : placements) {
                placedInSolution += v.solutionValue();
            }
        } else if (status == MPSolver.ResultStatus.INFEASIBLE) {
            bound = Double.NEGATIVE_INFINITY;
        }
        solver.delete();
        return new Lp(bound, variables, placedInSolution);
    }

    /**
     * The dual objective of a repaired dual: the capacity, link, size and count rows' duals as the solver gives them
     * (times {@code sign}, clipped at 0), then each request's dual and each mentor's circles dual the least that
     * satisfies every dual constraint. Valid for any non-negative choice (weak duality); GLOP's duals make it tight.
     */
    private double dualBound(boolean count, int atLeast, int sign, Map<Integer, MPConstraint> cap,
            MPConstraint[] sizeMax, MPConstraint[] sizeMin, MPConstraint[][] link, MPConstraint placedRow) {
        double w = placedRow == null ? 0 : Math.max(0, -sign * placedRow.dualValue());
        Map<Integer, Double> p = new HashMap<>();
        cap.forEach((m, row) -> p.put(m, Math.max(0, sign * row.dualValue())));
        double[] u = new double[seats.size()];
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
