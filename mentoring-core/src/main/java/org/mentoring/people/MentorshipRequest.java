package org.mentoring.people;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An early-career researcher's request for a mentor, with the researcher's own details.
 *
 * @param domains taxonomy codes, most wanted first
 * @param goals what they want help with, matched against mentors' topics
 * @param minOverlapMinutes the least weekly time together they accept (rule 2; 60 by default)
 * @param preferredMentorIds mentors' externalIds, most wanted first
 * @param excludedMentorIds mentors' externalIds never to propose (conflicts of interest, rule 4)
 * @param priority flagged by the programme for equity (for example based in a low- or middle-income country, or
 *     waiting since an earlier cycle)
 * @param format one-to-one (the default), in a mentoring circle, or either
 */
public record MentorshipRequest(
        String externalId,
        String name,
        String email,
        String institution,
        String country,
        ZoneId timeZone,
        CareerStage careerStage,
        Set<String> languages,
        List<String> domains,
        Set<String> goals,
        LocalDate startDate,
        int durationMonths,
        int minOverlapMinutes,
        List<WeeklySlot> weeklyAvailability,
        List<String> preferredMentorIds,
        Set<String> excludedMentorIds,
        boolean priority,
        RequestFormat format) {

    public static final int DEFAULT_MIN_OVERLAP_MINUTES = 60;

    public MentorshipRequest {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(startDate, "startDate");
        languages = Set.copyOf(languages);
        domains = List.copyOf(domains);
        goals = Set.copyOf(goals);
        weeklyAvailability = List.copyOf(weeklyAvailability);
        preferredMentorIds = List.copyOf(preferredMentorIds);
        excludedMentorIds = Set.copyOf(excludedMentorIds);
        format = format == null ? RequestFormat.ONE_TO_ONE : format;
        if (minOverlapMinutes < 0) {
            throw new IllegalArgumentException("minOverlapMinutes must not be negative");
        }
    }

    /** A request for one-to-one mentoring. */
    public MentorshipRequest(String externalId, String name, String email, String institution, String country,
            ZoneId timeZone, CareerStage careerStage, Set<String> languages, List<String> domains, Set<String> goals,
            LocalDate startDate, int durationMonths, int minOverlapMinutes, List<WeeklySlot> weeklyAvailability,
            List<String> preferredMentorIds, Set<String> excludedMentorIds, boolean priority) {
        this(externalId, name, email, institution, country, timeZone, careerStage, languages, domains, goals,
                startDate, durationMonths, minOverlapMinutes, weeklyAvailability, preferredMentorIds,
                excludedMentorIds, priority, RequestFormat.ONE_TO_ONE);
    }
}
