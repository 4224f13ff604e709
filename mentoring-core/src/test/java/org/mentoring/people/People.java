package org.mentoring.people;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-made mentors and requests for tests: sensible defaults (UTC, English, no availability), each field
 * changeable by name.
 */
public final class People {

    private People() {
    }

    public static MentorBuilder mentor(String externalId) {
        return new MentorBuilder(externalId);
    }

    public static RequestBuilder request(String externalId) {
        return new RequestBuilder(externalId);
    }

    /** Parses slots written like {@code TUE 14:00-16:00}. */
    public static List<WeeklySlot> slots(String... texts) {
        return List.of(texts).stream().map(WeeklySlot::parse).toList();
    }

    /** Builds a {@link Mentor}; every setter returns the builder. */
    public static final class MentorBuilder {
        private final String externalId;
        private String name;
        private String email;
        private String institution = "University of Nairobi";
        private String country = "KE";
        private ZoneId timeZone = ZoneId.of("UTC");
        private Set<String> languages = Set.of("en");
        private List<String> domains = List.of();
        private Set<String> topics = Set.of();
        private int capacity = 1;
        private LocalDate availableFrom = LocalDate.of(2026, 1, 1);
        private LocalDate availableUntil;
        private List<WeeklySlot> slots = new ArrayList<>();

        private MentorBuilder(String externalId) {
            this.externalId = externalId;
            this.name = "Mentor " + externalId;
            this.email = externalId + "@example.org";
        }

        public MentorBuilder email(String value) {
            email = value;
            return this;
        }

        public MentorBuilder institution(String value) {
            institution = value;
            return this;
        }

        public MentorBuilder country(String value) {
            country = value;
            return this;
        }

        public MentorBuilder zone(String value) {
            timeZone = ZoneId.of(value);
            return this;
        }

        public MentorBuilder languages(String... values) {
            languages = Set.of(values);
            return this;
        }

        public MentorBuilder domains(String... values) {
            domains = List.of(values);
            return this;
        }

        public MentorBuilder topics(String... values) {
            topics = Set.of(values);
            return this;
        }

        public MentorBuilder capacity(int value) {
            capacity = value;
            return this;
        }

        public MentorBuilder available(LocalDate from, LocalDate until) {
            availableFrom = from;
            availableUntil = until;
            return this;
        }

        public MentorBuilder slots(String... texts) {
            slots = People.slots(texts);
            return this;
        }

        public Mentor build() {
            return new Mentor(externalId, name, email, institution, country, timeZone, languages, domains, topics,
                    capacity, availableFrom, availableUntil, slots);
        }
    }

    /** Builds a {@link MentorshipRequest}; every setter returns the builder. */
    public static final class RequestBuilder {
        private final String externalId;
        private String name;
        private String email;
        private String institution = "University of Nairobi";
        private String country = "KE";
        private ZoneId timeZone = ZoneId.of("UTC");
        private Set<String> languages = Set.of("en");
        private List<String> domains = List.of();
        private Set<String> goals = Set.of();
        private LocalDate startDate = LocalDate.of(2026, 2, 2);
        private int minOverlapMinutes = MentorshipRequest.DEFAULT_MIN_OVERLAP_MINUTES;
        private List<WeeklySlot> slots = new ArrayList<>();
        private List<String> preferred = List.of();
        private Set<String> excluded = Set.of();
        private boolean priority;

        private RequestBuilder(String externalId) {
            this.externalId = externalId;
            this.name = "Researcher " + externalId;
            this.email = externalId + "@example.org";
        }

        public RequestBuilder email(String value) {
            email = value;
            return this;
        }

        public RequestBuilder institution(String value) {
            institution = value;
            return this;
        }

        public RequestBuilder country(String value) {
            country = value;
            return this;
        }

        public RequestBuilder zone(String value) {
            timeZone = ZoneId.of(value);
            return this;
        }

        public RequestBuilder languages(String... values) {
            languages = Set.of(values);
            return this;
        }

        public RequestBuilder domains(String... values) {
            domains = List.of(values);
            return this;
        }

        public RequestBuilder goals(String... values) {
            goals = Set.of(values);
            return this;
        }

        public RequestBuilder startDate(LocalDate value) {
            startDate = value;
            return this;
        }

        public RequestBuilder minOverlapMinutes(int value) {
            minOverlapMinutes = value;
            return this;
        }

        public RequestBuilder slots(String... texts) {
            slots = People.slots(texts);
            return this;
        }

        public RequestBuilder preferred(String... mentorIds) {
            preferred = List.of(mentorIds);
            return this;
        }

        public RequestBuilder excluded(String... mentorIds) {
            excluded = Set.of(mentorIds);
            return this;
        }

        public RequestBuilder priority(boolean value) {
            priority = value;
            return this;
        }

        public MentorshipRequest build() {
            return new MentorshipRequest(externalId, name, email, institution, country, timeZone,
                    CareerStage.POSTDOC, languages, domains, goals, startDate, 6, minOverlapMinutes, slots,
                    preferred, excluded, priority);
        }
    }
}
