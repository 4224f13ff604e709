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

/** A mentor's whole profile replacing the stored one; the externalId is in the path. */
@Schema(description = "A mentor's whole profile, replacing the stored one, with the version last read (or send "
        + "that version in an If-Match header)")
public record UpdateMentorRequest(
        @Schema(description = "The version last read; the update is refused with 409 if the mentor changed since. "
                + "May be sent as If-Match instead", example = "3")
        Long version,
        @Schema(example = "Dr. A. Mwangi") @NotBlank(message = "is required") @Size(max = 200) String name,
        @Schema(example = "a.mwangi@example.org")
        @NotBlank(message = "is required") @Email(message = "must be a valid email address") String email,
        @Schema(example = "University of Nairobi") @Size(max = 200) String institution,
        @Schema(example = "KE") @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter ISO 3166-1 code") String country,
        @Schema(example = "Africa/Nairobi") @NotBlank(message = "is required") String timeZone,
        @NotEmpty(message = "needs at least one language") List<String> languages,
        @NotEmpty(message = "needs at least one taxonomy code") List<String> domains,
        List<String> topics,
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more")
        @Max(value = 100, message = "must be 100 or less") Integer capacity,
        @Schema(format = "date", example = "2026-01-01") @NotBlank(message = "is required") String availableFrom,
        @Schema(format = "date", example = "2026-12-31") String availableUntil,
        @NotEmpty(message = "needs at least one weekly slot") List<@Valid WeeklySlotDto> weeklyAvailability,
        @Schema(description = "How many mentoring circles they lead at once, 0 to 3, apart from their one-to-one "
                + "capacity: a circle is a small group of mentees meeting the mentor together every week. Absent: 0 "
                + "for a new mentor; an update keeps the stored number", example = "1", minimum = "0", maximum = "3")
        Integer circles) {

    /** An update that keeps the stored circles. */
    public UpdateMentorRequest(Long version, String name, String email, String institution, String country,
            String timeZone, List<String> languages, List<String> domains, List<String> topics, Integer capacity,
            String availableFrom, String availableUntil, List<WeeklySlotDto> weeklyAvailability) {
        this(version, name, email, institution, country, timeZone, languages, domains, topics, capacity,
                availableFrom, availableUntil, weeklyAvailability, null);
    }
}
