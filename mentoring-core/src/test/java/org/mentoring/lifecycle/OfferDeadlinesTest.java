package org.mentoring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCapacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.PublicationOrder;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.matching.persistence.WeightsDocument;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.matching.solver.Wording;
import org.mentoring.notification.Notification;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoreTest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ContextConfiguration;

/**
 * Offers have a deadline: publishing sets it, the sides who have not answered are reminded three days before, and at
 * it an offer not answered by both sides expires, freeing the place and reopening the request without keeping the pair
 * apart; exactly once with two instances sweeping at once, and after a restart that missed the moment. Time is moved
 * by a clock, never slept.
 */
@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class OfferDeadlinesTest {

    private static final String ADMIN = "coordinator@example.org";
    private static final Instant PUBLISHED = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    RunResultStore results;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationService notifications;
    @Autowired
    MentorPlaces places;
    @Autowired
    PublicationOrder publicationOrder;
    @Autowired
    MatchingInputs inputs;

    private final MovingClock clock = new MovingClock(PUBLISHED);
    private LifecycleService lifecycle;

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        mentors.create(mentor("m-1"));
        mentors.create(withCapacity(mentor("m-2"), "40"));
        for (String request : List.of("r-1", "r-2", "r-3")) {
            requests.create(request(request));
        }
        run("run-1");
        proposal("run-1-000001", "run-1", "r-1", "m-1");
        proposal("run-1-000002", "run-1", "r-2", "m-1");
        proposal("run-1-000003", "run-1", "r-3", "m-2");
        lifecycle = new LifecycleService(mongo, results, requests, mentors, audit, notifications, clock, places,
                publicationOrder);
    }

    @Test
    void publishingGivesEveryOfferItsDeadlineAndSaysItInEachReadersTimeZone() {
        assertThat(OfferDeadlines.days(null)).isEqualTo(14);

        lifecycle.publish("run-1", 10, ADMIN, null);

        for (String id : List.of("run-1-000001", "run-1-000002", "run-1-000003")) {
            assertThat(lifecycle.get(id).answerBy()).as(id).isEqualTo(PUBLISHED.plus(Duration.ofDays(10)));
        }
        // 11 December 10:00 UTC is 02:00 in Vancouver (the researcher) and 13:00 in Nairobi (the mentor)
        assertThat(notifications.to("r-1@example.org")).singleElement().satisfies(n -> assertThat(n.body())
                .contains("Answer by: 11 December 2026, 02:00 (America/Vancouver time)"));
        assertThat(notifications.to("m-2@example.org")).singleElement().satisfies(n -> assertThat(n.body())
                .contains("Answer by: 11 December 2026, 13:00 (Africa/Nairobi time)"));
    }

    @Test
    void aDeadlineOfNoDaysOrTooManyIsRefusedNamingTheFieldAndNothingIsPublished() {
        for (int days : List.of(0, -3, 91, Integer.MIN_VALUE)) {
            assertThatThrownBy(() -> lifecycle.publish("run-1", days, ADMIN, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("answerWithinDays");
                            assertThat(error.message()).contains("from 1 to 90 days");
                        });
                    });
        }
        assertThat(mongo.findById("run-1", MatchingRunDocument.class).publishedAt()).isNull();
        assertThat(lifecycle.get("run-1-000001").status()).isEqualTo(OfferStatus.DRAFT);
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);
        assertThat(notifications.to("r-1@example.org")).isEmpty();
    }

    @Test
    void whoeverHasNotAnsweredIsRemindedOnceThreeDaysBeforeTheDeadline() {
        lifecycle.publish("run-1", ADMIN, null);
        lifecycle.answer("run-1-000001", Side.RESEARCHER, Answer.ACCEPTED, "r-1@example.org", false, null);
        OfferExpiry expiry = expiry(clock);

        clock.set(PUBLISHED.plus(Duration.ofDays(10)));
        assertThat(expiry.sweep().reminded()).as("four days left: not yet").isZero();

        clock.set(PUBLISHED.plus(Duration.ofDays(11)).plusSeconds(60));
        assertThat(expiry.sweep().reminded()).isEqualTo(3);
        assertThat(expiry(clock).sweep().reminded()).as("a second sweep, another instance").isZero();

        assertThat(reminders("r-1@example.org")).as("r-1 has accepted").isEmpty();
        assertThat(reminders("r-2@example.org")).singleElement().satisfies(n -> assertThat(n.body())
                .contains("by 15 December 2026, 02:00 (America/Vancouver time)", "Dr. A. Mwangi"));
        assertThat(reminders("m-1@example.org")).as("m-1 has two offers waiting").hasSize(2);
        assertThat(reminders("m-2@example.org")).hasSize(1);
        assertThat(lifecycle.get("run-1-000002").status()).isEqualTo(OfferStatus.OFFERED);
        assertThat(mongo.findById("run-1-000002", ProposalDocument.class).remindedAt()).isNotNull();
    }

    @Test
    void anOfferGivenThreeDaysOrLessIsNeverReminded() {
        lifecycle.publish("run-1", 3, ADMIN, null);
        OfferExpiry expiry = expiry(clock);

        for (long hours : List.of(0L, 1L, 24L, 71L)) {
            clock.set(PUBLISHED.plus(Duration.ofHours(hours)));
            assertThat(expiry.sweep().reminded()).as(hours + " h").isZero();
        }
        assertThat(reminders("m-1@example.org")).isEmpty();
    }

    @Test
    void atTheDeadlineAnUnansweredOfferExpiresFreesThePlaceAndReopensTheRequestWithoutKeepingThePairApart() {
        lifecycle.publish("run-1", ADMIN, null);
        lifecycle.answer("run-1-000001", Side.RESEARCHER, Answer.ACCEPTED, "r-1@example.org", false, null);
        lifecycle.answer("run-1-000003", Side.RESEARCHER, Answer.ACCEPTED, "r-3@example.org", false, null);
        lifecycle.answer("run-1-000003", Side.MENTOR, Answer.ACCEPTED, "m-2@example.org", false, null);
        assertThat(held("m-1")).isEqualTo(2);
        OfferExpiry expiry = expiry(clock);

        clock.set(PUBLISHED.plus(Duration.ofDays(14)).minusSeconds(1));
        assertThat(expiry.sweep().expired()).as("a second before the deadline").isZero();

        clock.set(PUBLISHED.plus(Duration.ofDays(14)).plusSeconds(1));
        // the mentor's answer comes a second late, before any sweep: refused, in words
        assertThatThrownBy(() -> lifecycle.answer("run-1-000001", Side.MENTOR, Answer.ACCEPTED, "m-1@example.org",
                false, null)).isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("offer-expired");
                    assertThat(e.getMessage()).contains("This offer expired on 15 December 2026, 10:00 (UTC)");
                });
        OfferExpiry.Sweep sweep = expiry.sweep();

        assertThat(sweep.expired()).isEqualTo(2);
        for (String id : List.of("run-1-000001", "run-1-000002")) {
            Offer offer = lifecycle.get(id);
            assertThat(offer.status()).as(id).isEqualTo(OfferStatus.EXPIRED);
            assertThat(offer.closedAt()).as(id).isEqualTo(clock.instant());
        }
        assertThat(lifecycle.get("run-1-000003").status()).as("accepted by both in time").isEqualTo(
                OfferStatus.ACCEPTED);
        assertThat(held("m-1")).as("both places free again").isZero();
        assertThat(held("m-2")).as("the accepted offer keeps its place").isEqualTo(1);
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);
        assertThat(requests.get("r-2").status()).isEqualTo(RequestStatus.OPEN);
        assertThat(requests.get("r-3").status()).isEqualTo(RequestStatus.MATCHED);
        // unlike a decline, the pair may be proposed again by the next run
        assertThat(inputs.openRequests()).extracting(MentorshipRequest::externalId)
                .containsExactlyInAnyOrder("r-1", "r-2");
        assertThat(inputs.openRequests()).allSatisfy(r -> assertThat(r.excludedMentorIds()).doesNotContain("m-1"));
        assertThat(requests.get("r-1").request().excludedMentorIds()).isEmpty();
        assertThat(expired("r-1@example.org")).singleElement().satisfies(n -> assertThat(n.body())
                .contains("expired on 15 December 2026, 02:00 (America/Vancouver time)", "request is open again"));
        assertThat(expired("m-1@example.org")).hasSize(2);
        assertThat(lifecycle.forRequests(List.of("r-2"))).extracting(Offer::status)
                .containsExactly(OfferStatus.EXPIRED);
        for (Answer answer : Answer.values()) {
            assertThatThrownBy(() -> lifecycle.answer("run-1-000002", Side.MENTOR, answer, "m-1@example.org", false,
                    null)).isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.code()).isEqualTo("offer-expired");
                        assertThat(e.getMessage()).startsWith("This offer expired on 15 December 2026");
                    });
        }

        assertThat(expiry.sweep()).isEqualTo(new OfferExpiry.Sweep(0, 0, 0));
        assertThat(held("m-1")).isZero();
    }

    @Test
    void twoInstancesSweepingAtOnceExpireEachOfferOnceOverManyRounds() throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(2);
        // an active hold besides the offers, so that a place given back twice would show
        places.take("m-2", "Dr. A. Mwangi", 40);
        try {
            for (int round = 0; round < 20; round++) {
                Instant deadline = PUBLISHED.plus(Duration.ofDays(round));
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String request = "r-" + round + "-" + i;
                    requests.create(request(request));
                    ids.add(offered("x-" + round + "-" + i, request, "m-2", deadline));
                }
                assertThat(held("m-2")).isEqualTo(5);
                MovingClock late = new MovingClock(deadline.plusSeconds(1));
                List<OfferExpiry> two = List.of(expiry(late), expiry(late));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<OfferExpiry.Sweep>> sweeps = instances.invokeAll(two.stream()
                        .<Callable<OfferExpiry.Sweep>>map(instance -> () -> {
                            together.await();
                            return instance.sweep();
                        }).toList());
                int expired = 0;
                for (Future<OfferExpiry.Sweep> sweep : sweeps) {
                    expired += sweep.get().expired();
                }
                assertThat(expired).as("round " + round).isEqualTo(4);
                assertThat(held("m-2")).as("round " + round + ": each place given back once").isEqualTo(1);
                for (int i = 0; i < 4; i++) {
                    String id = ids.get(i);
                    assertThat(lifecycle.get(id).status()).as(id).isEqualTo(OfferStatus.EXPIRED);
                    assertThat(requests.get("r-" + round + "-" + i).status()).as(id).isEqualTo(RequestStatus.OPEN);
                    assertThat(expired("r-" + round + "-" + i + "@example.org")).as(id).hasSize(1);
                    assertThat(mongo.getCollection(ProposalDocument.COLLECTION).find(new org.bson.Document("_id", id))
                            .first()).as(id).doesNotContainKey(OfferExpiry.PENDING);
                }
            }
            assertThat(expired("m-2@example.org")).hasSize(80);
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void aLastAcceptRacingTheExpiryEitherStartsTheMentorshipOrIsRefusedNeverBoth() throws Exception {
        ExecutorService sides = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Instant deadline = PUBLISHED.plus(Duration.ofDays(round));
                String request = "race-" + round;
                requests.create(request(request));
                String id = offered("y-" + round, request, "m-2", deadline);
                // the mentor answers in the last millisecond while another instance's clock has passed the deadline
                LifecycleService justInTime = new LifecycleService(mongo, results, requests, mentors, audit,
                        notifications, new MovingClock(deadline.minusMillis(1)), places, publicationOrder);
                justInTime.answer(id, Side.RESEARCHER, Answer.ACCEPTED, request + "@example.org", false, null);
                OfferExpiry late = expiry(new MovingClock(deadline.plusMillis(1)));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<String> answer = sides.submit(() -> {
                    together.await();
                    try {
                        return justInTime.answer(id, Side.MENTOR, Answer.ACCEPTED, "m-2@example.org", false, null)
                                .status().name();
                    } catch (ConflictException e) {
                        return e.code();
                    }
                });
                Future<OfferExpiry.Sweep> sweep = sides.submit(() -> {
                    together.await();
                    return late.sweep();
                });
                String answered = answer.get();
                int expired = sweep.get().expired();

                OfferStatus status = lifecycle.get(id).status();
                if (answered.equals("ACCEPTED")) {
                    assertThat(expired).as("round " + round).isZero();
                    assertThat(status).isEqualTo(OfferStatus.ACCEPTED);
                    assertThat(requests.get(request).status()).isEqualTo(RequestStatus.MATCHED);
                } else {
                    assertThat(answered).as("round " + round).isEqualTo("offer-expired");
                    assertThat(expired).isEqualTo(1);
                    assertThat(status).isEqualTo(OfferStatus.EXPIRED);
                    assertThat(requests.get(request).status()).isEqualTo(RequestStatus.OPEN);
                }
                assertThat(held("m-2")).as("round " + round + ": the ledger says what the facts say")
                        .isEqualTo(places.counted("m-2"));
            }
        } finally {
            sides.shutdownNow();
        }
    }

    @Test
    void aSweepAfterARestartExpiresWhatWasMissedAndFinishesAFollowUpACrashCutShort() {
        lifecycle.publish("run-1", 5, ADMIN, null);
        assertThat(held("m-1")).isEqualTo(2);
        // the instance that would have expired run-1-000001 moved it and died before anything else
        mongo.updateFirst(Query.query(Criteria.where("_id").is("run-1-000001")), new Update()
                .set("status", OfferStatus.EXPIRED).set("closedAt", PUBLISHED.plus(Duration.ofDays(5)))
                .set(OfferExpiry.PENDING, OfferExpiry.PLACE), ProposalDocument.class);

        // no instance ran for a month; a new one starts
        OfferExpiry restarted = expiry(new MovingClock(PUBLISHED.plus(Duration.ofDays(35))));
        OfferExpiry.Sweep sweep = restarted.sweep();

        assertThat(sweep.expired()).isEqualTo(2);
        assertThat(sweep.finished()).as("the follow-up the crash cut short").isEqualTo(1);
        assertThat(held("m-1")).isZero();
        assertThat(held("m-2")).isZero();
        for (String request : List.of("r-1", "r-2", "r-3")) {
            assertThat(requests.get(request).status()).as(request).isEqualTo(RequestStatus.OPEN);
            assertThat(expired(request + "@example.org")).as(request).hasSize(1);
        }
        assertThat(restarted.sweep()).isEqualTo(new OfferExpiry.Sweep(0, 0, 0));
        assertThat(held("m-1")).isZero();
    }

    @Test
    void anOfferPublishedBeforeDeadlinesGetsTheDefaultOneCountedFromTheFirstSweep() {
        lifecycle.publish("run-1", ADMIN, null);
        mongo.updateMulti(new Query(), new Update().unset("answerBy"), ProposalDocument.class);
        clock.set(PUBLISHED.plus(Duration.ofDays(400)));

        OfferExpiry.Sweep sweep = expiry(clock).sweep();

        assertThat(sweep.expired()).as("nobody's offer expires without warning").isZero();
        assertThat(lifecycle.get("run-1-000001").answerBy()).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
        assertThat(held("m-1")).isEqualTo(2);
        clock.set(clock.instant().plus(Duration.ofDays(14)).plusSeconds(1));
        assertThat(expiry(clock).sweep().expired()).isEqualTo(3);
        assertThat(held("m-1")).isZero();
    }

    private OfferExpiry expiry(Clock at) {
        return new OfferExpiry(mongo, requests, mentors, places, notifications, at);
    }

    /** An offer as publishing makes it: its place taken, its request PROPOSED, its deadline set. */
    private String offered(String id, String request, String mentor, Instant answerBy) {
        proposal(id, "run-x", request, mentor);
        places.take(mentor, "Dr. A. Mwangi", 40);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", OfferStatus.OFFERED)
                .set("offeredAt", answerBy.minus(Duration.ofDays(14))).set("answerBy", answerBy),
                ProposalDocument.class);
        requests.changeStatus(request, RequestStatus.OPEN, RequestStatus.PROPOSED);
        return id;
    }

    private int held(String mentor) {
        return places.held(List.of(mentor)).getOrDefault(mentor, 0);
    }

    private List<Notification> reminders(String email) {
        return notifications.to(email).stream().filter(n -> n.subject().equals(OfferMessages.REMINDER_SUBJECT))
                .toList();
    }

    private List<Notification> expired(String email) {
        return notifications.to(email).stream().filter(n -> n.subject().equals(OfferMessages.EXPIRED_SUBJECT))
                .toList();
    }

    private void run(String id) {
        Instant at = PUBLISHED.minus(Duration.ofHours(1));
        mongo.insert(new MatchingRunDocument(id, RunStatus.COMPLETED, 30, new WeightsDocument(10, 8, 6, 2, 12, 1, 1), 1,
                "OptaPlanner", "0hard/0medium/10soft", true, 3, 2, 0, 3, List.of(), at, at, at, null, null, null, null));
    }

    private void proposal(String id, String runId, String request, String mentor) {
        mongo.insert(ProposalDocument.draft(id, runId, request, mentor, Explanation.of(List.of(new Wording(
                "heat-health is your first choice", "heat-health is their first choice",
                "heat-health is the researcher's first choice"))), 10, 60, true));
    }

    /** A clock tests move. */
    static final class MovingClock extends Clock {

        private final AtomicReference<Instant> now;

        MovingClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
