package org.mentoring.matching.run;

import java.util.ArrayList;
import java.util.List;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.matching.domain.MatchingWeights;

/**
 * What an admin asks of a new run; every part is optional.
 *
 * @param timeLimitSeconds how long the solver works, {@value #MIN_TIME_LIMIT_SECONDS} to
 *     {@value #MAX_TIME_LIMIT_SECONDS} seconds; {@value #DEFAULT_TIME_LIMIT_SECONDS} when null
 * @param weights weights to change from the defaults; null keeps them all
 * @param seed the solver's random seed, to repeat a run exactly; a random one is chosen and kept when null
 * @param cycle the code of the cycle whose open requests the run places; null for the cycle whose requests are
 *     open, or else closed most recently ({@link RunCycle})
 * @param circles the run also forms mentoring circles with these settings; null: no circles, the run is one-to-one
 *     only, exactly as before circles existed
 */
public record RunSettings(Integer timeLimitSeconds, WeightOverrides weights, Long seed, String cycle,
        RunCircles circles) {

    /** Settings without circles. */
    public RunSettings(Integer timeLimitSeconds, WeightOverrides weights, Long seed, String cycle) {
        this(timeLimitSeconds, weights, seed, cycle, null);
    }

    /** Settings for the run's default cycle. */
    public RunSettings(Integer timeLimitSeconds, WeightOverrides weights, Long seed) {
        this(timeLimitSeconds, weights, seed, null);
    }

    public static final int DEFAULT_TIME_LIMIT_SECONDS = 30;
    public static final int MIN_TIME_LIMIT_SECONDS = 1;
    public static final int MAX_TIME_LIMIT_SECONDS = 3600;

    /** Only a time limit; the default weights and a random seed. */
    public static RunSettings withTimeLimit(int seconds) {
        return new RunSettings(seconds, null, null);
    }

    /** The settings a run is saved with, all parts filled in. */
    record Resolved(int timeLimitSeconds, MatchingWeights weights, long seed, RunCircles circles) {
    }

    /**
     * Checks every part and fills in the defaults.
     *
     * @param randomSeed the seed to use when none is given
     * @throws InvalidInputException naming every wrong field ({@code timeLimitSeconds}, {@code weights.goals}...)
     */
    Resolved resolve(long randomSeed) {
        List<FieldError> errors = new ArrayList<>();
        int limit = timeLimitSeconds == null ? DEFAULT_TIME_LIMIT_SECONDS : timeLimitSeconds;
        if (limit < MIN_TIME_LIMIT_SECONDS || limit > MAX_TIME_LIMIT_SECONDS) {
            errors.add(new FieldError("timeLimitSeconds", "must be between " + MIN_TIME_LIMIT_SECONDS + " and "
                    + MAX_TIME_LIMIT_SECONDS + " seconds (one hour), not " + limit));
        }
        WeightOverrides overrides = weights == null ? WeightOverrides.none() : weights;
        errors.addAll(overrides.errors("weights"));
        if (circles != null) {
            errors.addAll(circles.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The matching run settings are not valid", errors);
        }
        return new Resolved(limit, overrides.applyTo(MatchingWeights.defaults()), seed == null ? randomSeed : seed,
                circles);
    }
}
