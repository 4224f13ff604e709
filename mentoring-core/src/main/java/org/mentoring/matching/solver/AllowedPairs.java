package org.mentoring.matching.solver;

import java.util.List;
import java.util.function.IntPredicate;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * Every allowed pair of some requests and mentors (rules 2 to 5, as {@link PairEvaluator#allowed}) with its value
 * under a run's weights (as {@link PairPreference#value}), streamed request by request without checking every request
 * against every mentor: the solver's own {@link PairIndex}, for reports that look at pairs the run did not make.
 * Memory of the order of requests plus mentors; a 10,000 x 2,000 community streams in seconds.
 */
public final class AllowedPairs {

    /** Receives one request's allowed pairs; called on several threads, one request per call. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * The allowed pairs of {@code request} (an index into the requests) that the filter let through: their mentors
         * (indexes into the mentors, ascending) and values, in the first {@code count} places of the arrays, which
         * are reused after the call.
         */
        void request(int request, int[] mentors, long[] values, int count);
    }

    /** May a pair matter at all; asked before its rules are checked in full and before it is valued. */
    @FunctionalInterface
    public interface Filter {
        boolean test(int request, int mentor);
    }

    private final PairIndex index;

    public AllowedPairs(List<MentorshipRequest> requests, List<Mentor> mentors, MatchingWeights weights) {
        this.index = new PairIndex(List.copyOf(requests), List.copyOf(mentors), weights);
    }

    /**
     * The most the pair can be worth, without working out its time together (the costly part): for an allowed pair,
     * its value is at most this.
     */
    public long valueBound(int request, int mentor) {
        return index.valueBound(request, mentor);
    }

    /**
     * Streams the allowed pairs of every request {@code include} accepts, those {@code filter} lets through (null:
     * all), to {@code visitor}, in parallel within each start date.
     */
    public void scan(IntPredicate include, Filter filter, Visitor visitor) {
        index.scan(include, filter == null ? null : filter::test, visitor::request);
    }
}
