package org.mentoring.people.persistence;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.WeeklySlot;

/** Maps mentors and requests between the domain records and their documents; sets are stored sorted. */
@Mapper
interface PeopleDocumentMapper {

    Mentor toMentor(MentorDocument document);

    MentorshipRequest toRequest(MentorshipRequestDocument document);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "pausedUntil", ignore = true)
    MentorDocument toDocument(Mentor mentor);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "status", ignore = true)
    @Mapping(target = "cycle", ignore = true)
    MentorshipRequestDocument toDocument(MentorshipRequest request);

    /** Copies a mentor's fields onto its stored document, keeping id, version and timestamps. */
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "pausedUntil", ignore = true)
    void update(Mentor mentor, @MappingTarget MentorDocument document);

    /** Copies a request's fields onto its stored document, keeping id, status, cycle, version and timestamps. */
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "status", ignore = true)
    @Mapping(target = "cycle", ignore = true)
    void update(MentorshipRequest request, @MappingTarget MentorshipRequestDocument document);

    default StoredMentor toStored(MentorDocument document) {
        return new StoredMentor(toMentor(document), versionOf(document.getVersion()), document.getCreatedAt(),
                document.getUpdatedAt());
    }

    /** A new request's document in its cycle. */
    default MentorshipRequestDocument toDocument(MentorshipRequest request, String cycle) {
        MentorshipRequestDocument document = toDocument(request);
        document.setCycle(cycle);
        return document;
    }

    default StoredRequest toStored(MentorshipRequestDocument document) {
        return new StoredRequest(toRequest(document),
                document.getStatus() == null ? RequestStatus.OPEN : document.getStatus(),
                versionOf(document.getVersion()), document.getCreatedAt(), document.getUpdatedAt(),
                document.getCycle());
    }

    private static long versionOf(Long version) {
        return version == null ? 0 : version;
    }

    default String zoneToText(ZoneId zone) {
        return zone == null ? null : zone.getId();
    }

    default ZoneId textToZone(String zone) {
        return zone == null ? null : ZoneId.of(zone);
    }

    default List<String> sorted(Set<String> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }

    default Set<String> toSet(Collection<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    default SlotDocument toDocument(WeeklySlot slot) {
        String end = slot.endMinuteOfDay() == 24 * 60 ? "24:00" : slot.end().toString();
        return new SlotDocument(slot.day(), slot.start().toString(), end);
    }

    default WeeklySlot toSlot(SlotDocument slot) {
        return new WeeklySlot(slot.day(), WeeklySlot.parseTime(slot.start()), WeeklySlot.parseTime(slot.end()));
    }
}
