package org.mentoring.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * Who is waiting against who can take them, on one day: open requests against the places of mentors available that
 * day (their availability window holds it, capacity above 0, not paused past it), overall and per domain branch.
 *
 * @param today the day mentors' availability is read for (UTC)
 * @param openRequests requests with status OPEN
 * @param mentors every stored mentor, available or not
 * @param availableMentors mentors with capacity above 0 whose availability window holds {@code today} and who
 *     have not paused beyond it
 * @param places the capacity of the available mentors, summed
 * @param freePlaces the available mentors' places not held by an offer awaiting an answer or an active mentorship
 * @param branches one per branch of the taxonomy, in its order (a branch nobody asks for and nobody offers too)
 */
public record Demand(LocalDate today, int openRequests, long mentors, int availableMentors, int places,
        int freePlaces, List<Branch> branches) {

    public Demand {
        branches = List.copyOf(branches);
    }

    /**
     * One domain branch (the taxonomy's second level, for example Climate and health). A mentor's places count in
     * every branch of their expertise, so per-branch places add up to more than the total.
     *
     * @param code the branch's taxonomy code, for example {@code planetary-health/climate-health}
     * @param name its name in words
     * @param openRequests open requests whose first-choice domain lies in the branch
     * @param freePlaces free places of available mentors with expertise in the branch
     * @param places all places of those mentors, held or free
     */
    public record Branch(String code, String name, int openRequests, int freePlaces, int places) {
    }
}
