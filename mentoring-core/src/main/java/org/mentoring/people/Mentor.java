package org.mentoring.people;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A faculty member or senior practitioner's mentoring profile: what they know, how many mentees they take, and
 * when they are free, in their own time zone.
 *
 * @param domains taxonomy codes of their expertise
 * @param topics mentoring topics they offer, matched against requests' goals (for example grant-writing)
 * @param capacity how many mentees at once, accepted and proposed together
 * @param availableUntil last date they take a new mentee, or null for open-ended
 * @param circles how many mentoring circles they lead at once, apart from their one-to-one {@code capacity} (0: none)
 */
public record Mentor(
        String externalId,
        String name,
        String email,
        String institution,
        String country,
        ZoneId timeZone,
        Set<String> languages,
        List<String> domains,
        Set<String> topics,
        int capacity,
        LocalDate availableFrom,
        LocalDate availableUntil,
        List<WeeklySlot> weeklyAvailability,
        int circles) {

    public Mentor {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(availableFrom, "availableFrom");
        languages = Set.copyOf(languages);
        domains = List.copyOf(domains);
        topics = Set.copyOf(topics);
        weeklyAvailability = List.copyOf(weeklyAvailability);
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        if (circles < 0) {
            throw new IllegalArgumentException("circles must not be negative");
        }
    }

    /** A mentor who leads no circle. */
    public Mentor(String externalId, String name, String email, String institution, String country, ZoneId timeZone,
            Set<String> languages, List<String> domains, Set<String> topics, int capacity, LocalDate availableFrom,
            LocalDate availableUntil, List<WeeklySlot> weeklyAvailability) {
        this(externalId, name, email, institution, country, timeZone, languages, domains, topics, capacity,
                availableFrom, availableUntil, weeklyAvailability, 0);
    }

    /** Whether this mentor can start with a mentee on that date (rule 3). */
    public boolean isAvailableOn(LocalDate date) {
        return !availableFrom.isAfter(date) && (availableUntil == null || !availableUntil.isBefore(date));
    }
}
