package org.mentoring.mentorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.accounts.AccountDocument;
import org.mentoring.accounts.Role;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.feedback.FeedbackService;
import org.mentoring.feedback.FeedbackStage;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.notification.Notification;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.mentoring.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/**
 * Mentorships end by a side or the coordinator, or by themselves on their agreed end date; each end frees the
 * mentor's place once, tells each person once and asks for end feedback; mid-point feedback is asked for once at the
 * middle. Time moves on a clock of the test's.
 */
@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class MentorshipEndingsTest {

    private static final String COORDINATOR = "coordinator@example.org";
    private static final LocalDate START = LocalDate.of(2026, 2, 1);
    private static final LocalDate END = LocalDate.of(2026, 8, 1);

    @Autowired
    MentorshipEndings service;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    MentorPlaces places;
    @Autowired
    NotificationService notifications;
    @Autowired
    AuditService audit;
    @Autowired
    FeedbackService feedback;
    @Autowired
    MongoTemplate mongo;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private MentorshipEndings endings;
    private ExecutorService pool;

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        mentors.create(mentor("m-1"));
        for (String id : List.of("r-1", "r-2", "r-3")) {
            requests.create(request(id));
            mongo.insert(new MentorshipDocument("ms-" + id.substring(2), id, "m-1", MentorshipStatus.ACTIVE, START,
                    END, null, Instant.parse("2026-01-20T10:00:00Z"), null));
        }
        places.ensure("m-1", 3);
        AccountDocument admin = new AccountDocument();
        admin.setEmail(COORDINATOR);
        admin.setName("Coordinator");
        admin.setRole(Role.ADMIN);
        mongo.insert(admin);
        endings = service.withClock(clock);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void threads() {
        pool.shutdownNow();
    }

    @Test
    void eitherSideOrTheCoordinatorEndsAMentorshipOnceAndItsPlaceIsFree() {
        assertThat(held()).isEqualTo(3);

        Mentorship ended = endings.end("ms-1", "COMPLETED", "  We reached our goals. ", "r-1@example.org", "10.0.0.1");

        assertThat(ended.status()).isEqualTo(MentorshipStatus.COMPLETED);
        assertThat(ended.endedBy()).isEqualTo("r-1@example.org");
        assertThat(ended.endNote()).isEqualTo("We reached our goals.");
        assertThat(ended.endDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(held()).isEqualTo(2);
        assertThat(subjects("r-1@example.org")).containsExactly("Your mentorship with Dr. A. Mwangi has ended");
        assertThat(bodies("m-1@example.org")).anySatisfy(body -> assertThat(body).contains("completed, ended by"
                + " J. Singh", "We reached our goals.", "end-of-mentorship feedback", "/mentor"));
        assertThat(subjects(COORDINATOR)).containsExactly("A mentorship ended: J. Singh and Dr. A. Mwangi");
        assertThat(audit.list(MentorshipEndings.END_ACTION, null, 0, 5).getContent())
                .extracting(e -> e.actor() + " " + e.target() + " " + e.detail())
                .containsExactly("r-1@example.org ms-1 COMPLETED: We reached our goals.");
        assertThat(endings.feedbackDue(ended, Side.RESEARCHER)).contains(FeedbackStage.END);

        assertThatThrownBy(() -> endings.end("ms-1", "ENDED_EARLY", "again", "m-1@example.org", null))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("mentorship-not-active"));

        endings.end("ms-2", "ENDED_EARLY", "My mentee took up a post abroad.", "m-1@example.org", null);
        endings.end("ms-3", "ENDED_EARLY", "Both asked me to.", COORDINATOR, null);
        assertThat(held()).isZero();
        assertThat(bodies("r-2@example.org")).anySatisfy(body -> assertThat(body).contains(
                "ended early, ended by Dr. A. Mwangi", "My mentee took up a post abroad."));
        assertThat(bodies("r-3@example.org")).anySatisfy(body -> assertThat(body).contains(
                "ended by the programme coordinator"));
        assertThat(requests.get("r-2").status()).isEqualTo(org.mentoring.people.RequestStatus.OPEN)
                .as("the fixtures' requests were never offered; an end changes no request");
    }

    @Test
    void aWrongReasonOrNoteIsRefusedNamingEachFieldAndChangesNothing() {
        assertThatThrownBy(() -> endings.end("ms-1", "DONE", "x".repeat(MentorshipEndings.MAX_NOTE + 1),
                "r-1@example.org", null)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("reason", "note"));
        assertThatThrownBy(() -> endings.end("ms-1", "ENDED_EARLY", " ", "r-1@example.org", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::message)
                        .containsExactly("note: say in a few words why the mentorship ends early; both of you and"
                                + " the programme coordinators read it"));
        assertThatThrownBy(() -> endings.end("ms-1", "COMPLETED", "bye\u200B", "r-1@example.org", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> endings.end("ms-none", "COMPLETED", null, COORDINATOR, null))
                .isInstanceOf(org.mentoring.common.NotFoundException.class);
        assertThat(endings.get("ms-1").status()).isEqualTo(MentorshipStatus.ACTIVE);
        assertThat(held()).isEqualTo(3);
        assertThat(notifications.to("r-1@example.org")).isEmpty();
    }

    @Test
    void twoEndsAtTheSameMomentEndItOnceAndFreeOnePlace() throws Exception {
        for (int attempt = 0; attempt < 8; attempt++) {
            String id = "ms-race-" + attempt;
            mongo.insert(new MentorshipDocument(id, "r-1", "m-1", MentorshipStatus.ACTIVE, START, END, null,
                    Instant.now(), null));
            mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is("m-1")),
                    new org.springframework.data.mongodb.core.query.Update().inc("held", 1),
                    org.mentoring.places.MentorPlacesDocument.class);
            int before = held();
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<String>> calls = new ArrayList<>();
            for (String who : List.of("r-1@example.org", "m-1@example.org")) {
                calls.add(() -> {
                    together.await();
                    try {
                        endings.end(id, "COMPLETED", null, who, null);
                        return "ended";
                    } catch (ConflictException e) {
                        return e.code();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("ended", "mentorship-not-active");
            assertThat(held()).isEqualTo(before - 1);
        }
    }

    @Test
    void midPointFeedbackIsAskedOnceAtTheMiddleAndTheMentorshipCompletesByItselfOnItsEndDate() {
        assertThat(endings.sweep()).isEqualTo(new MentorshipEndings.Sweep(0, 0, 0));
        Mentorship active = endings.get("ms-1");
        assertThat(endings.feedbackDue(active, Side.MENTOR)).isEmpty();

        // 1 February to 1 August is 181 days: the middle is 2 May
        clock.move(Duration.ofDays(62).minusHours(10)); // 1 May, 23:00 UTC
        assertThat(endings.sweep().midFeedbackAsked()).isZero();
        clock.move(Duration.ofHours(2));
        assertThat(endings.sweep().midFeedbackAsked()).isEqualTo(3);
        assertThat(endings.sweep().midFeedbackAsked()).isZero();
        assertThat(subjects("r-1@example.org")).containsExactly("Halfway through your mentorship: how is it going?");
        assertThat(subjects("m-1@example.org")).hasSize(3)
                .allMatch(subject -> subject.equals("Halfway through your mentorship: how is it going?"));
        assertThat(endings.feedbackDue(active, Side.MENTOR)).contains(FeedbackStage.MID);
        feedback.give("ms-1", Side.MENTOR, FeedbackStage.MID, 4, "Going well.", "m-1@example.org");
        assertThat(endings.feedbackDue(active, Side.MENTOR)).isEmpty();
        assertThat(endings.feedbackDue(active, Side.RESEARCHER)).contains(FeedbackStage.MID);

        endings.end("ms-3", "ENDED_EARLY", "Moved on.", COORDINATOR, null);
        clock.move(Duration.ofDays(90)); // 31 July: the day before the end
        assertThat(endings.sweep().completed()).isZero();
        clock.move(Duration.ofDays(1));
        MentorshipEndings.Sweep sweep = endings.sweep();
        assertThat(sweep.completed()).isEqualTo(2);
        assertThat(endings.sweep().completed()).isZero();

        Mentorship completed = endings.get("ms-1");
        assertThat(completed.status()).isEqualTo(MentorshipStatus.COMPLETED);
        assertThat(completed.endedBy()).isEqualTo(MentorshipEndings.PROGRAMME);
        assertThat(completed.endDate()).isEqualTo(END);
        assertThat(held()).isZero();
        assertThat(subjects("r-1@example.org")).containsExactly("Your mentorship with Dr. A. Mwangi has ended",
                "Halfway through your mentorship: how is it going?");
        assertThat(bodies("r-1@example.org").get(0)).contains("completed, on its agreed end date",
                "end-of-mentorship feedback");
        // a mentorship completing by itself does not write to the coordinators; the one they ended did once
        assertThat(subjects(COORDINATOR)).hasSize(1);
        assertThat(endings.feedbackDue(completed, Side.MENTOR)).contains(FeedbackStage.END);
        assertThat(audit.list(MentorshipEndings.COMPLETE_ACTION, null, 0, 5).getContent()).hasSize(2);
    }

    @Test
    void aStartAfterTheEndDateCompletesOnceEvenWithTwoInstancesSweepingAtOnce() throws Exception {
        // the instances were down over the end date and the middle: both start on 15 September
        MovableClock later = new MovableClock(Instant.parse("2026-09-15T06:00:00Z"));
        MentorshipEndings first = service.withClock(later);
        MentorshipEndings second = service.withClock(later);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<MentorshipEndings.Sweep>> sweeps = pool.invokeAll(List.of(
                () -> {
                    together.await();
                    return first.sweep();
                },
                () -> {
                    together.await();
                    return second.sweep();
                }));
        int completed = 0;
        for (Future<MentorshipEndings.Sweep> sweep : sweeps) {
            completed += sweep.get().completed();
        }

        assertThat(completed).isEqualTo(3);
        assertThat(held()).isZero();
        for (String person : List.of("r-1@example.org", "r-2@example.org", "r-3@example.org")) {
            assertThat(subjects(person)).as(person).containsExactly("Your mentorship with Dr. A. Mwangi has ended");
        }
        assertThat(subjects("m-1@example.org")).hasSize(3);
        assertThat(audit.list(MentorshipEndings.COMPLETE_ACTION, null, 0, 10).getContent()).hasSize(3);
    }

    @Test
    void aSweepFinishesAnEndingACrashCutShortWithoutFreeingThePlaceTwice() {
        // a mentorship stored as ended before this version (no endedAt): a sweep leaves it and the ledger alone
        mongo.insert(new MentorshipDocument("ms-old", "r-2", "m-1", MentorshipStatus.COMPLETED, START, END, null,
                Instant.parse("2025-01-20T10:00:00Z"), null));
        // what a crash right after the conditional update leaves: ended, place not yet freed, nobody told
        mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is("ms-1")),
                new org.springframework.data.mongodb.core.query.Update().set("status", MentorshipStatus.ENDED_EARLY)
                        .set("endedAt", clock.instant()).set("endedBy", "r-1@example.org").set("endNote", "Moving.")
                        .set("endDate", LocalDate.of(2026, 3, 1)), MentorshipDocument.class);

        assertThat(endings.sweep().finished()).isEqualTo(1);
        assertThat(endings.sweep().finished()).isZero();

        assertThat(held()).isEqualTo(2);
        assertThat(subjects("r-1@example.org")).containsExactly("Your mentorship with Dr. A. Mwangi has ended");
        assertThat(subjects(COORDINATOR)).hasSize(1);
    }

    private int held() {
        return places.find("m-1").orElseThrow().held();
    }

    private List<String> subjects(String email) {
        return notifications.to(email).stream().map(Notification::subject).toList();
    }

    private List<String> bodies(String email) {
        return notifications.to(email).stream().map(Notification::body).toList();
    }
}
