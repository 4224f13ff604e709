package org.mentoring.matching.circles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.WeeklySlot;

/**
 * A request as the circle engine sees it: today's request (id, zone, languages, domains, weekly availability, start
 * date, excluded mentors, priority, country, institution) and the format it accepts.
 */
public record CircleRequest(MentorshipRequest request, RequestFormat format) {

    public CircleRequest {
        Objects.requireNonNull(request, "request");
        format = format == null ? RequestFormat.ONE_TO_ONE : format;
    }

    public String id() {
        return request.externalId();
    }

    public ZoneId timeZone() {
        return request.timeZone();
    }

    public Set<String> languages() {
        return request.languages();
    }

    public List<String> domains() {
        return request.domains();
    }

    public List<WeeklySlot> weeklyAvailability() {
        return request.weeklyAvailability();
    }

    public LocalDate startDate() {
        return request.startDate();
    }

    public Set<String> excludedMentorIds() {
        return request.excludedMentorIds();
    }

    public boolean priority() {
        return request.priority();
    }

    public String country() {
        return request.country();
    }

    public String institution() {
        return request.institution();
    }
}
