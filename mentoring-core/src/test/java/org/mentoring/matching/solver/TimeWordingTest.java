package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.People;
import org.mentoring.people.WeeklySlot;
import org.mentoring.time.WeeklyOverlap;

/**
 * The time line of an explanation writes each window once per local time and sorts the windows without boxing; it
 * reads word for word as the straightforward wording below (each reader's windows sorted, each written in full), on
 * random weeks in zones with half- and quarter-hour offsets, windows across the end of the week, and more than four
 * windows.
 */
class TimeWordingTest {

    private static final List<String> ZONES = List.of("UTC", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham",
            "Pacific/Kiritimati", "Pacific/Pago_Pago", "Africa/Nairobi", "America/Vancouver", "Asia/Kolkata",
            "Europe/Berlin");

    @Property(tries = 300, seed = "20261206")
    void theTimeLineReadsAsTheStraightforwardWording(@ForAll long seed) {
        Random random = new Random(seed);
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        MentorshipRequest request = People.request("r").zone(ZONES.get(random.nextInt(ZONES.size())))
                .startDate(start).build();
        request = new MentorshipRequest(request.externalId(), request.name(), request.email(), request.institution(),
                request.country(), request.timeZone(), request.careerStage(), request.languages(), request.domains(),
                request.goals(), request.startDate(), request.durationMonths(), request.minOverlapMinutes(),
                slots(random), request.preferredMentorIds(), request.excludedMentorIds(), request.priority(),
                request.format());
        Mentor m = People.mentor("m").zone(ZONES.get(random.nextInt(ZONES.size()))).build();
        Mentor mentor = new Mentor(m.externalId(), m.name(), m.email(), m.institution(), m.country(), m.timeZone(),
                m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(), m.availableUntil(),
                slots(random), m.circles());
        int overlap = new PairEvaluator().overlapMinutes(request, mentor);

        assertThat(Explanations.time(request, mentor, overlap)).isEqualTo(straightforward(request, mentor, overlap));
    }

    @org.junit.jupiter.api.Test
    void everyTimeOfDayReadsAsTheFormattedOne() {
        for (int minute = 0; minute < 24 * 60; minute++) {
            assertThat(WeeklyOverlap.describe(minute, minute + 1, ZoneOffset.UTC)).isEqualTo(String.format(
                    "Mon %02d:%02d-%02d:%02d", minute / 60, minute % 60, (minute + 1) / 60, (minute + 1) % 60));
        }
    }

    private static List<WeeklySlot> slots(Random random) {
        List<WeeklySlot> slots = new ArrayList<>();
        for (int n = 1 + random.nextInt(7); n > 0; n--) {
            int from = random.nextInt(24 * 4) * 15;
            int to = Math.min(24 * 60 - 15, from + 15 * (1 + random.nextInt(24)));
            if (to <= from) {
                continue;
            }
            DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
            slots.add(new WeeklySlot(day, LocalTime.ofSecondOfDay(from * 60L), LocalTime.ofSecondOfDay(to * 60L)));
        }
        if (random.nextBoolean()) {
            slots.add(new WeeklySlot(DayOfWeek.SUNDAY, LocalTime.of(20, 0), LocalTime.of(23, 45)));
            slots.add(new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(0, 0), LocalTime.of(3, 0)));
        }
        return slots;
    }

    /** The wording as it was written before: every reader's windows listed and sorted, each window written in full. */
    private static Wording straightforward(MentorshipRequest request, Mentor mentor, int overlapMinutes) {
        ZoneOffset requestOffset = WeeklyOverlap.offsetOn(request.timeZone(), request.startDate());
        ZoneOffset mentorOffset = WeeklyOverlap.offsetOn(mentor.timeZone(), request.startDate());
        int[] common = WeeklyOverlap.intersectionIntervals(
                WeeklyOverlap.toUtcWeek(request.weeklyAvailability(), requestOffset),
                WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(), mentorOffset));
        String together = Explanations.duration(overlapMinutes) + " a week together: ";
        return new Wording(
                together + windows(common, requestOffset, mentorOffset, " your time (", " in " + mentor.timeZone()),
                together + windows(common, mentorOffset, requestOffset, " your time (",
                        " theirs, in " + request.timeZone()),
                together + windows(common, requestOffset, mentorOffset, " researcher's time (", " mentor's time")
                        + "; researcher in " + request.timeZone() + ", mentor in " + mentor.timeZone());
    }

    private static String windows(int[] common, ZoneOffset reader, ZoneOffset other, String readerLabel,
            String otherLabel) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < common.length; i += 2) {
            spans.add(new int[] {common[i], common[i + 1]});
        }
        int last = spans.size() - 1;
        if (last > 0 && spans.get(0)[0] == 0 && spans.get(last)[1] == WeeklyOverlap.MINUTES_PER_WEEK) {
            spans.get(0)[0] = spans.remove(last)[0] - WeeklyOverlap.MINUTES_PER_WEEK;
        }
        int shift = reader.getTotalSeconds() / 60;
        spans.sort(Comparator.comparingInt(span -> Math.floorMod(span[0] + shift, WeeklyOverlap.MINUTES_PER_WEEK)));
        List<String> windows = new ArrayList<>();
        for (int i = 0; i < spans.size() && windows.size() < 4; i++) {
            int[] span = spans.get(i);
            windows.add(WeeklyOverlap.describe(span[0], span[1], reader) + readerLabel
                    + WeeklyOverlap.describe(span[0], span[1], other) + otherLabel + ")");
        }
        return String.join(", ", windows) + (spans.size() > windows.size() ? " and more" : "");
    }
}
