package org.mentoring.people.input;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.common.PlainText;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.WeeklySlot;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.taxonomy.TaxonomySource;
import org.mentoring.taxonomy.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks one mentor or request as written and turns it into the domain record, naming every wrong field: required
 * fields, an externalId usable in a URL, a valid email, an ISO country code, a known IANA time zone, ISO 639-1
 * languages, domain codes known to the taxonomy, topics and goals on the programme's list, a capacity of 0 or more,
 * circles from 0 to {@value #MAX_CIRCLES}, a request format (ONE_TO_ONE, CIRCLE or EITHER),
 * dates written {@code yyyy-MM-dd}, slots
 * that end after they start, and a minimum overlap within a week. Checks that need other records (duplicates,
 * mentor ids that exist) belong to the caller. Text is trimmed; emails, languages and country codes are normalised.
 * Names, institutions, topics and goals must be {@link PlainText} (no control, bidirectional or invisible characters).
 * A slot's end of 24:00 (or 00:00) is midnight at the end of its day; 24:00 is never a start, and 00:00-00:00 is
 * refused as empty (a whole day is 00:00-24:00).
 */
@Component
public class PeopleInputValidator {

    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_CAPACITY = 100;
    public static final int MAX_DURATION_MONTHS = 60;
    public static final int MINUTES_PER_WEEK = 7 * 24 * 60;
    public static final int MAX_SLOTS = 50;
    /**
     * The most mentoring circles a mentor leads at once: each is a weekly meeting with a small group, on top of their
     * one-to-one mentees, so a few at most.
     */
    public static final int MAX_CIRCLES = 3;

    /** The longest part of a wrong value that a message repeats. */
    public static final int MAX_SHOWN_LENGTH = 60;

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    /** Every IANA zone id; the JDK copies the set on each call, so it is read once. */
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final TaxonomySource source;
    private final Validator beanValidator;

    /** Checks against the taxonomy and topics in force when each record is checked. */
    @Autowired
    public PeopleInputValidator(TaxonomySource source) {
        this.source = source;
        this.beanValidator = Validation.buildDefaultValidatorFactory().getValidator();
    }

    private PeopleInputValidator(TaxonomySource source, Validator beanValidator) {
        this.source = source;
        this.beanValidator = beanValidator;
    }

    /**
     * A validator that checks against the taxonomy and topics in force now and keeps them, so that a whole batch (an
     * import) is checked against one version and reads the store once.
     */
    public PeopleInputValidator asNow() {
        return new PeopleInputValidator(TaxonomySource.fixed(source.current(), source.topics()), beanValidator);
    }

    /** Checks against a fixed taxonomy and the shipped topics (tests and tools). */
    public PeopleInputValidator(Taxonomy taxonomy) {
        this(TaxonomySource.fixed(taxonomy, Topics.shipped()));
    }

    /** The mentor, or every wrong field of the input. */
    public Checked<Mentor> mentor(MentorInput input) {
        Fields fields = new Fields(source.current(), source.topics());
        String externalId = fields.externalId("externalId", input.externalId());
        String name = fields.requiredText("name", input.name());
        String email = fields.email("email", input.email());
        String institution = fields.optionalText("institution", input.institution());
        String country = fields.country("country", input.country());
        ZoneId timeZone = fields.timeZone("timeZone", input.timeZone());
        Set<String> languages = fields.languages("languages", input.languages());
        List<String> domains = fields.domains("domains", input.domains());
        Set<String> topics = new LinkedHashSet<>(fields.topics("topics", input.topics()));
        Integer capacity = fields.integer("capacity", input.capacity(), 0, MAX_CAPACITY, true);
        LocalDate availableFrom = fields.date("availableFrom", input.availableFrom(), true);
        LocalDate availableUntil = fields.date("availableUntil", input.availableUntil(), false);
        if (availableFrom != null && availableUntil != null && availableUntil.isBefore(availableFrom)) {
            fields.error("availableUntil", "availableUntil " + availableUntil + " is before availableFrom "
                    + availableFrom);
        }
        List<WeeklySlot> slots = fields.slots("weeklyAvailability", input.weeklyAvailability());
        Integer circles = fields.integer("circles", input.circles(), 0, MAX_CIRCLES, false);
        if (!fields.errors.isEmpty()) {
            return new Checked<>(null, fields.errors);
        }
        return new Checked<>(new Mentor(externalId, name, email, institution, country, timeZone, languages, domains,
                topics, capacity, availableFrom, availableUntil, slots, circles == null ? 0 : circles), List.of());
    }

    /**
     * The request, or every wrong field of the input. Absent minOverlapMinutes is 60, absent priority false, absent
     * format ONE_TO_ONE.
     */
    public Checked<MentorshipRequest> request(RequestInput input) {
        Fields fields = new Fields(source.current(), source.topics());
        String externalId = fields.externalId("externalId", input.externalId());
        String name = fields.requiredText("name", input.name());
        String email = fields.email("email", input.email());
        String institution = fields.optionalText("institution", input.institution());
        String country = fields.country("country", input.country());
        ZoneId timeZone = fields.timeZone("timeZone", input.timeZone());
        CareerStage careerStage = fields.careerStage("careerStage", input.careerStage());
        Set<String> languages = fields.languages("languages", input.languages());
        List<String> domains = fields.domains("domains", input.domains());
        Set<String> goals = new LinkedHashSet<>(fields.topics("goals", input.goals()));
        LocalDate startDate = fields.date("startDate", input.startDate(), true);
        Integer durationMonths = fields.integer("durationMonths", input.durationMonths(), 1, MAX_DURATION_MONTHS,
                true);
        Integer minOverlap = fields.integer("minOverlapMinutes", input.minOverlapMinutes(), 0, MINUTES_PER_WEEK,
                false);
        List<WeeklySlot> slots = fields.slots("weeklyAvailability", input.weeklyAvailability());
        List<String> preferred = fields.mentorIds("preferredMentorIds", input.preferredMentorIds());
        List<String> excluded = fields.mentorIds("excludedMentorIds", input.excludedMentorIds());
        for (String id : preferred) {
            if (excluded.contains(id)) {
                fields.error("excludedMentorIds", "mentor " + id + " is both preferred and excluded");
            }
        }
        Boolean priority = fields.bool("priority", input.priority());
        RequestFormat format = fields.format("format", input.format());
        if (!fields.errors.isEmpty()) {
            return new Checked<>(null, fields.errors);
        }
        return new Checked<>(new MentorshipRequest(externalId, name, email, institution, country, timeZone,
                careerStage, languages, domains, goals, startDate, durationMonths,
                minOverlap == null ? MentorshipRequest.DEFAULT_MIN_OVERLAP_MINUTES : minOverlap, slots, preferred,
                new LinkedHashSet<>(excluded), priority != null && priority, format), List.of());
    }

    /**
     * A value as a message repeats it: whole when short, else its first {@value #MAX_SHOWN_LENGTH} characters and
     * its length, so that a huge wrong value does not make a huge answer or log line.
     */
    public static String shown(String value) {
        if (value == null || value.length() <= MAX_SHOWN_LENGTH) {
            return value;
        }
        return value.substring(0, MAX_SHOWN_LENGTH) + "… (" + value.length() + " characters)";
    }

    /** The domain codes of the taxonomy in force. */
    public Taxonomy taxonomy() {
        return source.current();
    }

    /** Holder for the Bean Validation email rule, so that the library's well-tested check is the one used. */
    static final class EmailValue {
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        String email;
    }

    /** Collects errors field by field while reading values. */
    private final class Fields {

        private final List<FieldError> errors = new ArrayList<>();
        private final Taxonomy taxonomy;
        private final Topics topics;

        Fields(Taxonomy taxonomy, Topics topics) {
            this.taxonomy = taxonomy;
            this.topics = topics;
        }

        void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        private String trimmed(String value) {
            if (value == null) {
                return null;
            }
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }

        String requiredText(String field, String value) {
            String text = trimmed(value);
            if (text == null) {
                error(field, field + " is required");
            } else {
                checkText(field, text);
            }
            return text;
        }

        String optionalText(String field, String value) {
            String text = trimmed(value);
            if (text != null) {
                checkText(field, text);
            }
            return text;
        }

        /** Whether a typed text is short enough and made of characters that can be seen; false names the field. */
        private boolean checkText(String field, String text) {
            Optional<String> problem = PlainText.problem(text);
            if (text.length() > MAX_TEXT_LENGTH) {
                error(field, field + " is longer than " + MAX_TEXT_LENGTH + " characters");
                return false;
            } else if (problem.isPresent()) {
                error(field, field + " " + problem.get());
                return false;
            }
            return true;
        }

        String externalId(String field, String value) {
            String id = trimmed(value);
            if (id == null) {
                error(field, field + " is required");
            } else if (!EXTERNAL_ID.matcher(id).matches()) {
                error(field, field + " '" + shown(id) + "' must be 1 to 64 letters, digits, '.', '_', ':' or '-', "
                        + "starting with a letter or digit");
            }
            return id;
        }

        String email(String field, String value) {
            String email = trimmed(value);
            if (email == null) {
                error(field, field + " is required");
                return null;
            }
            Optional<String> lookAlike = EmailAddress.problem(email);
            if (lookAlike.isPresent()) {
                error(field, field + " " + lookAlike.get());
            } else if (email.length() > MAX_TEXT_LENGTH
                    || !beanValidator.validateValue(EmailValue.class, "email", email).isEmpty()) {
                error(field, field + " '" + shown(email) + "' is not a valid email address");
            }
            return EmailAddress.canonical(email);
        }

        String country(String field, String value) {
            String country = trimmed(value);
            if (country == null) {
                error(field, field + " is required");
                return null;
            }
            String upper = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(upper)) {
                error(field, field + " '" + shown(country) + "' is not an ISO 3166-1 alpha-2 country code such as KE");
            }
            return upper;
        }

        ZoneId timeZone(String field, String value) {
            String zone = trimmed(value);
            if (zone == null) {
                error(field, field + " is required");
                return null;
            }
            if (!ZONES.contains(zone)) {
                error(field, field + " '" + shown(zone) + "' is not an IANA time zone such as Africa/Nairobi");
                return null;
            }
            return ZoneId.of(zone);
        }

        Set<String> languages(String field, List<String> values) {
            Set<String> languages = new LinkedHashSet<>();
            List<String> given = values == null ? List.of() : values;
            for (int i = 0; i < given.size(); i++) {
                String language = trimmed(given.get(i));
                if (language == null) {
                    error(field + "[" + i + "]", field + "[" + i + "] is empty");
                    continue;
                }
                String lower = language.toLowerCase(Locale.ROOT);
                if (lower.length() != 2 || !LANGUAGES.contains(lower)) {
                    error(field + "[" + i + "]", field + "[" + i + "] '" + language
                            + "' is not an ISO 639-1 language code such as en");
                } else {
                    languages.add(lower);
                }
            }
            if (given.isEmpty()) {
                error(field, field + " needs at least one language");
            }
            return languages;
        }

        List<String> domains(String field, List<String> values) {
            Set<String> domains = new LinkedHashSet<>();
            List<String> given = values == null ? List.of() : values;
            for (int i = 0; i < given.size(); i++) {
                String code = trimmed(given.get(i));
                if (code == null) {
                    error(field + "[" + i + "]", field + "[" + i + "] is empty");
                } else if (!taxonomy.contains(code)) {
                    error(field + "[" + i + "]", field + "[" + i + "] '" + code
                            + "' is not in the taxonomy (GET /api/v1/taxonomy lists the codes)");
                } else {
                    domains.add(code);
                }
            }
            if (given.isEmpty()) {
                error(field, field + " needs at least one taxonomy code");
            }
            return List.copyOf(domains);
        }

        /** Topic codes on the programme's list (a mentor's topics, a request's goals). */
        List<String> topics(String field, List<String> values) {
            Set<String> labels = new LinkedHashSet<>();
            List<String> given = values == null ? List.of() : values;
            for (int i = 0; i < given.size(); i++) {
                String label = trimmed(given.get(i));
                if (label == null) {
                    error(field + "[" + i + "]", field + "[" + i + "] is empty");
                } else if (!topics.contains(label)) {
                    error(field + "[" + i + "]", field + "[" + i + "] '" + shown(label)
                            + "' is not on the programme's list of goals and topics (GET /api/v1/topics lists the "
                            + "codes)");
                } else {
                    labels.add(label);
                }
            }
            return List.copyOf(labels);
        }

        List<String> mentorIds(String field, List<String> values) {
            Set<String> ids = new LinkedHashSet<>();
            List<String> given = values == null ? List.of() : values;
            for (int i = 0; i < given.size(); i++) {
                String id = trimmed(given.get(i));
                if (id == null) {
                    error(field + "[" + i + "]", field + "[" + i + "] is empty");
                } else if (!EXTERNAL_ID.matcher(id).matches()) {
                    error(field + "[" + i + "]", field + "[" + i + "] '" + id + "' is not a mentor externalId");
                } else {
                    ids.add(id);
                }
            }
            return List.copyOf(ids);
        }

        Integer integer(String field, String value, int min, int max, boolean required) {
            String text = trimmed(value);
            if (text == null) {
                if (required) {
                    error(field, field + " is required");
                }
                return null;
            }
            int number;
            try {
                number = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                error(field, field + " '" + shown(text) + "' is not a whole number");
                return null;
            }
            if (number < min || number > max) {
                error(field, field + " must be between " + min + " and " + max + ", not " + number);
                return null;
            }
            return number;
        }

        Boolean bool(String field, String value) {
            String text = trimmed(value);
            if (text == null) {
                return null;
            }
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            error(field, field + " '" + shown(text) + "' is neither true nor false");
            return null;
        }

        LocalDate date(String field, String value, boolean required) {
            String text = trimmed(value);
            if (text == null) {
                if (required) {
                    error(field, field + " is required");
                }
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(field, field + " '" + shown(text) + "' is not a date written yyyy-MM-dd");
                return null;
            }
        }

        /** ONE_TO_ONE, CIRCLE or EITHER in any letter case, with '-' or ' ' for '_'; absent is ONE_TO_ONE. */
        RequestFormat format(String field, String value) {
            String text = trimmed(value);
            if (text == null) {
                return RequestFormat.ONE_TO_ONE;
            }
            try {
                return RequestFormat.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                error(field, field + " '" + shown(text) + "' is not a format we know. Choose one-to-one, a circle, "
                        + "or either: ONE_TO_ONE, CIRCLE or EITHER");
                return null;
            }
        }

        CareerStage careerStage(String field, String value) {
            String text = trimmed(value);
            if (text == null) {
                error(field, field + " is required");
                return null;
            }
            try {
                return CareerStage.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                error(field, field + " '" + shown(text) + "' is not one of " + List.of(CareerStage.values()));
                return null;
            }
        }

        List<WeeklySlot> slots(String field, List<SlotInput> values) {
            List<WeeklySlot> slots = new ArrayList<>();
            List<SlotInput> given = values == null ? List.of() : values;
            if (given.isEmpty()) {
                error(field, field + " needs at least one weekly slot");
            } else if (given.size() > MAX_SLOTS) {
                error(field, field + " has more than " + MAX_SLOTS + " slots");
            }
            for (int i = 0; i < given.size(); i++) {
                String path = field + "[" + i + "]";
                SlotInput slot = given.get(i);
                if (slot == null) {
                    error(path, path + " is empty");
                    continue;
                }
                DayOfWeek day = null;
                String dayText = trimmed(slot.day());
                if (dayText == null) {
                    error(path + ".day", path + ".day is required");
                } else {
                    try {
                        day = WeeklySlot.parseDay(dayText);
                    } catch (IllegalArgumentException e) {
                        error(path + ".day", path + ".day " + e.getMessage());
                    }
                }
                LocalTime start = time(path + ".start", slot.start(), true);
                LocalTime end = time(path + ".end", slot.end(), false);
                boolean empty = LocalTime.MIDNIGHT.equals(start) && LocalTime.MIDNIGHT.equals(end)
                        && !trimmed(slot.end()).equals("24:00");
                if (empty) {
                    // 00:00-00:00 is empty as written; a whole day is written 00:00-24:00
                    error(path, path + " starts and ends at " + trimmed(slot.end())
                            + "; a slot ends after it starts (a whole day is 00:00-24:00)");
                } else if (day != null && start != null && end != null) {
                    try {
                        slots.add(new WeeklySlot(day, start, end));
                    } catch (IllegalArgumentException e) {
                        error(path, path + ": " + e.getMessage());
                    }
                }
            }
            return slots;
        }

        /** A slot's start or end; 24:00 (midnight at the end of the day) is only an end. */
        private LocalTime time(String field, String value, boolean start) {
            String text = trimmed(value);
            if (text == null) {
                error(field, field + " is required");
                return null;
            }
            if (!TIME.matcher(text).matches()) {
                error(field, field + " '" + shown(text) + "' is not a time written HH:mm");
                return null;
            }
            if (start && text.equals("24:00")) {
                error(field, field + " 24:00 is the end of the day, so no slot starts then; the latest start is "
                        + "23:59, and a slot after midnight starts at 00:00 of the next day");
                return null;
            }
            try {
                return WeeklySlot.parseTime(text);
            } catch (IllegalArgumentException e) {
                error(field, field + " " + e.getMessage());
                return null;
            }
        }
    }
}
