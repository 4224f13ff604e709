package org.mentoring.demo;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mentoring.cycles.CycleInput;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;

/**
 * The two cycles the demo community lives in, dated from the day it is generated: the previous cycle, whose
 * mentorships ended three weeks ago, and the current one, open for requests from two weeks ago to a month from now.
 * Some of today's researchers had a mentor in the previous cycle and ask again now. Everything follows from the date
 * and the generated community, so the same seed and date give the same demo.
 */
final class DemoCycles {

    /** How many of the community's researchers had a mentor in the previous cycle. */
    static final int PREVIOUS_MENTEES = 40;

    final LocalDate today;
    final CycleInput previous;
    final CycleInput current;

    DemoCycles(LocalDate today) {
        this.today = today;
        LocalDate previousStart = today.minusDays(200);
        this.previous = cycle(today.minusDays(260), today.minusDays(215), previousStart, today.minusDays(20));
        LocalDate currentStart = today.plusDays(45);
        this.current = cycle(today.minusDays(14), today.plusDays(30), currentStart, currentStart.plusMonths(6));
    }

    private static CycleInput cycle(LocalDate open, LocalDate close, LocalDate starts, LocalDate ends) {
        String month = starts.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return new CycleInput(starts.getYear() + "-" + String.format("%02d", starts.getMonthValue()),
                month + " " + starts.getYear() + " cycle", open.toString(), close.toString(), starts.toString(),
                ends.toString());
    }

    /** The first day a current request may ask to start: the current cycle's start. */
    LocalDate currentStart() {
        return LocalDate.parse(current.startsOn());
    }

    /** One of the previous cycle's mentorships: the request, its mentor. */
    record PastPair(MentorshipRequest request, Mentor mentor) {
    }

    /**
     * The previous cycle's requests: the first {@value #PREVIOUS_MENTEES} researchers of the community, as they asked
     * then (starting with that cycle), each with the first mentor sharing a domain with them (else one in turn).
     */
    List<PastPair> previousPairs(List<MentorshipRequest> requests, List<Mentor> mentors) {
        List<PastPair> pairs = new ArrayList<>();
        LocalDate start = LocalDate.parse(previous.startsOn());
        for (int i = 0; i < Math.min(PREVIOUS_MENTEES, requests.size()); i++) {
            MentorshipRequest r = requests.get(i);
            MentorshipRequest then = new MentorshipRequest("r-prev-" + r.externalId().substring(2), r.name(),
                    r.email(), r.institution(), r.country(), r.timeZone(), r.careerStage(), r.languages(), r.domains(),
                    r.goals(), start, 6, r.minOverlapMinutes(), r.weeklyAvailability(), List.of(), r.excludedMentorIds(),
                    r.priority());
            int turn = i;
            Mentor mentor = mentors.stream()
                    .filter(m -> !r.excludedMentorIds().contains(m.externalId())
                            && Taxonomy.affinity(r.domains(), m.domains()) > 0)
                    .skip(i % 3).findFirst()
                    .orElse(mentors.get(turn % mentors.size()));
            pairs.add(new PastPair(then, mentor));
        }
        return pairs;
    }
}
