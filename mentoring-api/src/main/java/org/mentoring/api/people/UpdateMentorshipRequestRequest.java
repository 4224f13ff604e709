package org.mentoring.api.people;

import io.swagger.v3.oas.annotations.media.Schema;
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

/** A request's whole content replacing the stored one; the externalId is in the path, the status stays. */
@Schema(description = "A request's whole content, replacing the stored one (its status stays), with the version "
        + "last read (or send that version in an If-Match header)")
public record UpdateMentorshipRequestRequest(
        @Schema(description = "The version last read; refused with 409 if the request changed since", example = "3")
        Long version,
        @NotBlank(message = "is required") @Size(max = 200) String name,
        @NotBlank(message = "is required") @Email(message = "must be a valid email address") String email,
        @Size(max = 200) String institution,
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter ISO 3166-1 code") String country,
        @NotBlank(message = "is required") String timeZone,
        @NotBlank(message = "is required") String careerStage,
        @NotEmpty(message = "needs at least one language") List<String> languages,
        @NotEmpty(message = "needs at least one taxonomy code") List<String> domains,
        List<String> goals,
        @Schema(format = "date") @NotBlank(message = "is required") String startDate,
        @NotNull(message = "is required") @Min(value = 1, message = "must be 1 or more")
        @Max(value = 60, message = "must be 60 or less") Integer durationMonths,
        @Min(value = 0, message = "must be 0 or more") @Max(value = 10080, message = "must fit in a week (10080)")
        Integer minOverlapMinutes,
        @NotEmpty(message = "needs at least one weekly slot") List<@Valid WeeklySlotDto> weeklyAvailability,
        List<String> preferredMentorIds,
        List<String> excludedMentorIds,
        Boolean priority,
        @Schema(description = "The code of its cycle; absent, it stays in its cycle. Moving it: an ADMIN into any cycle"
                + " that has not ended, a RESEARCHER only into the cycle open for requests today (422 naming cycle)",
                example = "2027-spring")
        String cycle,
        @Schema(description = "How the researcher accepts to be mentored: ONE_TO_ONE (with a mentor), CIRCLE (in a "
                + "mentoring circle, a small group meeting a mentor every week) or EITHER. Absent: ONE_TO_ONE for a "
                + "new request; an update keeps the stored format", example = "EITHER",
                allowableValues = {"ONE_TO_ONE", "CIRCLE", "EITHER"})
        String format) {

    /** An update that keeps the stored format. */
    public UpdateMentorshipRequestRequest(Long version, String name, String email, String institution,
            String country, String timeZone, String careerStage, List<String> languages, List<String> domains,
            List<String> goals, String startDate, Integer durationMonths, Integer minOverlapMinutes,
            List<WeeklySlotDto> weeklyAvailability, List<String> preferredMentorIds, List<String> excludedMentorIds,
            Boolean priority, String cycle) {
        this(version, name, email, institution, country, timeZone, careerStage, languages, domains, goals, startDate,
                durationMonths, minOverlapMinutes, weeklyAvailability, preferredMentorIds, excludedMentorIds,
                priority, cycle, null);
    }
}
