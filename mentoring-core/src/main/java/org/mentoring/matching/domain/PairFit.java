package org.mentoring.matching.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * How one request and one mentor fit each other, computed once per run: the pair-wise hard rules they break and
 * the ingredients of every soft preference.
 *
 * @param overlapMinutes weekly minutes both are available
 * @param affinity research-domain affinity (see {@link org.mentoring.taxonomy.Taxonomy})
 * @param goalsMet how many of the request's goals are among the mentor's topics
 * @param preferenceRank 0 when the mentor is the request's first preferred mentor, 1 the second, ...; -1 when not
 *     preferred
 * @param crossesInstitution the two work at different institutions
 * @param crossesCountry the two are based in different countries
 * @param broken the pair-wise hard rules (2 to 5) the pair breaks; empty when the pair is allowed
 */
public record PairFit(
        int overlapMinutes,
        int affinity,
        int goalsMet,
        int preferenceRank,
        boolean crossesInstitution,
        boolean crossesCountry,
        Set<HardRule> broken) {

    public PairFit {
        broken = broken.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(broken));
    }

    public boolean allowed() {
        return broken.isEmpty();
    }

    public boolean breaks(HardRule rule) {
        return broken.contains(rule);
    }
}
