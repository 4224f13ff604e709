package org.mentoring.matching.domain;

/**
 * The weights of the soft preferences, a programme setting the admin can change for each run. A weight of 0 turns
 * its preference off. The defaults keep PRODUCT.md's order: domain affinity counts most, then goals, preferred
 * mentors, extra time together, equity (priority requests, then crossing institutions and countries), and last a
 * balanced load.
 *
 * @param domainAffinity per affinity point (a first-choice domain matched exactly is 9 points)
 * @param goals per goal of the request that is one of the mentor's topics
 * @param preferredMentor per preference point (3 for the first preferred mentor, 2 the second, 1 any later)
 * @param extraOverlap per 30 minutes a week together beyond the request's minimum, up to 2 hours
 * @param priority for placing a request the programme flags for equity
 * @param crossInstitution per boundary a pair crosses: another institution, another country
 * @param loadBalance per mentor, times the square of their number of mentees
 */
public record MatchingWeights(
        int domainAffinity,
        int goals,
        int preferredMentor,
        int extraOverlap,
        int priority,
        int crossInstitution,
        int loadBalance) {

    public static final int MAX_WEIGHT = 1000;

    public MatchingWeights {
        check("domainAffinity", domainAffinity);
        check("goals", goals);
        check("preferredMentor", preferredMentor);
        check("extraOverlap", extraOverlap);
        check("priority", priority);
        check("crossInstitution", crossInstitution);
        check("loadBalance", loadBalance);
    }

    private static void check(String name, int weight) {
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException(name + " must be between 0 and " + MAX_WEIGHT + ", not " + weight);
        }
    }

    /** The documented defaults. */
    public static MatchingWeights defaults() {
        return new MatchingWeights(10, 8, 6, 2, 12, 1, 1);
    }

    /** Only domain affinity counts: the objective the benchmark compares with the exact optimum. */
    public static MatchingWeights affinityOnly() {
        return new MatchingWeights(1, 0, 0, 0, 0, 0, 0);
    }
}
