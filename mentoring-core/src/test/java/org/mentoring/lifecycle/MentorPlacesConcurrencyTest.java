package org.mentoring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCapacity;
import static org.mentoring.people.PeopleFixtures.withName;
import static org.mentoring.people.PeopleFixtures.withSlots;
import static org.mentoring.people.PeopleFixtures.withTimeZone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.PublicationOrder;
import org.mentoring.matching.persistence.WeightsDocument;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.SlotInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.mentoring.places.MentorPlacesDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Two admins (or an admin and a publication, or a profile edit and a publication) reaching for one mentor's last place
 * at the same moment, round after round: the ledger gives it to exactly one, and agrees with the offers after.
 */
@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
@TestPropertySource(properties = "mentoring.places.reconcile-settle=0s")
class MentorPlacesConcurrencyTest {

    private static final String ADMIN = "coordinator@example.org";
    private static final int ROUNDS = 20;

    @Autowired
    OverrideService overrides;
    @Autowired
    LifecycleService lifecycle;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    MentorPlaces places;
    @Autowired
    PlacesReconciliation reconciliation;
    @Autowired
    PublicationOrder publications;
    @Autowired
    MongoTemplate mongo;

    private ExecutorService admins;

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        admins = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        admins.shutdownNow();
    }

    /** A mentor free when the fixtures' requests are, so that only capacity can break. */
    private static MentorInput nearby(String externalId, int capacity) {
        return withCapacity(withName(withSlots(withTimeZone(mentor(externalId), "America/Vancouver"),
                new SlotInput("TUESDAY", "07:00", "09:00")), "Dr. " + externalId), String.valueOf(capacity));
    }

    /** A COMPLETED run made now, with one draft per request on the mentor given. */
    private void run(String runId, String mentorExternalId, String... requestIds) {
        Instant at = Instant.now();
        mongo.insert(new MatchingRunDocument(runId, RunStatus.COMPLETED, 30, new WeightsDocument(10, 8, 6, 2, 12, 1,
                1), 1, "OptaPlanner", "0hard/0medium/0soft", true, requestIds.length, 1, 0, requestIds.length,
                List.of(), at, at, at, null, null, null, null));
        publications.noteSeen(runId, publications.current());
        int number = 1;
        for (String requestId : requestIds) {
            mongo.insert(ProposalDocument.draft(runId + "-" + number++, runId, requestId, mentorExternalId,
                    Explanation.same(List.of("why")), 10, 60, true));
        }
    }

    /** Runs both at the same moment and answers what each did: "ok", or the refusal. */
    private List<Object> together(Callable<Object> first, Callable<Object> second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> outcomes = new ArrayList<>();
        for (Callable<Object> task : List.of(first, second)) {
            outcomes.add(admins.submit(() -> {
                start.await();
                try {
                    return task.call();
                } catch (InvalidInputException | ConflictException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private int held(String mentorExternalId) {
        return places.find(mentorExternalId).map(MentorPlacesDocument::held).orElse(0);
    }

    private long offersOn(String mentorExternalId) {
        return mongo.count(Query.query(Criteria.where("mentorExternalId").is(mentorExternalId).and("status")
                .is(OfferStatus.OFFERED)), ProposalDocument.class);
    }

    @Test
    void ofTwoOverridesOntoAMentorsLastPlaceExactlyOneWinsEveryRound() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String source = "m-source-" + round;
            String target = "m-target-" + round;
            mentors.create(nearby(source, 2));
            mentors.create(nearby(target, 1));
            requests.create(request("r-a-" + round));
            requests.create(request("r-b-" + round));
            boolean offered = round % 2 == 0;
            run("run-" + round, source, "r-a-" + round, "r-b-" + round);
            if (offered) {
                lifecycle.publish("run-" + round, ADMIN, null);
            }
            String a = "run-" + round + "-1";
            String b = "run-" + round + "-2";

            List<Object> results = together(() -> overrides.override(a, target, ADMIN, null),
                    () -> overrides.override(b, target, ADMIN, null));

            String what = "round " + round + (offered ? " (offers)" : " (drafts)");
            assertThat(results).as(what).filteredOn(Offer.class::isInstance).hasSize(1);
            assertThat(results).as(what).filteredOn(InvalidInputException.class::isInstance).singleElement()
                    .satisfies(refusal -> assertThat(((InvalidInputException) refusal).errors()).singleElement()
                            .satisfies(error -> {
                                assertThat(error.field()).isEqualTo("mentorExternalId");
                                assertThat(error.message()).contains("CAPACITY (rule 1)", "Dr. " + target,
                                        target);
                            }));
            assertThat(mongo.count(Query.query(Criteria.where("runId").is("run-" + round).and("mentorExternalId")
                    .is(target)), ProposalDocument.class)).as(what).isEqualTo(1);
            if (offered) {
                assertThat(held(target)).as(what).isEqualTo(1).isEqualTo((int) offersOn(target));
                assertThat(held(source)).as(what).isEqualTo(1).isEqualTo((int) offersOn(source));
            }
            assertThat(reconciliation.check().consistent()).as(what).isTrue();
        }
    }

    @Test
    void aPublicationAndAnOverrideReachingForTheLastPlaceNeverBothGetIt() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String other = "m-other-" + round;
            String target = "m-target-" + round;
            mentors.create(nearby(other, 1));
            mentors.create(nearby(target, 1));
            requests.create(request("r-offered-" + round));
            requests.create(request("r-draft-" + round));
            run("earlier-" + round, other, "r-offered-" + round);
            lifecycle.publish("earlier-" + round, ADMIN, null);
            run("later-" + round, target, "r-draft-" + round);

            String later = "later-" + round;
            String earlierOffer = "earlier-" + round + "-1";
            List<Object> results = together(() -> lifecycle.publish(later, ADMIN, null),
                    () -> overrides.override(earlierOffer, target, ADMIN, null));

            String what = "round " + round;
            Publication publication = (Publication) results.get(0);
            boolean overridden = results.get(1) instanceof Offer;
            assertThat(publication.offered() + (overridden ? 1 : 0)).as(what).isEqualTo(1);
            if (!overridden) {
                assertThat(results.get(1)).as(what).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("CAPACITY (rule 1)", "Dr. " + target, target));
            } else {
                assertThat(lifecycle.get("later-" + round + "-1").status()).as(what)
                        .isEqualTo(OfferStatus.WITHDRAWN);
                assertThat(publication.mentorsFull()).as(what).singleElement().asString()
                        .contains("Dr. " + target + " (" + target + ") has no free place");
                assertThat(requests.get("r-draft-" + round).status().name()).as(what).isEqualTo("OPEN");
            }
            assertThat(held(target)).as(what).isEqualTo(1).isEqualTo((int) offersOn(target));
            assertThat(held(other)).as(what).isEqualTo((int) offersOn(other));
            assertThat(reconciliation.check().consistent()).as(what).isTrue();
        }
    }

    @Test
    void aDraftGivenAnotherMentorWhileItsRunIsPublishedHoldsThePlaceOfTheMentorItIsOfferedWith() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String first = "m-first-" + round;
            String second = "m-second-" + round;
            mentors.create(nearby(first, 1));
            mentors.create(nearby(second, 1));
            requests.create(request("r-" + round));
            String runId = "run-" + round;
            run(runId, first, "r-" + round);

            List<Object> results = together(() -> lifecycle.publish(runId, ADMIN, null),
                    () -> overrides.override(runId + "-1", second, ADMIN, null));

            String what = "round " + round + ": " + results;
            Offer offer = lifecycle.get(runId + "-1");
            assertThat(offer.status()).as(what).isEqualTo(OfferStatus.OFFERED);
            assertThat(held(offer.mentorExternalId())).as(what).isEqualTo(1);
            assertThat(held(first) + held(second)).as(what).isEqualTo(1);
            assertThat(reconciliation.check().consistent()).as(what).isTrue();
        }
    }

    @Test
    void aPublicationAndALowerCapacityNeverLeaveAMentorOverbooked() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String target = "m-target-" + round;
            mentors.create(nearby(target, 2));
            requests.create(request("r-a-" + round));
            requests.create(request("r-b-" + round));
            run("run-" + round, target, "r-a-" + round, "r-b-" + round);
            long version = mentors.get(target).version();

            String runId = "run-" + round;
            List<Object> results = together(() -> lifecycle.publish(runId, ADMIN, null),
                    () -> mentors.update(target, nearby(target, 1), version));

            String what = "round " + round;
            Publication publication = (Publication) results.get(0);
            int capacity = mentors.get(target).mentor().capacity();
            if (results.get(1) instanceof InvalidInputException refused) {
                assertThat(capacity).as(what).isEqualTo(2);
                assertThat(refused.errors()).as(what).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("capacity");
                    assertThat(error.message()).contains("Dr. " + target, target, "2 places");
                });
            } else {
                assertThat(capacity).as(what).isEqualTo(1);
            }
            assertThat(publication.offered()).as(what).isEqualTo(capacity);
            assertThat(held(target)).as(what).isEqualTo(capacity).isEqualTo((int) offersOn(target));
            assertThat(places.find(target).orElseThrow().capacity()).as(what).isEqualTo(capacity);
            assertThat(reconciliation.check().consistent()).as(what).isTrue();
        }
    }

    @Test
    void aDeclineGivesThePlaceBackAndAnAcceptKeepsIt() {
        mentors.create(nearby("m-1", 2));
        requests.create(request("r-1"));
        requests.create(request("r-2"));
        run("run-1", "m-1", "r-1", "r-2");
        lifecycle.publish("run-1", ADMIN, null);
        assertThat(held("m-1")).isEqualTo(2);

        lifecycle.answer("run-1-1", Side.MENTOR, Answer.DECLINED, ADMIN, true, null);
        lifecycle.answer("run-1-2", Side.MENTOR, Answer.ACCEPTED, ADMIN, true, null);
        lifecycle.answer("run-1-2", Side.RESEARCHER, Answer.ACCEPTED, ADMIN, true, null);

        assertThat(held("m-1")).isEqualTo(1);
        assertThat(reconciliation.check().consistent()).isTrue();
    }

    @Test
    void aLedgerThatDiffersFromTheOffersIsReportedNamingTheMentorAndFixedAtStart() {
        mentors.create(nearby("m-1", 3));
        mentors.create(nearby("m-2", 3));
        requests.create(request("r-1"));
        run("run-1", "m-1", "r-1");
        lifecycle.publish("run-1", ADMIN, null);
        assertThat(reconciliation.check().consistent()).isTrue();

        mongo.updateFirst(Query.query(Criteria.where("_id").is("m-1")), new Update().set("held", 3),
                MentorPlacesDocument.class);

        ConsistencyReport report = reconciliation.check();
        assertThat(report.consistent()).isFalse();
        assertThat(report.mentors()).singleElement().satisfies(mentor -> {
            assertThat(mentor.mentorExternalId()).isEqualTo("m-1");
            assertThat(mentor.name()).isEqualTo("Dr. m-1");
            assertThat(mentor.ledger()).isEqualTo(3);
            assertThat(mentor.actual()).isEqualTo(1);
        });
        assertThatThrownBy(() -> places.take("m-1", "Dr. m-1", 3)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.getMessage()).contains("Dr. m-1 (m-1) has no free place: 3 of 3"));

        reconciliation.fixAtStart();

        assertThat(reconciliation.check().consistent()).isTrue();
        assertThat(held("m-1")).isEqualTo(1);
    }

    @Test
    void aStoreWithoutLedgerGetsItBuiltFromTheOffersAtStart() {
        mentors.create(nearby("m-1", 3));
        requests.create(request("r-1"));
        run("run-1", "m-1", "r-1");
        lifecycle.publish("run-1", ADMIN, null);
        mongo.remove(new Query(), MentorPlacesDocument.class);

        reconciliation.fixAtStart();

        assertThat(held("m-1")).isEqualTo(1);
        assertThat(places.find("m-1").orElseThrow().capacity()).isEqualTo(3);
        assertThat(reconciliation.check().consistent()).isTrue();
    }

    @Test
    void aCapacityBelowThePlacesHeldIsRefusedNamingTheMentor() {
        mentors.create(nearby("m-1", 2));
        requests.create(request("r-1"));
        requests.create(request("r-2"));
        run("run-1", "m-1", "r-1", "r-2");
        lifecycle.publish("run-1", ADMIN, null);

        assertThatThrownBy(() -> mentors.update("m-1", nearby("m-1", 1), mentors.get("m-1").version()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("capacity");
                            assertThat(error.message()).contains("Dr. m-1 (m-1) holds now", "at least 2");
                        }));
        assertThat(mentors.get("m-1").mentor().capacity()).isEqualTo(2);
        assertThat(places.find("m-1").orElseThrow().capacity()).isEqualTo(2);
        mentors.update("m-1", nearby("m-1", 4), mentors.get("m-1").version());
        assertThat(places.find("m-1").orElseThrow().capacity()).isEqualTo(4);
    }
}
