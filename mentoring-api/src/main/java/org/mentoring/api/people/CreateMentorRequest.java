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

/** A new mentor's profile; also one mentor of an import. */
@Schema(description = "A mentor's profile: what they know, how many mentees they take and when they are free",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@StrictBody
public record CreateMentorRequest(
        @Schema(description = "The programme's id for this mentor, unique; letters, digits, '.', '_', ':', '-'",
                example = "m-017")
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}", message = "must be 1 to 64 letters, digits, '.', "
                + "'_', ':' or '-', starting with a letter or digit")
        String externalId,
        @Schema(example = "Dr. A. Mwangi") @NotBlank(message = "is required") @Size(max = 200) String name,
        @Schema(description = "Unique among mentors", example = "a.mwangi@example.org")
        @NotBlank(message = "is required") @Email(message = "must be a valid email address") String email,
        @Schema(example = "University of Nairobi") @Size(max = 200) String institution,
        @Schema(description = "ISO 3166-1 alpha-2 code of where they are based", example = "KE")
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter "
                + "ISO 3166-1 code") String country,
        @Schema(description = "IANA time zone of their weekly availability", example = "Africa/Nairobi")
        @NotBlank(message = "is required") String timeZone,
        @Schema(description = "ISO 639-1 codes", example = "[\"en\", \"sw\"]")
        @NotEmpty(message = "needs at least one language") List<String> languages,
        @Schema(description = "Taxonomy codes of their expertise (GET /api/v1/taxonomy)",
                example = "[\"planetary-health/climate-health/heat-health\"]")
        @NotEmpty(message = "needs at least one taxonomy code") List<String> domains,
        @Schema(description = "Mentoring topics they offer (codes of GET /api/v1/topics), matched against "
                + "requests' goals",
                example = "[\"grant-writing\", \"publishing\"]")
        List<String> topics,
        @Schema(description = "How many mentees at once, accepted and proposed together; 0 takes none",
                example = "3")
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more")
        @Max(value = 100, message = "must be 100 or less") Integer capacity,
        @Schema(description = "First date they take a new mentee, yyyy-MM-dd", format = "date",
                example = "2026-01-01")
        @NotBlank(message = "is required") String availableFrom,
        @Schema(description = "Last date they take a new mentee, yyyy-MM-dd; absent for open-ended",
                format = "date", example = "2026-12-31")
        String availableUntil,
        @Schema(description = "Weekly availability in their time zone")
        @NotEmpty(message = "needs at least one weekly slot") List<@Valid WeeklySlotDto> weeklyAvailability,
        @Schema(description = "How many mentoring circles they lead at once, 0 to 3, apart from their one-to-one "
                + "capacity: a circle is a small group of mentees meeting the mentor together every week. Absent: 0 "
                + "for a new mentor; an update keeps the stored number", example = "1", minimum = "0", maximum = "3")
        Integer circles) {

    /** A mentor who leads no circle. */
    public CreateMentorRequest(String externalId, String name, String email, String institution, String country,
            String timeZone, List<String> languages, List<String> domains, List<String> topics, Integer capacity,
            String availableFrom, String availableUntil, List<WeeklySlotDto> weeklyAvailability) {
        this(externalId, name, email, institution, country, timeZone, languages, domains, topics, capacity,
                availableFrom, availableUntil, weeklyAvailability, null);
    }
}
