package org.mentoring.matching.circles;

import java.util.List;
import java.util.Map;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;

/**
 * Builds the circle engine's inputs from the records: a request's {@code format} and a mentor's {@code circles}, or,
 * for tests and benchmarks, maps by externalId that override them (a request missing from the map is ONE_TO_ONE, a
 * mentor missing leads no circle).
 */
public final class CircleInputs {

    private CircleInputs() {
    }

    /** Each request in the format it asked for. */
    public static List<CircleRequest> requests(List<MentorshipRequest> requests) {
        return requests.stream().map(r -> new CircleRequest(r, r.format())).toList();
    }

    /** Each mentor with the circles they lead. */
    public static List<CircleMentor> mentors(List<Mentor> mentors) {
        return mentors.stream().map(m -> new CircleMentor(m, m.circles())).toList();
    }

    public static List<CircleRequest> requests(List<MentorshipRequest> requests, Map<String, RequestFormat> formats) {
        return requests.stream()
                .map(r -> new CircleRequest(r, formats.getOrDefault(r.externalId(), RequestFormat.ONE_TO_ONE)))
                .toList();
    }

    public static List<CircleMentor> mentors(List<Mentor> mentors, Map<String, Integer> circles) {
        return mentors.stream().map(m -> new CircleMentor(m, circles.getOrDefault(m.externalId(), 0))).toList();
    }
}
