package org.mentoring.matching.run;

import java.util.List;
import java.util.function.ToIntFunction;
import org.mentoring.matching.domain.MatchingWeights;

/**
 * One soft preference an admin can weigh for a run: its name (as the API spells it), its label (as a person reads
 * it on the new-run page), its default weight and what it rewards, in plain words.
 */
public record WeightSetting(String name, String label, int defaultWeight, String description) {

    /** Every weight, in the order of their defaults' importance. */
    public static List<WeightSetting> all() {
        MatchingWeights defaults = MatchingWeights.defaults();
        return NAMED.stream()
                .map(w -> new WeightSetting(w.name, w.label, w.value.applyAsInt(defaults), w.description))
                .toList();
    }

    private record Named(String name, String label, ToIntFunction<MatchingWeights> value, String description) {
    }

    private static final List<Named> NAMED = List.of(
            new Named("domainAffinity", "Research domains", MatchingWeights::domainAffinity,
                    "Research-domain affinity, per point: the request's ranked domains against the mentor's"
                            + " expertise on the taxonomy (same leaf beats same parent beats same root; a"
                            + " first-choice domain matched exactly is 9 points)."),
            new Named("goals", "Goals the mentor teaches", MatchingWeights::goals,
                    "Per goal of the request that is one of the mentor's mentoring topics."),
            new Named("preferredMentor", "Preferred mentors", MatchingWeights::preferredMentor,
                    "The mentee's ranked preferred mentors: 3 points for the first, 2 for the second, 1 for any"
                            + " later one."),
            new Named("extraOverlap", "More time together", MatchingWeights::extraOverlap,
                    "Per 30 minutes a week together beyond the request's minimum, up to 2 hours."),
            new Named("priority", "Priority requests", MatchingWeights::priority,
                    "Equity: for placing a request the programme flags (for example a researcher based in a low-"
                            + " or middle-income country, or waiting since an earlier cycle)."),
            new Named("crossInstitution", "Across institutions and countries", MatchingWeights::crossInstitution,
                    "Equity: per boundary a pair crosses, another institution and another country."),
            new Named("loadBalance", "Balanced load", MatchingWeights::loadBalance,
                    "A balanced load: a cost per mentor times the square of their number of mentees."));

    /** The names, as the API and {@link WeightOverrides} spell them. */
    static List<String> names() {
        return NAMED.stream().map(Named::name).toList();
    }
}
