package org.mentoring.api.people;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** One weekly window of availability, in its owner's local time. */
@Schema(description = "One weekly window of availability in the owner's time zone; end after start, 24:00 for "
        + "midnight; a slot never crosses midnight")
public record WeeklySlotDto(
        @Schema(description = "Day of the week, whole or its first three letters", example = "TUESDAY")
        @NotBlank(message = "is required")
        String day,
        @Schema(description = "Local start time HH:mm", example = "14:00")
        @NotBlank(message = "is required")
        @Pattern(regexp = "\\d{1,2}:\\d{2}", message = "must be written HH:mm")
        String start,
        @Schema(description = "Local end time HH:mm, after the start", example = "16:00")
        @NotBlank(message = "is required")
        @Pattern(regexp = "\\d{1,2}:\\d{2}", message = "must be written HH:mm")
        String end) {
}
