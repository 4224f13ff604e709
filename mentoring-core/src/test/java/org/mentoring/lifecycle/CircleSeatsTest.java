package org.mentoring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.ConflictException;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunCircleDocument;
import org.mentoring.matching.persistence.RunCircleStore;
import org.mentoring.matching.persistence.WeightsDocument;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoreTest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/** Publishing a run with circles offers each member a seat, holds the circle in the ledger, and a decline frees it. */
@StoreTest
@Import(RunCircleStore.class)
@ContextConfiguration(classes = PeopleTestApplication.class)
class CircleSeatsTest {

    private static final String ADMIN = "coordinator@example.org";
    private static final String CIRCLE = "run-c-000001";

    @Autowired
    LifecycleService lifecycle;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    NotificationService notifications;
    @Autowired
    MentorPlaces places;
    @Autowired
    RunCircleStore circles;
    @Autowired
    OverrideService overrides;
    @Autowired
    org.mentoring.people.importing.PeopleImporter importer;
    @Autowired
    org.mentoring.matching.model.MatchingInputs inputs;

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        List<WeeklySlot> tuesday = List.of(WeeklySlot.parse("TUE 14:00-16:00"));
        mentors.upsertAll(List.of(new Mentor("m-c", "Amara Okafor", "m-c@example.org", "Uni", "NG", ZoneId.of("UTC"),
                Set.of("en"), List.of("planetary-health"), Set.of(), 1, LocalDate.of(2026, 1, 1), null, tuesday, 1)),
                Set.of());
        requests.upsertAll(List.of(request("r-1", tuesday), request("r-2", tuesday), request("r-3", tuesday)),
                Set.of());
        Instant at = Instant.parse("2026-01-10T10:00:00Z");
        mongo.insert(new MatchingRunDocument("run-c", RunStatus.COMPLETED, 30,
                new WeightsDocument(10, 8, 6, 2, 12, 1, 1), 1, "OptaPlanner", "0hard/0medium/10soft", true, 3, 1, 0,
                3, List.of(), at, at, at, null, null, null, null));
        circles.save("run-c", List.of(new RunCircleDocument(CIRCLE, "run-c", "m-c", List.of("r-1", "r-2", "r-3"),
                1 * 24 * 60 + 14 * 60, 60, LocalDate.of(2026, 3, 2),
                List.of("r-1: why", "r-2: why", "r-3: why"),
                Map.of("r-1", List.of("You share planetary health"), "r-2", List.of("You share planetary health"),
                        "r-3", List.of("You share planetary health")))));
    }

    private static MentorshipRequest request(String id, List<WeeklySlot> slots) {
        return new MentorshipRequest(id, "Researcher " + id, id + "@example.org", "Lab " + id, "GH",
                ZoneId.of("UTC"), CareerStage.POSTDOC, Set.of("en"), List.of("planetary-health"), Set.of(),
                LocalDate.of(2026, 3, 1), 6, 60, slots, List.of(), Set.of(), false, RequestFormat.CIRCLE);
    }

    private int heldCircles() {
        return places.find("m-c").map(p -> p.circlesHeld()).orElse(0);
    }

    @Test
    void publishingOffersEachMemberASeatAndHoldsTheCircleNotAPlace() {
        Publication publication = lifecycle.publish("run-c", ADMIN, "127.0.0.1");

        assertThat(publication.offered()).isEqualTo(3);
        String seat = MentorPlaces.seatId(CIRCLE, 1);
        ProposalDocument offered = mongo.findById(seat, ProposalDocument.class);
        assertThat(offered.circleId()).isEqualTo(CIRCLE);
        assertThat(offered.status()).isEqualTo(OfferStatus.OFFERED);
        assertThat(offered.answerBy()).isNotNull();
        assertThat(offered.explanation()).containsExactly("You share planetary health");
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(notifications.to("r-1@example.org")).hasSize(1);
        assertThat(notifications.to("m-c@example.org")).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("Tue 14:00-15:00 your time"));
        assertThat(heldCircles()).isEqualTo(1);
        // the seats hold no one-to-one place: the mentor's one place is still free
        assertThat(places.find("m-c").get().held()).isZero();
        assertThat(places.counted("m-c")).isZero();
        // the mentor leads one circle: a second one, from another run, is refused
        assertThatThrownBy(() -> places.takeCircle("m-c", "Amara Okafor", 1, 1, "run-d-000001"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("leads no more circles");

        // publishing again offers nothing more and holds the circle once
        assertThat(lifecycle.publish("run-c", ADMIN, "127.0.0.1").offered()).isZero();
        assertThat(heldCircles()).isEqualTo(1);
    }

    /**
     * The circle's last two seats answered at the same moment on two threads, many times: two declines free the
     * circle (never left held by a circle no one is in), a decline and an accept keep it held once.
     */
    @Test
    void declinesOfTheLastSeatsAtOnceNeverLeaveTheCircleHeld() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                store();
                lifecycle.publish("run-c", ADMIN, "127.0.0.1");
                lifecycle.answer(MentorPlaces.seatId(CIRCLE, 1), Side.RESEARCHER, Answer.DECLINED, "r-1@example.org",
                        false, "127.0.0.1");
                boolean bothDecline = round % 2 == 0;
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Future<?> second = pool.submit(() -> answerTogether(together, 2,
                        Answer.DECLINED));
                java.util.concurrent.Future<?> third = pool.submit(() -> answerTogether(together, 3,
                        bothDecline ? Answer.DECLINED : Answer.ACCEPTED));
                second.get(30, java.util.concurrent.TimeUnit.SECONDS);
                third.get(30, java.util.concurrent.TimeUnit.SECONDS);

                assertThat(lifecycle.get(MentorPlaces.seatId(CIRCLE, 2)).status()).isEqualTo(OfferStatus.DECLINED);
                assertThat(heldCircles()).as("round %d, %s", round, bothDecline ? "both declined"
                        : "one declined, one accepted").isEqualTo(bothDecline ? 0 : 1);
                // the ledger agrees with a count from scratch: the mentor may lead a circle again, or not
                if (bothDecline) {
                    places.takeCircle("m-c", "Amara Okafor", 1, 1, "run-d-000001");
                    assertThat(heldCircles()).isEqualTo(1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A circle taken for a publication (with the mentor's circles as read before) and the mentor's circles lowered to 0
     * at the same moment, many times: exactly one of them wins, and the mentor never leads more circles than the
     * profile says. Reading the ledger and then saving the profile let both through.
     */
    @Test
    void aCircleTakenWhileTheMentorsCirclesAreLoweredNeverLeavesThemLeadingMoreThanTheyMay() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                store();
                places.ensure("m-c", 1);
                long version = mentors.get("m-c").version();
                org.mentoring.people.input.MentorInput none = org.mentoring.people.input.MentorInput.withCircles(
                        org.mentoring.people.PeopleFixtures.withCapacity(org.mentoring.people.PeopleFixtures.withName(
                                org.mentoring.people.PeopleFixtures.withEmail(org.mentoring.people.PeopleFixtures
                                        .mentor("m-c"), "m-c@example.org"), "Amara Okafor"), "1"), "0");
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Future<Object> take = pool.submit(() -> outcome(together,
                        () -> places.takeCircle("m-c", "Amara Okafor", 1, 1, CIRCLE)));
                java.util.concurrent.Future<Object> lower = pool.submit(() -> outcome(together,
                        () -> mentors.update("m-c", none, version)));
                Object taken = take.get(30, java.util.concurrent.TimeUnit.SECONDS);
                Object lowered = lower.get(30, java.util.concurrent.TimeUnit.SECONDS);

                String what = "round " + round;
                int circlesNow = mentors.get("m-c").mentor().circles();
                assertThat(heldCircles()).as(what).isLessThanOrEqualTo(circlesNow);
                if (taken == null) {
                    assertThat(heldCircles()).as(what).isEqualTo(1);
                    assertThat(lowered).as(what).isInstanceOfSatisfying(
                            org.mentoring.common.InvalidInputException.class, e -> assertThat(e.errors())
                                    .singleElement().satisfies(error -> {
                                        assertThat(error.field()).isEqualTo("circles");
                                        assertThat(error.message()).contains("Amara Okafor leads 1 mentoring circle");
                                    }));
                    assertThat(circlesNow).as(what).isEqualTo(1);
                } else {
                    assertThat(taken).as(what).isInstanceOf(ConflictException.class);
                    assertThat(lowered).as(what).isNull();
                    assertThat(circlesNow).as(what).isZero();
                    assertThat(heldCircles()).as(what).isZero();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** An import that would lower a mentor's circles below the circles they lead is refused naming the field. */
    @Test
    void anImportCannotLowerAMentorsCirclesBelowTheCirclesTheyLead() {
        lifecycle.publish("run-c", ADMIN, "127.0.0.1");
        org.mentoring.people.input.MentorInput none = org.mentoring.people.input.MentorInput.withCircles(
                org.mentoring.people.PeopleFixtures.withName(org.mentoring.people.PeopleFixtures.withEmail(
                        org.mentoring.people.PeopleFixtures.mentor("m-c"), "m-c@example.org"), "Amara Okafor"), "0");

        assertThatThrownBy(() -> importer.importPeople(org.mentoring.people.importing.ImportBatch.ofJson(
                List.of(none), List.of()), false, ADMIN, "JSON"))
                .isInstanceOfSatisfying(org.mentoring.people.importing.ImportRejectedException.class,
                        e -> assertThat(e.report().rejections()).singleElement().satisfies(rejection -> {
                            assertThat(rejection.externalId()).isEqualTo("m-c");
                            assertThat(rejection.field()).endsWith("circles");
                            assertThat(rejection.reason()).contains("Amara Okafor (m-c) leads 1 mentoring circle",
                                    "give at least 1");
                        }));
        assertThat(mentors.get("m-c").mentor().circles()).isEqualTo(1);
        assertThat(heldCircles()).isEqualTo(1);
    }

    /** Runs the action once both threads are ready: null when it went through, else what it threw. */
    private static Object outcome(java.util.concurrent.CyclicBarrier together, Runnable action) throws Exception {
        together.await(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private Void answerTogether(java.util.concurrent.CyclicBarrier together, int seat, Answer answer)
            throws Exception {
        together.await(10, java.util.concurrent.TimeUnit.SECONDS);
        lifecycle.answer(MentorPlaces.seatId(CIRCLE, seat), Side.RESEARCHER, answer, "r-" + seat + "@example.org",
                false, "127.0.0.1");
        return null;
    }

    @Test
    void aDeclinedSeatIsFreedAndTheCircleOnceNoSeatIsLeft() {
        lifecycle.publish("run-c", ADMIN, "127.0.0.1");

        lifecycle.answer(MentorPlaces.seatId(CIRCLE, 1), Side.RESEARCHER, Answer.DECLINED, "r-1@example.org", false,
                "127.0.0.1");
        assertThat(lifecycle.get(MentorPlaces.seatId(CIRCLE, 1)).status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);
        assertThat(heldCircles()).as("two members still hold the circle").isEqualTo(1);

        lifecycle.answer(MentorPlaces.seatId(CIRCLE, 2), Side.RESEARCHER, Answer.ACCEPTED, "r-2@example.org", false,
                "127.0.0.1");
        assertThat(lifecycle.get(MentorPlaces.seatId(CIRCLE, 2)).status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(places.counted("m-c")).as("a member's mentorship holds no one-to-one place").isZero();
        lifecycle.answer(MentorPlaces.seatId(CIRCLE, 3), Side.RESEARCHER, Answer.DECLINED, "r-3@example.org", false,
                "127.0.0.1");
        assertThat(heldCircles()).as("the accepted member keeps the circle").isEqualTo(1);
    }

    @Test
    void whenEverySeatIsDeclinedTheMentorLeadsTheCircleNoMore() {
        lifecycle.publish("run-c", ADMIN, "127.0.0.1");
        for (int n = 1; n <= 3; n++) {
            lifecycle.answer(MentorPlaces.seatId(CIRCLE, n), Side.RESEARCHER, Answer.DECLINED,
                    "r-" + n + "@example.org", false, "127.0.0.1");
        }
        assertThat(heldCircles()).isZero();
        places.takeCircle("m-c", "Amara Okafor", 1, 1, "run-d-000001");
        assertThat(heldCircles()).isEqualTo(1);
    }

    @Test
    void theNextRunCountsNoSeatAsAPlaceAndKeepsADecliningMembersFormat() {
        lifecycle.publish("run-c", ADMIN, "127.0.0.1");
        lifecycle.answer(MentorPlaces.seatId(CIRCLE, 2), Side.RESEARCHER, Answer.ACCEPTED, "r-2@example.org", false,
                "127.0.0.1");
        lifecycle.answer(MentorPlaces.seatId(CIRCLE, 1), Side.RESEARCHER, Answer.DECLINED, "r-1@example.org", false,
                "127.0.0.1");

        assertThat(inputs.settled()).as("seats hold no one-to-one place of the mentor").isEmpty();
        assertThat(inputs.mentors()).singleElement().satisfies(m -> assertThat(m.circles()).isEqualTo(1));
        assertThat(inputs.openRequests()).singleElement().satisfies(r -> {
            assertThat(r.externalId()).isEqualTo("r-1");
            assertThat(r.excludedMentorIds()).containsExactly("m-c");
            assertThat(r.format()).isEqualTo(RequestFormat.CIRCLE);
        });
    }

    @Test
    void aSeatCannotBeGivenAnotherMentor() {
        lifecycle.publish("run-c", ADMIN, "127.0.0.1");
        assertThatThrownBy(() -> overrides.override(MentorPlaces.seatId(CIRCLE, 1), "m-c", ADMIN, "127.0.0.1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage())
                        .contains("seat in a mentoring circle"));
        assertThat(places.find("m-c").get().held()).isZero();
    }
}
