package org.mentoring.api.people;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.RequestInput;

/** Maps the people DTOs to the core's inputs and stored records to responses; sets come out sorted. */
@Mapper
public interface PeopleApiMapper {

    MentorInput toInput(CreateMentorRequest request);

    MentorInput toInput(String externalId, UpdateMentorRequest request);

    RequestInput toInput(CreateMentorshipRequestRequest request);

    RequestInput toInput(String externalId, UpdateMentorshipRequestRequest request);

    MentorResponse toResponse(Mentor mentor, long version, Instant createdAt, Instant updatedAt);

    MentorshipRequestResponse toResponse(MentorshipRequest request, RequestStatus status, long version,
            Instant createdAt, Instant updatedAt, String cycle);

    default MentorResponse toResponse(StoredMentor stored) {
        return toResponse(stored.mentor(), stored.version(), stored.createdAt(), stored.updatedAt());
    }

    default MentorshipRequestResponse toResponse(StoredRequest stored) {
        return toResponse(stored.request(), stored.status(), stored.version(), stored.createdAt(),
                stored.updatedAt(), stored.cycle());
    }

    default WeeklySlotDto toDto(WeeklySlot slot) {
        String end = slot.endMinuteOfDay() == 24 * 60 ? "24:00" : slot.end().toString();
        return new WeeklySlotDto(slot.day().name(), slot.start().toString(), end);
    }

    default String zone(ZoneId zone) {
        return zone == null ? null : zone.getId();
    }

    default List<String> sorted(Set<String> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }
}
