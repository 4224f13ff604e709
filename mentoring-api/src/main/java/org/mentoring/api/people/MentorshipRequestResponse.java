package org.mentoring.api.people;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mentoring.people.CareerStage;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.RequestStatus;

/** A stored mentorship request. */
@Schema(description = "A mentorship request as stored, with its status and the version an update must name")
public record MentorshipRequestResponse(
        String externalId,
        String name,
        String email,
        String institution,
        String country,
        String timeZone,
        CareerStage careerStage,
        List<String> languages,
        List<String> domains,
        List<String> goals,
        LocalDate startDate,
        int durationMonths,
        int minOverlapMinutes,
        List<WeeklySlotDto> weeklyAvailability,
        List<String> preferredMentorIds,
        List<String> excludedMentorIds,
        boolean priority,
        @Schema(description = "OPEN (waiting for a mentor; what a run places), PROPOSED, MATCHED or WITHDRAWN")
        RequestStatus status,
        @Schema(description = "Send it back with an update (field or If-Match); also the ETag") long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The code of the cycle the request belongs to; 'default' in a programme without cycles",
                example = "2027-spring")
        String cycle,
        @Schema(description = "ONE_TO_ONE (with a mentor), CIRCLE (in a mentoring circle) or EITHER",
                example = "ONE_TO_ONE")
        RequestFormat format) {
}
