package org.mentoring.matching.circles;

import static org.mentoring.matching.circles.People.START;
import static org.mentoring.matching.circles.People.mentor;
import static org.mentoring.matching.circles.People.request;
import static org.mentoring.matching.circles.People.slots;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.time.WeeklyOverlap;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** One test per rule of pairs and circles, each with the exact penalty or reward. */
class CircleConstraintProviderTest {

    private final ConstraintVerifier<CircleConstraintProvider, CircleSolution> verifier = ConstraintVerifier
            .build(new CircleConstraintProvider(), CircleSolution.class, Seat.class, Circle.class);

    private CircleSettings settings = new CircleSettings(3, 4, 60, START);
    private int next;

    private CircleSlot slot(Mentor mentor, int circles) {
        int[] week = WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(),
                WeeklyOverlap.offsetOn(mentor.timeZone(), settings.startDate()));
        return new CircleSlot(new CircleMentor(mentor, circles), 0, 1, week,
                mentor.isAvailableOn(settings.startDate()), settings, new CircleWeights(2, 1));
    }

    private Seat seat(MentorshipRequest request, RequestFormat format, Place place) {
        int[] week = WeeklyOverlap.toUtcWeek(request.weeklyAvailability(),
                WeeklyOverlap.offsetOn(request.timeZone(), settings.startDate()));
        Seat seat = new Seat(next++, new CircleRequest(request, format), week, Set.of(0), Map.of(0, 10L), List.of());
        seat.setPlace(place);
        return seat;
    }

    private Seat member(Place place) {
        return seat(request("r" + next, "UTC", slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, place);
    }

    private static Mentor utcMentor() {
        return mentor("m", "UTC", Set.of("en", "fr"), 2, slots("TUE 13:00-17:00"));
    }

    private static int minute(java.time.DayOfWeek day, int hour, int min) {
        return (day.getValue() - 1) * 1440 + hour * 60 + min;
    }

    @Test
    void aCircleHoldsMinSizeToMaxSizeMembers() {
        CircleSlot slot = slot(utcMentor(), 1);
        Circle circle = new Circle(0, slot, minute(java.time.DayOfWeek.TUESDAY, 14, 0));
        verifier.verifyThat(CircleConstraintProvider::circleSize)
                .given(circle, member(slot), member(slot)).penalizesBy(1);
        verifier.verifyThat(CircleConstraintProvider::circleSize)
                .given(circle, member(slot), member(slot), member(slot)).penalizesBy(0);
        verifier.verifyThat(CircleConstraintProvider::circleSize)
                .given(circle, member(slot), member(slot), member(slot), member(slot), member(slot), member(slot))
                .penalizesBy(2);
        // A slot nobody sits in is a closed circle, not a small one.
        verifier.verifyThat(CircleConstraintProvider::circleSize).given(circle, member(null)).penalizesBy(0);
    }

    @Test
    void theMeetingLiesInsideEveryMembersWeek() {
        CircleSlot slot = slot(utcMentor(), 1);
        Circle circle = new Circle(0, slot, minute(java.time.DayOfWeek.TUESDAY, 14, 30));
        Seat late = seat(request("late", "UTC", slots("TUE 15:00-18:00")), RequestFormat.CIRCLE, slot);
        verifier.verifyThat(CircleConstraintProvider::memberMeeting)
                .given(circle, member(slot), member(slot), late).penalizesBy(1);
        circle.setMeeting(minute(java.time.DayOfWeek.TUESDAY, 15, 0));
        verifier.verifyThat(CircleConstraintProvider::memberMeeting)
                .given(circle, member(slot), member(slot), late).penalizesBy(0);
    }

    @Test
    void theMeetingLiesInsideTheMentorsWeek() {
        CircleSlot slot = slot(utcMentor(), 1);
        Circle circle = new Circle(0, slot, minute(java.time.DayOfWeek.TUESDAY, 16, 30));
        verifier.verifyThat(CircleConstraintProvider::mentorMeeting).given(circle, member(slot)).penalizesBy(1);
        // A closed circle's meeting time does not matter.
        verifier.verifyThat(CircleConstraintProvider::mentorMeeting).given(circle).penalizesBy(0);
        circle.setMeeting(minute(java.time.DayOfWeek.TUESDAY, 16, 0));
        verifier.verifyThat(CircleConstraintProvider::mentorMeeting).given(circle, member(slot)).penalizesBy(0);
    }

    @Test
    void meetingWindowsAcrossTheDateLine() {
        // Auckland is UTC+13 in March: a Tuesday 09:00-11:00 there is Monday 20:00-22:00 UTC, which is Monday
        // 10:00-12:00 in Honolulu (UTC-10). One meeting fits both though their days differ.
        Mentor auckland = mentor("nz", "Pacific/Auckland", Set.of("en"), 0, slots("TUE 09:00-11:00"));
        CircleSlot slot = slot(auckland, 1);
        Circle circle = new Circle(0, slot, minute(java.time.DayOfWeek.MONDAY, 20, 0));
        Seat honolulu = seat(request("hi", "Pacific/Honolulu", slots("MON 10:00-12:00")), RequestFormat.CIRCLE,
                slot);
        Seat tuesdayHonolulu = seat(request("hi2", "Pacific/Honolulu", slots("TUE 10:00-12:00")),
                RequestFormat.CIRCLE, slot);
        verifier.verifyThat(CircleConstraintProvider::mentorMeeting).given(circle, honolulu).penalizesBy(0);
        verifier.verifyThat(CircleConstraintProvider::memberMeeting).given(circle, honolulu).penalizesBy(0);
        verifier.verifyThat(CircleConstraintProvider::memberMeeting).given(circle, tuesdayHonolulu).penalizesBy(1);

        // A meeting that starts on Sunday 23:30 UTC and ends on Monday 00:30 UTC wraps around the week:
        // Monday 12:30-13:30 in Auckland, Sunday 13:30-14:30 in Honolulu.
        Mentor aucklandMonday = mentor("nz2", "Pacific/Auckland", Set.of("en"), 0, slots("MON 12:00-14:00"));
        CircleSlot mondaySlot = slot(aucklandMonday, 1);
        Circle wrapping = new Circle(1, mondaySlot, minute(java.time.DayOfWeek.SUNDAY, 23, 30));
        Seat sunday = seat(request("hi3", "Pacific/Honolulu", slots("SUN 13:00-15:00")), RequestFormat.CIRCLE,
                mondaySlot);
        Seat sundayTooEarly = seat(request("hi4", "Pacific/Honolulu", slots("SUN 13:00-14:00")),
                RequestFormat.CIRCLE, mondaySlot);
        verifier.verifyThat(CircleConstraintProvider::mentorMeeting).given(wrapping, sunday).penalizesBy(0);
        verifier.verifyThat(CircleConstraintProvider::memberMeeting).given(wrapping, sunday, sundayTooEarly)
                .penalizesBy(1);
    }

    @Test
    void meetingWindowsAcrossADaylightSavingChange() {
        // New York moves to summer time on 14 March 2027, London only on 28 March. A Tuesday 10:00-11:00 in New York
        // is 14:00-15:00 UTC on 15 March but 15:00-16:00 UTC on 1 March; London's Tuesday 14:00-15:00 is 14:00 UTC.
        Mentor london = mentor("uk", "Europe/London", Set.of("en"), 0, slots("TUE 14:00-15:00"));
        MentorshipRequest newYork = request("ny", "America/New_York", slots("TUE 10:00-11:00"));
        int tuesday14 = minute(java.time.DayOfWeek.TUESDAY, 14, 0);

        settings = new CircleSettings(3, 4, 60, LocalDate.of(2027, 3, 15));
        CircleSlot summer = slot(london, 1);
        verifier.verifyThat(CircleConstraintProvider::memberMeeting)
                .given(new Circle(0, summer, tuesday14), seat(newYork, RequestFormat.CIRCLE, summer))
                .penalizesBy(0);

        settings = new CircleSettings(3, 4, 60, LocalDate.of(2027, 3, 1));
        CircleSlot winter = slot(london, 1);
        verifier.verifyThat(CircleConstraintProvider::memberMeeting)
                .given(new Circle(0, winter, tuesday14), seat(newYork, RequestFormat.CIRCLE, winter))
                .penalizesBy(1);
    }

    @Test
    void allMembersAndTheMentorShareOneLanguage() {
        CircleSlot slot = slot(utcMentor(), 1);
        Seat english = seat(request("en", "UTC", Set.of("en", "es"), List.of(), "GH", "A", Set.of(),
                slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, slot);
        Seat french = seat(request("fr", "UTC", Set.of("fr", "es"), List.of(), "GH", "A", Set.of(),
                slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, slot);
        Seat both = seat(request("both", "UTC", Set.of("fr", "en"), List.of(), "GH", "A", Set.of(),
                slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, slot);
        // Each pair of them shares a language, and everyone shares one with the mentor, but no one language is
        // everyone's: Spanish is not the mentor's.
        verifier.verifyThat(CircleConstraintProvider::oneLanguage).given(english, french, both).penalizesBy(1);
        verifier.verifyThat(CircleConstraintProvider::oneLanguage).given(english, both).penalizesBy(0);
        verifier.verifyThat(CircleConstraintProvider::oneLanguage).given(french, both).penalizesBy(0);
    }

    @Test
    void theMentorIsAvailableOnTheStartDate() {
        Mentor later = new Mentor("late", "Late", null, "U", "KE", java.time.ZoneId.of("UTC"), Set.of("en"),
                List.of(), Set.of(), 1, START.plusDays(1), null, slots("TUE 13:00-17:00"));
        Mentor ended = new Mentor("ended", "Ended", null, "U", "KE", java.time.ZoneId.of("UTC"), Set.of("en"),
                List.of(), Set.of(), 1, START.minusYears(1), START.minusDays(1), slots("TUE 13:00-17:00"));
        CircleSlot lateSlot = slot(later, 1);
        CircleSlot endedSlot = slot(ended, 1);
        CircleSlot fine = slot(utcMentor(), 1);
        verifier.verifyThat(CircleConstraintProvider::mentorAvailable)
                .given(member(lateSlot), member(lateSlot), member(endedSlot), member(fine)).penalizesBy(3);
    }

    @Test
    void noMemberExcludesTheMentor() {
        CircleSlot slot = slot(utcMentor(), 1);
        Seat excluding = seat(request("x", "UTC", Set.of("en"), List.of(), "GH", "A", Set.of("m"),
                slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, slot);
        Seat themself = seat(request("m", "UTC", slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, slot);
        verifier.verifyThat(CircleConstraintProvider::noConflict)
                .given(excluding, themself, member(slot)).penalizesBy(2);
    }

    @Test
    void aRequestIsPlacedOnlyInAFormatItAccepts() {
        CircleSlot slot = slot(utcMentor(), 1);
        PairPlace pair = new PairPlace(new CircleMentor(utcMentor(), 1), 0, 0);
        MentorshipRequest r = request("r", "UTC", slots("TUE 14:00-16:00"));
        verifier.verifyThat(CircleConstraintProvider::format)
                .given(seat(r, RequestFormat.ONE_TO_ONE, slot), seat(r, RequestFormat.CIRCLE, pair),
                        seat(r, RequestFormat.EITHER, slot), seat(r, RequestFormat.EITHER, pair),
                        seat(r, RequestFormat.ONE_TO_ONE, pair), seat(r, RequestFormat.CIRCLE, slot),
                        seat(r, RequestFormat.CIRCLE, null))
                .penalizesBy(2);
    }

    @Test
    void aPairKeepsTodaysPairRulesAndCapacity() {
        PairPlace allowed = new PairPlace(new CircleMentor(utcMentor(), 0), 0, 0);
        PairPlace other = new PairPlace(new CircleMentor(mentor("o", "UTC", Set.of("fr"), 1, slots()), 0), 1, 0);
        MentorshipRequest r = request("r", "UTC", slots("TUE 14:00-16:00"));
        verifier.verifyThat(CircleConstraintProvider::pairRules)
                .given(seat(r, RequestFormat.ONE_TO_ONE, allowed), seat(r, RequestFormat.ONE_TO_ONE, other))
                .penalizesBy(1);
        // Capacity 2: three mentees are one too many; circle seats do not count.
        CircleSlot slot = slot(utcMentor(), 1);
        verifier.verifyThat(CircleConstraintProvider::capacity)
                .given(seat(r, RequestFormat.EITHER, allowed), seat(r, RequestFormat.EITHER, allowed),
                        seat(r, RequestFormat.EITHER, allowed), member(slot), member(slot))
                .penalizesBy(1);
    }

    @Test
    void anUnplacedRequestCostsOneMediumPairAndCircleAlike() {
        CircleSlot slot = slot(utcMentor(), 1);
        PairPlace pair = new PairPlace(new CircleMentor(utcMentor(), 1), 0, 0);
        MentorshipRequest r = request("r", "UTC", slots("TUE 14:00-16:00"));
        verifier.verifyThat(CircleConstraintProvider::unmatched)
                .given(seat(r, RequestFormat.CIRCLE, null), seat(r, RequestFormat.ONE_TO_ONE, null),
                        seat(r, RequestFormat.EITHER, slot), seat(r, RequestFormat.EITHER, pair))
                .penalizesBy(2);
    }

    @Test
    void everyMemberEarnsThePairValueWithTheMentor() {
        CircleSlot slot = slot(utcMentor(), 1);
        PairPlace pair = new PairPlace(new CircleMentor(utcMentor(), 1), 0, 0);
        MentorshipRequest r = request("r", "UTC", slots("TUE 14:00-16:00"));
        verifier.verifyThat(CircleConstraintProvider::pairValue)
                .given(seat(r, RequestFormat.EITHER, slot), seat(r, RequestFormat.EITHER, pair),
                        seat(r, RequestFormat.EITHER, null))
                .rewardsWith(20);
    }

    @Test
    void loadBalanceCountsOneToOneMentees() {
        PairPlace pair = new PairPlace(new CircleMentor(utcMentor(), 1), 0, 3);
        CircleSlot slot = slot(utcMentor(), 1);
        MentorshipRequest r = request("r", "UTC", slots("TUE 14:00-16:00"));
        verifier.verifyThat(CircleConstraintProvider::loadBalance)
                .given(seat(r, RequestFormat.EITHER, pair), seat(r, RequestFormat.EITHER, pair), member(slot))
                .penalizesBy(12);
    }

    @Test
    void coherenceAndMixRewardEachTwoMembers() {
        CircleSlot slot = slot(utcMentor(), 1);
        CircleSlot otherSlot = slot(utcMentor(), 1);
        List<Seat> seats = new ArrayList<>();
        // a and b share heat-health; c shares nothing. a, b in Ghana; c in Kenya. All at different institutions.
        seats.add(seat(request("a", "UTC", Set.of("en"), List.of("ph/heat", "ph/water"), "GH", "Lab A", Set.of(),
                slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, slot));
        seats.add(seat(request("b", "UTC", Set.of("en"), List.of("ph/heat"), "gh ", "Lab B", Set.of(),
                slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, slot));
        seats.add(seat(request("c", "UTC", Set.of("en"), List.of("ph/air"), "KE", "Lab C", Set.of(),
                slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, slot));
        // In another circle: pairs across circles never count.
        seats.add(seat(request("d", "UTC", Set.of("en"), List.of("ph/heat"), "KE", "Lab A", Set.of(),
                slots("TUE 14:00-16:00")), RequestFormat.CIRCLE, otherSlot));
        Object[] facts = seats.toArray();
        verifier.verifyThat(CircleConstraintProvider::coherence).given(facts).rewardsWith(2);
        // a-b: institution (1); a-c: country + institution (2); b-c: country + institution (2).
        verifier.verifyThat(CircleConstraintProvider::mix).given(facts).rewardsWith(5);
    }
}
