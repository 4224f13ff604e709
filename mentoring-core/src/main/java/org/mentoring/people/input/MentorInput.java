package org.mentoring.people.input;

import java.util.List;
import org.mentoring.people.Mentor;

/**
 * A mentor's profile as written in an import or a form, every scalar as text so that a wrong value is reported
 * with its field instead of failing the whole document. {@link PeopleInputValidator#mentor} checks it. {@code circles}
 * is how many mentoring circles they lead at once (absent: 0 for a new mentor; an update keeps the stored number).
 */
public record MentorInput(
        String externalId,
        String name,
        String email,
        String institution,
        String country,
        String timeZone,
        List<String> languages,
        List<String> domains,
        List<String> topics,
        String capacity,
        String availableFrom,
        String availableUntil,
        List<SlotInput> weeklyAvailability,
        String circles) {

    /** An input without {@code circles}: 0 for a new mentor, the stored number for an update. */
    public MentorInput(String externalId, String name, String email, String institution, String country,
            String timeZone, List<String> languages, List<String> domains, List<String> topics, String capacity,
            String availableFrom, String availableUntil, List<SlotInput> weeklyAvailability) {
        this(externalId, name, email, institution, country, timeZone, languages, domains, topics, capacity,
                availableFrom, availableUntil, weeklyAvailability, null);
    }

    /** The same input with another {@code circles} (static: MapStruct would take an instance method for a setter). */
    public static MentorInput withCircles(MentorInput in, String value) {
        return new MentorInput(in.externalId, in.name, in.email, in.institution, in.country, in.timeZone,
                in.languages, in.domains, in.topics, in.capacity, in.availableFrom, in.availableUntil,
                in.weeklyAvailability, value);
    }

    /** The input that reads back as this mentor, for example to import generated people. */
    public static MentorInput of(Mentor mentor) {
        return new MentorInput(mentor.externalId(), mentor.name(), mentor.email(), mentor.institution(),
                mentor.country(), mentor.timeZone().getId(), mentor.languages().stream().sorted().toList(),
                mentor.domains(), mentor.topics().stream().sorted().toList(), Integer.toString(mentor.capacity()),
                mentor.availableFrom().toString(),
                mentor.availableUntil() == null ? null : mentor.availableUntil().toString(),
                mentor.weeklyAvailability().stream().map(SlotInput::of).toList(), Integer.toString(mentor.circles()));
    }
}
