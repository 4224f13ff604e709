package org.mentoring.api.people;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored mentor. */
@Schema(description = "A mentor as stored, with the version an update must name")
public record MentorResponse(
        String externalId,
        String name,
        String email,
        String institution,
        String country,
        String timeZone,
        List<String> languages,
        List<String> domains,
        List<String> topics,
        int capacity,
        LocalDate availableFrom,
        LocalDate availableUntil,
        List<WeeklySlotDto> weeklyAvailability,
        @Schema(description = "Send it back with an update (field or If-Match); also the ETag") long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "How many mentoring circles they lead at once, apart from their one-to-one capacity",
                example = "1")
        int circles) {
}
