package org.mentoring.matching.solver;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.WeeklySlot;

/**
 * The unmatched reasons count a mentor as having enough time without computing it when they share enough half hours
 * that both fill entirely; they are still word for word those of checking every mentor, on weeks in quarter hours,
 * zones with half- and quarter-hour offsets and minimums from none to more than 90 minutes.
 */
class DiagnoseByBucketsTest {

    private static final List<String> ZONES = List.of("UTC", "Asia/Kathmandu", "America/St_Johns", "Asia/Kolkata",
            "Europe/Berlin", "America/Vancouver", "Pacific/Chatham");
    private static final int[] MINIMUMS = {0, 15, 30, 45, 60, 61, 90, 91, 120};

    @Property(tries = 15, seed = "20261207")
    void theReasonsAreThoseOfCheckingEveryMentor(@ForAll long seed,
            @ForAll @IntRange(min = 5, max = 100) int requestCount, @ForAll @IntRange(min = 1, max = 80) int mentorCount) {
        CommunityGenerator.Community community = new CommunityGenerator(seed).generate(requestCount, mentorCount);
        Random random = new Random(seed);
        List<Mentor> mentors = new ArrayList<>();
        for (Mentor m : community.mentors()) {
            mentors.add(new Mentor(m.externalId(), m.name(), m.email(), m.institution(), m.country(),
                    ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))), m.languages(), m.domains(), m.topics(),
                    m.capacity(), m.availableFrom(), m.availableUntil(), slots(random), m.circles()));
        }
        List<MentorshipRequest> requests = new ArrayList<>();
        for (MentorshipRequest r : community.requests()) {
            requests.add(new MentorshipRequest(r.externalId(), r.name(), r.email(), r.institution(), r.country(),
                    ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))), r.careerStage(), r.languages(), r.domains(),
                    r.goals(), r.startDate(), r.durationMonths(), MINIMUMS[random.nextInt(MINIMUMS.length)],
                    slots(random), r.preferredMentorIds(), r.excludedMentorIds(), r.priority(), r.format()));
        }
        PairIndexTest.assertTheIndexGivesTheEvaluatorsReasons(requests, mentors, random);
    }

    private static List<WeeklySlot> slots(Random random) {
        List<WeeklySlot> slots = new ArrayList<>();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            int from = random.nextInt(24 * 4) * 15;
            int to = Math.min(24 * 60 - 15, from + 15 * (1 + random.nextInt(16)));
            if (to > from) {
                slots.add(new WeeklySlot(DayOfWeek.of(1 + random.nextInt(7)), LocalTime.ofSecondOfDay(from * 60L),
                        LocalTime.ofSecondOfDay(to * 60L)));
            }
        }
        return slots;
    }
}
