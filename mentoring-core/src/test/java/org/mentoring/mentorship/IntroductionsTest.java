package org.mentoring.mentorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.withSlots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.audit.AuditService;
import org.mentoring.common.InvalidInputException;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.WeightsDocument;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.matching.solver.Wording;
import org.mentoring.notification.Notification;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.input.SlotInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/**
 * When both sides accept, each gets the other's contact and the weekly times they share in their own local time,
 * with the programme's first steps, once.
 */
@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class IntroductionsTest {

    @Autowired
    LifecycleService lifecycle;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    NotificationService notifications;
    @Autowired
    IntroductionSettings settings;
    @Autowired
    Introductions introductions;
    @Autowired
    AuditService audit;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
    }

    @Test
    void bothSidesGetTheOthersContactAndTheirSharedTimesInTheirOwnLocalTimeOnce() {
        // Nairobi (+03:00) Tuesday 14:00-16:00 is 11:00-13:00 UTC; Vancouver (-08:00 on 1 February) Tuesday
        // 02:00-04:00 is 10:00-12:00 UTC: they share 11:00-12:00 UTC
        mentors.create(withSlots(mentor("m-1"), new SlotInput("TUESDAY", "14:00", "16:00")));
        requests.create(request("r-1", "America/Vancouver", new SlotInput("TUESDAY", "02:00", "04:00")));
        settings.changeFirstSteps("  Meet within two weeks.\r\nAgree on your goals.  ", "coordinator@example.org",
                "127.0.0.1");
        Instant at = Instant.parse("2026-01-10T10:00:00Z");
        mongo.insert(new MatchingRunDocument("run-1", RunStatus.COMPLETED, 30, new WeightsDocument(10, 8, 6, 2, 12, 1,
                1), 1, "OptaPlanner", "0hard/0medium/10soft", true, 1, 1, 0, 1, List.of(), at, at, at, null, null,
                null, null));
        mongo.insert(ProposalDocument.draft("run-1-000001", "run-1", "r-1", "m-1", Explanation.of(List.of(
                new Wording("a", "b", "c"))), 10, 60, true));
        lifecycle.publish("run-1", "coordinator@example.org", null);

        lifecycle.answer("run-1-000001", Side.RESEARCHER, Answer.ACCEPTED, "r-1@example.org", false, null);
        assertThat(introductionsTo("r-1@example.org")).isEmpty();
        lifecycle.answer("run-1-000001", Side.MENTOR, Answer.ACCEPTED, "m-1@example.org", false, null);
        introductions.introduce("run-1-000001");

        List<Notification> toResearcher = introductionsTo("r-1@example.org");
        assertThat(toResearcher).hasSize(1);
        assertThat(toResearcher.get(0).subject()).isEqualTo("Your mentorship starts: meet Dr. A. Mwangi");
        assertThat(toResearcher.get(0).body()).contains("Your mentor: Dr. A. Mwangi", "Email: m-1@example.org",
                "Institution: University of Nairobi", "Time zone: Nairobi (Eastern Africa Time, UTC+03:00)",
                "- Tuesdays 03:00-04:00 (your time: Vancouver, Pacific Time, UTC-08:00)",
                "runs from 1 February 2026 to 1 August 2026",
                // Vancouver moves its clocks in March
                "when clocks change for summer or winter time",
                "First steps the programme suggests:\nMeet within two weeks.\nAgree on your goals.",
                "/my-request");
        List<Notification> toMentor = introductionsTo("m-1@example.org");
        assertThat(toMentor).hasSize(1);
        assertThat(toMentor.get(0).subject()).isEqualTo("Your mentorship starts: meet J. Singh");
        assertThat(toMentor.get(0).body()).contains("Your mentee: J. Singh", "Email: r-1@example.org",
                "Institution: University of British Columbia", "Time zone: Vancouver (Pacific Time, UTC-08:00)",
                "- Tuesdays 14:00-15:00 (your time: Nairobi, Eastern Africa Time, UTC+03:00)", "Meet within two weeks.", "/mentor");
        assertThat(audit.list(IntroductionSettings.ACTION, null, 0, 5).getContent()).hasSize(1);
    }

    @Test
    void sharedTimesAcrossMidnightAndTheEndOfTheWeekAreOneTimeInTheReadersDays() {
        LocalDate date = LocalDate.of(2026, 2, 1);
        ZoneId vancouver = ZoneId.of("America/Vancouver");
        ZoneId nairobi = ZoneId.of("Africa/Nairobi");
        // Vancouver Monday 23:00-24:00 and Tuesday 00:00-01:00 are Tuesday 07:00-09:00 UTC, Nairobi 10:00-12:00
        List<WeeklySlot> researcher = List.of(slot("MONDAY", "23:00", "00:00"), slot("TUESDAY", "00:00", "01:00"));
        List<WeeklySlot> mentor = List.of(slot("TUESDAY", "10:00", "12:00"));
        assertThat(Introductions.sharedTimes(researcher, vancouver, mentor, nairobi, date))
                .containsExactly("Mondays 23:00 to Tuesdays 01:00 (your time: Vancouver, Pacific Time, UTC-08:00)");
        assertThat(Introductions.sharedTimes(mentor, nairobi, researcher, vancouver, date))
                .containsExactly("Tuesdays 10:00-12:00 (your time: Nairobi, Eastern Africa Time, UTC+03:00)");
        // Sunday 22:00 to Monday 02:00 in Nairobi is Sunday 19:00-23:00 UTC; Sunday 11:00-15:00 in Vancouver
        List<WeeklySlot> late = List.of(slot("SUNDAY", "22:00", "00:00"), slot("MONDAY", "00:00", "02:00"));
        List<WeeklySlot> sunday = List.of(slot("SUNDAY", "09:00", "17:00"));
        assertThat(Introductions.sharedTimes(late, nairobi, sunday, vancouver, date))
                .containsExactly("Sundays 22:00 to Mondays 02:00 (your time: Nairobi, Eastern Africa Time, UTC+03:00)");
        assertThat(Introductions.sharedTimes(sunday, vancouver, late, nairobi, date))
                .containsExactly("Sundays 11:00-15:00 (your time: Vancouver, Pacific Time, UTC-08:00)");
        assertThat(Introductions.sharedTimes(sunday, vancouver, mentor, nairobi, date)).isEmpty();
    }

    @Test
    void theFirstStepsAreTheDefaultUntilChangedAndBadTextChangesNothing() {
        assertThat(settings.firstSteps()).isEqualTo(IntroductionSettings.DEFAULT_FIRST_STEPS);
        for (String bad : new String[] {null, "   ", "x".repeat(IntroductionSettings.MAX_FIRST_STEPS + 1),
            "Meet\u202Esoon"}) {
            assertThatThrownBy(() -> settings.changeFirstSteps(bad, "coordinator@example.org", null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(InvalidInputException.FieldError::field).containsExactly("firstSteps"));
        }
        assertThat(settings.firstSteps()).isEqualTo(IntroductionSettings.DEFAULT_FIRST_STEPS);
        assertThat(audit.list(IntroductionSettings.ACTION, null, 0, 5).getContent()).isEmpty();
    }

    private List<Notification> introductionsTo(String email) {
        return notifications.to(email).stream().filter(n -> n.subject().startsWith("Your mentorship starts"))
                .toList();
    }

    private static WeeklySlot slot(String day, String start, String end) {
        return new WeeklySlot(WeeklySlot.parseDay(day), WeeklySlot.parseTime(start), WeeklySlot.parseTime(end));
    }

    static RequestInput request(String id, String zone, SlotInput... slots) {
        return new RequestInput(id, "J. Singh", id + "@example.org", "University of British Columbia", "CA", zone,
                "POSTDOC", List.of("en"), List.of(org.mentoring.people.PeopleFixtures.HEAT_HEALTH),
                List.of("grant-writing"), "2026-02-01", "6", "60", List.of(slots), List.of(), List.of(), "false");
    }
}
