package org.mentoring.people.input;

import java.util.List;
import org.mentoring.people.MentorshipRequest;

/**
 * A mentorship request as written in an import or a form, every scalar as text so that a wrong value is reported
 * with its field. {@link PeopleInputValidator#request} checks it. {@code cycle} is a cycle's code, or null for the
 * cycle open for requests today. {@code format} is ONE_TO_ONE, CIRCLE or EITHER (absent: ONE_TO_ONE for a new
 * request; an update keeps the stored format).
 */
public record RequestInput(
        String externalId,
        String name,
        String email,
        String institution,
        String country,
        String timeZone,
        String careerStage,
        List<String> languages,
        List<String> domains,
        List<String> goals,
        String startDate,
        String durationMonths,
        String minOverlapMinutes,
        List<SlotInput> weeklyAvailability,
        List<String> preferredMentorIds,
        List<String> excludedMentorIds,
        String priority,
        String cycle,
        String format) {

    /** An input without {@code format}: one-to-one for a new request, the stored format for an update. */
    public RequestInput(String externalId, String name, String email, String institution, String country,
            String timeZone, String careerStage, List<String> languages, List<String> domains, List<String> goals,
            String startDate, String durationMonths, String minOverlapMinutes, List<SlotInput> weeklyAvailability,
            List<String> preferredMentorIds, List<String> excludedMentorIds, String priority, String cycle) {
        this(externalId, name, email, institution, country, timeZone, careerStage, languages, domains, goals,
                startDate, durationMonths, minOverlapMinutes, weeklyAvailability, preferredMentorIds,
                excludedMentorIds, priority, cycle, null);
    }

    /** The same input with another {@code format} (static: MapStruct would take an instance method for a setter). */
    public static RequestInput withFormat(RequestInput in, String value) {
        return new RequestInput(in.externalId, in.name, in.email, in.institution, in.country, in.timeZone,
                in.careerStage, in.languages, in.domains, in.goals, in.startDate, in.durationMonths,
                in.minOverlapMinutes, in.weeklyAvailability, in.preferredMentorIds, in.excludedMentorIds, in.priority,
                in.cycle, value);
    }

    /** An input that leaves the cycle to the store (the one open for requests today). */
    public RequestInput(String externalId, String name, String email, String institution, String country,
            String timeZone, String careerStage, List<String> languages, List<String> domains, List<String> goals,
            String startDate, String durationMonths, String minOverlapMinutes, List<SlotInput> weeklyAvailability,
            List<String> preferredMentorIds, List<String> excludedMentorIds, String priority) {
        this(externalId, name, email, institution, country, timeZone, careerStage, languages, domains, goals,
                startDate, durationMonths, minOverlapMinutes, weeklyAvailability, preferredMentorIds,
                excludedMentorIds, priority, null, null);
    }

    /** The input that reads back as this request, for example to import generated people. */
    public static RequestInput of(MentorshipRequest request) {
        return new RequestInput(request.externalId(), request.name(), request.email(), request.institution(),
                request.country(), request.timeZone().getId(),
                request.careerStage() == null ? null : request.careerStage().name(),
                request.languages().stream().sorted().toList(), request.domains(),
                request.goals().stream().sorted().toList(), request.startDate().toString(),
                Integer.toString(request.durationMonths()), Integer.toString(request.minOverlapMinutes()),
                request.weeklyAvailability().stream().map(SlotInput::of).toList(), request.preferredMentorIds(),
                request.excludedMentorIds().stream().sorted().toList(), Boolean.toString(request.priority()), null,
                request.format().name());
    }
}
