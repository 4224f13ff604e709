package org.mentoring.matching.circles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.WeeklySlot;

/** Small people for circle tests. */
final class People {

    static final LocalDate START = LocalDate.of(2027, 3, 1);

    private People() {
    }

    static List<WeeklySlot> slots(String... texts) {
        return java.util.Arrays.stream(texts).map(WeeklySlot::parse).toList();
    }

    static Mentor mentor(String id, String zone, Set<String> languages, int capacity, List<WeeklySlot> slots) {
        return new Mentor(id, "Mentor " + id, id + "@uni.example", "Uni " + id, "KE", ZoneId.of(zone), languages,
                List.of("planetary-health/climate-health"), Set.of(), capacity, START.minusMonths(1), null, slots);
    }

    static MentorshipRequest request(String id, String zone, Set<String> languages, List<String> domains,
            String country, String institution, Set<String> excluded, List<WeeklySlot> slots) {
        return new MentorshipRequest(id, "Researcher " + id, id + "@lab.example", institution, country,
                ZoneId.of(zone), CareerStage.POSTDOC, languages, domains, Set.of(), START, 6, 60, slots, List.of(),
                excluded, false);
    }

    static MentorshipRequest request(String id, String zone, List<WeeklySlot> slots) {
        return request(id, zone, Set.of("en"), List.of("planetary-health/climate-health"), "GH", "Lab " + id,
                Set.of(), slots);
    }
}
