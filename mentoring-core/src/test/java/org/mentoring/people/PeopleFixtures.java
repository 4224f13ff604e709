package org.mentoring.people;

import java.util.List;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.input.SlotInput;

/** Valid inputs to start from; each test changes what it is about. */
public final class PeopleFixtures {

    public static final String HEAT_HEALTH = "planetary-health/climate-health/heat-health";
    public static final String AIR_POLLUTION = "planetary-health/environmental-health/air-pollution";
    public static final String CLIMATE_HEALTH = "planetary-health/climate-health";

    private PeopleFixtures() {
    }

    public static MentorInput mentor(String externalId) {
        return new MentorInput(externalId, "Dr. A. Mwangi", externalId + "@example.org", "University of Nairobi",
                "KE", "Africa/Nairobi", List.of("en", "sw"), List.of(HEAT_HEALTH), List.of("grant-writing"), "3",
                "2026-01-01", "2026-12-31", List.of(new SlotInput("TUESDAY", "14:00", "16:00")));
    }

    public static RequestInput request(String externalId, String... preferredMentorIds) {
        return new RequestInput(externalId, "J. Singh", externalId + "@example.org",
                "University of British Columbia", "CA", "America/Vancouver", "POSTDOC", List.of("en"),
                List.of(HEAT_HEALTH), List.of("grant-writing"), "2026-02-01", "6", "60",
                List.of(new SlotInput("TUESDAY", "07:00", "09:00")), List.of(preferredMentorIds), List.of(),
                "false");
    }

    public static MentorInput withCountry(MentorInput m, String country) {
        return new MentorInput(m.externalId(), m.name(), m.email(), m.institution(), country, m.timeZone(),
                m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(), m.availableUntil(),
                m.weeklyAvailability());
    }

    public static MentorInput withDomains(MentorInput m, String... domains) {
        return new MentorInput(m.externalId(), m.name(), m.email(), m.institution(), m.country(), m.timeZone(),
                m.languages(), List.of(domains), m.topics(), m.capacity(), m.availableFrom(), m.availableUntil(),
                m.weeklyAvailability());
    }

    public static MentorInput withCapacity(MentorInput m, String capacity) {
        return new MentorInput(m.externalId(), m.name(), m.email(), m.institution(), m.country(), m.timeZone(),
                m.languages(), m.domains(), m.topics(), capacity, m.availableFrom(), m.availableUntil(),
                m.weeklyAvailability());
    }

    public static MentorInput withEmail(MentorInput m, String email) {
        return new MentorInput(m.externalId(), m.name(), email, m.institution(), m.country(), m.timeZone(),
                m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(), m.availableUntil(),
                m.weeklyAvailability());
    }

    public static MentorInput withName(MentorInput m, String name) {
        return new MentorInput(m.externalId(), name, m.email(), m.institution(), m.country(), m.timeZone(),
                m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(), m.availableUntil(),
                m.weeklyAvailability());
    }

    public static MentorInput withTimeZone(MentorInput m, String timeZone) {
        return new MentorInput(m.externalId(), m.name(), m.email(), m.institution(), m.country(), timeZone,
                m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(), m.availableUntil(),
                m.weeklyAvailability());
    }

    public static MentorInput withSlots(MentorInput m, SlotInput... slots) {
        return new MentorInput(m.externalId(), m.name(), m.email(), m.institution(), m.country(), m.timeZone(),
                m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(), m.availableUntil(),
                List.of(slots));
    }

    public static RequestInput withDomains(RequestInput r, String... domains) {
        return new RequestInput(r.externalId(), r.name(), r.email(), r.institution(), r.country(), r.timeZone(),
                r.careerStage(), r.languages(), List.of(domains), r.goals(), r.startDate(), r.durationMonths(),
                r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(), r.excludedMentorIds(),
                r.priority());
    }

    public static RequestInput withCountry(RequestInput r, String country) {
        return new RequestInput(r.externalId(), r.name(), r.email(), r.institution(), country, r.timeZone(),
                r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(), r.durationMonths(),
                r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(), r.excludedMentorIds(),
                r.priority());
    }

    public static RequestInput withMinOverlap(RequestInput r, String minOverlapMinutes) {
        return new RequestInput(r.externalId(), r.name(), r.email(), r.institution(), r.country(), r.timeZone(),
                r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(), r.durationMonths(),
                minOverlapMinutes, r.weeklyAvailability(), r.preferredMentorIds(), r.excludedMentorIds(),
                r.priority());
    }

    public static RequestInput withExcluded(RequestInput r, String... excluded) {
        return new RequestInput(r.externalId(), r.name(), r.email(), r.institution(), r.country(), r.timeZone(),
                r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(), r.durationMonths(),
                r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(), List.of(excluded),
                r.priority());
    }
}
