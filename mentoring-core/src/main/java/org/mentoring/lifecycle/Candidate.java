package org.mentoring.lifecycle;

import java.util.List;
import org.mentoring.matching.domain.HardRule;

/**
 * A mentor an admin could pair with a request, with what the pair would break and what it would bring.
 *
 * @param load the mentor's active mentorships plus open offers
 * @param broken the hard rules the pair would break, CAPACITY included when the mentor is full; empty when allowed
 * @param preferenceRank 0 for the request's first preferred mentor, 1 the second, ...; -1 when not preferred
 */
public record Candidate(String mentorExternalId, String name, int affinity, int overlapMinutes, int goalsMet,
        int preferenceRank, int load, int capacity, List<HardRule> broken) {

    public Candidate {
        broken = List.copyOf(broken);
    }

    public boolean allowed() {
        return broken.isEmpty();
    }
}
