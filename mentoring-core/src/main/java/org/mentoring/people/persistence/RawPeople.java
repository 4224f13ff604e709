package org.mentoring.people.persistence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.WeeklySlot;

/**
 * Mentors and requests straight from their stored documents, field by field, exactly as {@link PeopleDocumentMapper}
 * makes them from the mapped {@link MentorDocument} and {@link MentorshipRequestDocument}: for the reads of a whole
 * community (a matching run's), where Spring Data's reflective mapping of every document cost more than reading it.
 * Dates are the driver's (midnight UTC, as the store's conversions write them); a missing number is 0, a missing
 * set empty, a missing list null.
 */
final class RawPeople {

    private RawPeople() {
    }

    static Mentor mentor(Document d) {
        return new Mentor(d.getString("externalId"), d.getString("name"), d.getString("email"),
                d.getString("institution"), d.getString("country"), zone(d.getString("timeZone")),
                set(d, "languages"), list(d, "domains"), set(d, "topics"), number(d, "capacity"),
                date(d, "availableFrom"), date(d, "availableUntil"), slots(d), number(d, "circles"));
    }

    static MentorshipRequest request(Document d) {
        String stage = d.getString("careerStage");
        String format = d.getString("format");
        return new MentorshipRequest(d.getString("externalId"), d.getString("name"), d.getString("email"),
                d.getString("institution"), d.getString("country"), zone(d.getString("timeZone")),
                stage == null ? null : CareerStage.valueOf(stage), set(d, "languages"), list(d, "domains"),
                set(d, "goals"), date(d, "startDate"), number(d, "durationMonths"), number(d, "minOverlapMinutes"),
                slots(d), list(d, "preferredMentorIds"), set(d, "excludedMentorIds"),
                Boolean.TRUE.equals(d.getBoolean("priority")), format == null ? null : RequestFormat.valueOf(format));
    }

    private static java.time.ZoneId zone(String zone) {
        return zone == null ? null : java.time.ZoneId.of(zone);
    }

    private static int number(Document d, String key) {
        Object value = d.get(key);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static LocalDate date(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }

    private static Set<String> set(Document d, String key) {
        List<String> values = d.getList(key, String.class);
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private static List<String> list(Document d, String key) {
        return d.getList(key, String.class); // the record copies it
    }

    private static List<WeeklySlot> slots(Document d) {
        List<Document> slots = d.getList("weeklyAvailability", Document.class);
        if (slots == null) {
            return null;
        }
        List<WeeklySlot> result = new ArrayList<>(slots.size());
        for (Document slot : slots) {
            String day = slot.getString("day");
            result.add(new WeeklySlot(day == null ? null : DayOfWeek.valueOf(day),
                    WeeklySlot.parseTime(slot.getString("start")), WeeklySlot.parseTime(slot.getString("end"))));
        }
        return result;
    }
}
