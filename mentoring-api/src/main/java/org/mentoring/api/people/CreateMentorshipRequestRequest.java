package org.mentoring.api.people;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mentoring.api.problem.StrictBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A researcher's new request for a mentor; also one request of an import. */
@Schema(description = "A researcher's request for a mentor, with the researcher's details",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@StrictBody
public record CreateMentorshipRequestRequest(
        @Schema(description = "The programme's id for this request, unique", example = "r-104")
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}", message = "must be 1 to 64 letters, digits, '.', "
                + "'_', ':' or '-', starting with a letter or digit")
        String externalId,
        @Schema(example = "J. Singh") @NotBlank(message = "is required") @Size(max = 200) String name,
        @Schema(description = "Unique among the requests of a cycle", example = "j.singh@example.org")
        @NotBlank(message = "is required") @Email(message = "must be a valid email address") String email,
        @Schema(example = "University of British Columbia") @Size(max = 200) String institution,
        @Schema(description = "ISO 3166-1 alpha-2 code", example = "CA")
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter ISO 3166-1 code") String country,
        @Schema(description = "IANA time zone of the weekly availability", example = "America/Vancouver")
        @NotBlank(message = "is required") String timeZone,
        @Schema(description = "STUDENT, PHD_CANDIDATE, POSTDOC, EARLY_CAREER_FACULTY or PRACTITIONER",
                example = "POSTDOC")
        @NotBlank(message = "is required") String careerStage,
        @Schema(description = "ISO 639-1 codes", example = "[\"en\"]")
        @NotEmpty(message = "needs at least one language") List<String> languages,
        @Schema(description = "Taxonomy codes, most wanted first",
                example = "[\"planetary-health/climate-health/heat-health\", \"methods/epidemiology\"]")
        @NotEmpty(message = "needs at least one taxonomy code") List<String> domains,
        @Schema(description = "What they want help with (codes of GET /api/v1/topics), matched against mentors' topics",
                example = "[\"grant-writing\"]")
        List<String> goals,
        @Schema(description = "When the mentorship would start, yyyy-MM-dd", format = "date",
                example = "2026-02-01")
        @NotBlank(message = "is required") String startDate,
        @Schema(description = "Length in months, 1 to 60", example = "6")
        @NotNull(message = "is required") @Min(value = 1, message = "must be 1 or more")
        @Max(value = 60, message = "must be 60 or less") Integer durationMonths,
        @Schema(description = "Least weekly time together, 0 to 10080 minutes; 60 when absent", example = "60")
        @Min(value = 0, message = "must be 0 or more") @Max(value = 10080, message = "must fit in a week (10080)")
        Integer minOverlapMinutes,
        @Schema(description = "Weekly availability in their time zone")
        @NotEmpty(message = "needs at least one weekly slot") List<@Valid WeeklySlotDto> weeklyAvailability,
        @Schema(description = "Mentors' externalIds, most wanted first; each must exist", example = "[\"m-017\"]")
        List<String> preferredMentorIds,
        @Schema(description = "Mentors' externalIds never to propose (conflicts of interest); each must exist",
                example = "[]")
        List<String> excludedMentorIds,
        @Schema(description = "Flagged by the programme for equity priority", example = "false")
        Boolean priority,
        @Schema(description = "The code of the cycle it belongs to (GET /api/v1/cycles). Absent: the cycle open for "
                + "requests today, or 'default' in a programme without cycles; an import keeps a stored request in "
                + "its cycle. A RESEARCHER asks only in the cycle open today (422 naming cycle, saying when the next "
                + "one opens); an ADMIN adds into any cycle that has not ended and must name one when none is open. "
                + "One request per researcher (email) and cycle.", example = "2027-spring")
        String cycle,
        @Schema(description = "How the researcher accepts to be mentored: ONE_TO_ONE (with a mentor), CIRCLE (in a "
                + "mentoring circle, a small group meeting a mentor every week) or EITHER. Absent: ONE_TO_ONE for a "
                + "new request; an update keeps the stored format", example = "EITHER",
                allowableValues = {"ONE_TO_ONE", "CIRCLE", "EITHER"})
        String format) {

    /** A one-to-one request (or, in an update, one keeping its format). */
    public CreateMentorshipRequestRequest(String externalId, String name, String email, String institution,
            String country, String timeZone, String careerStage, List<String> languages, List<String> domains,
            List<String> goals, String startDate, Integer durationMonths, Integer minOverlapMinutes,
            List<WeeklySlotDto> weeklyAvailability, List<String> preferredMentorIds, List<String> excludedMentorIds,
            Boolean priority, String cycle) {
        this(externalId, name, email, institution, country, timeZone, careerStage, languages, domains, goals,
                startDate, durationMonths, minOverlapMinutes, weeklyAvailability, preferredMentorIds,
                excludedMentorIds, priority, cycle, null);
    }

    /** A request left to the cycle open for requests today. */
    public CreateMentorshipRequestRequest(String externalId, String name, String email, String institution,
            String country, String timeZone, String careerStage, List<String> languages, List<String> domains,
            List<String> goals, String startDate, Integer durationMonths, Integer minOverlapMinutes,
            List<WeeklySlotDto> weeklyAvailability, List<String> preferredMentorIds, List<String> excludedMentorIds,
            Boolean priority) {
        this(externalId, name, email, institution, country, timeZone, careerStage, languages, domains, goals,
                startDate, durationMonths, minOverlapMinutes, weeklyAvailability, preferredMentorIds,
                excludedMentorIds, priority, null, null);
    }
}
