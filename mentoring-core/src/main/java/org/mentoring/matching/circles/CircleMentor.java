package org.mentoring.matching.circles;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mentoring.people.Mentor;
import org.mentoring.people.WeeklySlot;

/**
 * A mentor as the circle engine sees it: today's profile (id, zone, languages, domains, availability, dates,
 * one-to-one capacity) and {@code circles}, how many circles they lead at once apart from that capacity.
 */
public record CircleMentor(Mentor mentor, int circles) {

    public CircleMentor {
        Objects.requireNonNull(mentor, "mentor");
        if (circles < 0) {
            throw new IllegalArgumentException("circles must not be negative");
        }
    }

    public String id() {
        return mentor.externalId();
    }

    public ZoneId timeZone() {
        return mentor.timeZone();
    }

    public Set<String> languages() {
        return mentor.languages();
    }

    public List<String> domains() {
        return mentor.domains();
    }

    public List<WeeklySlot> weeklyAvailability() {
        return mentor.weeklyAvailability();
    }

    public int capacity() {
        return mentor.capacity();
    }
}
