package org.mentoring.lifecycle;

import java.util.List;

/**
 * Whether the ledger of places agrees with the offers and mentorships.
 *
 * @param consistent true when every mentor's places in the ledger are what their offers and mentorships hold
 * @param mentors each mentor whose ledger differs from the facts
 */
public record ConsistencyReport(boolean consistent, List<MentorPlacesDifference> mentors) {

    public ConsistencyReport {
        mentors = List.copyOf(mentors);
    }

    /**
     * One mentor whose ledger differs from the facts.
     *
     * @param name the mentor's name; null when the mentor is no longer stored
     * @param ledger the places the ledger says they hold
     * @param actual the places their offers awaiting answers and active mentorships hold
     * @param ledgerCapacity the capacity the ledger checks against
     * @param capacity the capacity in the mentor's profile; null when the mentor is no longer stored
     */
    public record MentorPlacesDifference(String mentorExternalId, String name, int ledger, int actual,
            int ledgerCapacity, Integer capacity) {
    }
}
