package org.mentoring.matching.circles;

import java.util.List;
import java.util.Map;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * Builds the circle engine's inputs from today's records, which do not have {@code format} and {@code circles} yet:
 * both come as maps by externalId; a request missing from the map is ONE_TO_ONE, a mentor missing leads no circle.
 */
public final class CircleInputs {

    private CircleInputs() {
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
