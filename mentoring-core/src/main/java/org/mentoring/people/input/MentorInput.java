package org.mentoring.people.input;

import java.util.List;
import org.mentoring.people.Mentor;

/**
 * A mentor's profile as written in an import or a form, every scalar as text so that a wrong value is reported
 * with its field instead of failing the whole document. {@link PeopleInputValidator#mentor} checks it.
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
        List<SlotInput> weeklyAvailability) {

    /** The input that reads back as this mentor, for example to import generated people. */
    public static MentorInput of(Mentor mentor) {
        return new MentorInput(mentor.externalId(), mentor.name(), mentor.email(), mentor.institution(),
                mentor.country(), mentor.timeZone().getId(), mentor.languages().stream().sorted().toList(),
                mentor.domains(), mentor.topics().stream().sorted().toList(), Integer.toString(mentor.capacity()),
                mentor.availableFrom().toString(),
                mentor.availableUntil() == null ? null : mentor.availableUntil().toString(),
                mentor.weeklyAvailability().stream().map(SlotInput::of).toList());
    }
}
