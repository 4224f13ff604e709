package org.mentoring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.matching.persistence.WeightsDocument;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.matching.solver.Wording;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoreTest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ContextConfiguration;

@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class LifecycleServiceTest {

    private static final String ADMIN = "coordinator@example.org";

    @Autowired
    LifecycleService lifecycle;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationService notifications;
    @Autowired
    MatchingInputs inputs;
    @Autowired
    RunResultStore results;
    @Autowired
    MatchingPersistenceMapper mapper;

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        mentors.create(mentor("m-1"));
        mentors.create(mentor("m-2"));
        requests.create(request("r-1"));
        requests.create(request("r-2"));
        requests.create(request("r-3"));
        run("run-1", RunStatus.COMPLETED);
        proposal("run-1-000001", "run-1", "r-1", "m-1");
        proposal("run-1-000002", "run-1", "r-2", "m-1");
        proposal("run-1-000003", "run-1", "r-3", "m-2");
    }

    private void run(String id, RunStatus status) {
        Instant at = Instant.parse("2026-01-10T10:00:00Z");
        mongo.insert(new MatchingRunDocument(id, status, 30, new WeightsDocument(10, 8, 6, 2, 12, 1, 1), 1,
                "OptaPlanner", "0hard/0medium/10soft", true, 3, 2, 0, 3, List.of(), at, at, at, null, null, null, null));
    }

    private void proposal(String id, String runId, String request, String mentor) {
        mongo.insert(ProposalDocument.draft(id, runId, request, mentor, Explanation.of(List.of(new Wording(
                "heat-health is your first choice", "heat-health is their first choice",
                "heat-health is the researcher's first choice"))), 10, 60, true));
    }

    @Test
    void publishingOffersEveryDraftAndProposesItsRequestOnce() {
        Publication first = lifecycle.publish("run-1", ADMIN, "127.0.0.1");

        assertThat(first.offered()).isEqualTo(3);
        assertThat(first.alreadyPublished()).isFalse();
        assertThat(first.publishedAt()).isNotNull();
        assertThat(lifecycle.get("run-1-000001").status()).isEqualTo(OfferStatus.OFFERED);
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(mongo.findById("run-1", MatchingRunDocument.class).publishedAt()).isEqualTo(first.publishedAt());
        assertThat(notifications.to("r-1@example.org")).hasSize(1);
        assertThat(notifications.to("m-1@example.org")).hasSize(2);

        Publication again = lifecycle.publish("run-1", ADMIN, "127.0.0.1");

        assertThat(again.alreadyPublished()).isTrue();
        assertThat(again.offered()).isZero();
        assertThat(again.publishedAt()).isEqualTo(first.publishedAt());
        assertThat(notifications.to("m-1@example.org")).hasSize(2);
        assertThat(audit.list(LifecycleService.PUBLISH_ACTION, null, 0, 10).getContent())
                .extracting(e -> e.detail())
                .containsExactly("already published; nothing changed", "3 offered, 0 withdrawn");
    }

    @Test
    void publishingAgainFinishesAPublicationCutShortAndTellsEachSideOnce() {
        // what a kill leaves: the run claimed, one offer made and its request proposed but nobody told yet, one offer
        // made with its request still open, one proposal still a draft, and no completion time
        Instant claimed = Instant.parse("2026-01-10T11:00:00Z");
        mongo.updateFirst(Query.query(Criteria.where("_id").is("run-1")), new Update().set("publishedAt", claimed),
                MatchingRunDocument.class);
        for (String id : List.of("run-1-000001", "run-1-000002")) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", OfferStatus.OFFERED)
                    .set("offeredAt", claimed), ProposalDocument.class);
        }
        requests.changeStatus("r-1", RequestStatus.OPEN, RequestStatus.PROPOSED);
        assertThat(lifecycle.get("run-1-000003").status()).isEqualTo(OfferStatus.DRAFT);

        Publication finished = lifecycle.publish("run-1", ADMIN, null);

        assertThat(finished.alreadyPublished()).isFalse();
        assertThat(finished.offered()).isEqualTo(1);
        assertThat(finished.publishedAt()).isEqualTo(claimed);
        for (String request : List.of("r-1", "r-2", "r-3")) {
            assertThat(requests.get(request).status()).as(request).isEqualTo(RequestStatus.PROPOSED);
            assertThat(notifications.to(request + "@example.org")).as(request).hasSize(1);
        }
        assertThat(notifications.to("m-1@example.org")).hasSize(2);
        assertThat(notifications.to("m-2@example.org")).hasSize(1);
        MatchingRunDocument run = mongo.findById("run-1", MatchingRunDocument.class);
        assertThat(run.publishCompletedAt()).isNotNull();
        assertThat(audit.list(LifecycleService.PUBLISH_ACTION, null, 0, 10).getContent())
                .anySatisfy(event -> assertThat(event.detail()).startsWith("finished a publication cut short"));

        Publication again = lifecycle.publish("run-1", ADMIN, null);

        assertThat(again.alreadyPublished()).isTrue();
        assertThat(notifications.to("r-1@example.org")).hasSize(1);
        assertThat(notifications.to("m-1@example.org")).hasSize(2);
    }

    @Test
    void aRunMadeBeforeAnotherRunWasPublishedIsRefusedAsOutdated() {
        Instant later = Instant.parse("2026-01-10T12:00:00Z");
        mongo.insert(new MatchingRunDocument("run-2", RunStatus.COMPLETED, 30, new WeightsDocument(10, 8, 6, 2, 12, 1,
                1), 1, "OptaPlanner", "0hard/0medium/10soft", true, 3, 2, 0, 0, List.of(), later, later, later, null,
                null, null, null));
        lifecycle.publish("run-2", ADMIN, null);

        assertThatThrownBy(() -> lifecycle.publish("run-1", ADMIN, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("run-outdated");
                    assertThat(e.getMessage()).contains("run-2", "start a new run");
                });
        assertThat(lifecycle.get("run-1-000001").status()).isEqualTo(OfferStatus.DRAFT);
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);
        assertThat(mongo.findById("run-1", MatchingRunDocument.class).publishedAt()).isNull();
        assertThat(lifecycle.publish("run-2", ADMIN, null).alreadyPublished()).isTrue();
        assertThat(lifecycle.isOutdated("run-1")).isTrue();
        assertThat(lifecycle.isOutdated("run-2")).isFalse();
    }

    @Test
    void ofTwoRunsPublishedAtTheSameMomentNeverBothArePublished() throws Exception {
        ExecutorService admins = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 10; attempt++) {
                Instant made = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                List<String> runIds = List.of("a-" + attempt, "b-" + attempt);
                for (String runId : runIds) {
                    requests.create(request("r-" + runId));
                    mongo.insert(new MatchingRunDocument(runId, RunStatus.COMPLETED, 30, new WeightsDocument(10, 8, 6,
                            2, 12, 1, 1), 1, "OptaPlanner", "0hard/0medium/10soft", true, 1, 2, 0, 1, List.of(), made,
                            made, made, null, null, null, null));
                    proposal(runId + "-000001", runId, "r-" + runId, "m-2");
                }
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<String>> outcomes = admins.invokeAll(runIds.stream().<Callable<String>>map(runId -> () -> {
                    together.await();
                    try {
                        lifecycle.publish(runId, ADMIN, null);
                        return "published";
                    } catch (ConflictException e) {
                        return e.code();
                    }
                }).toList());
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertThat(results).as("attempt " + attempt).doesNotContainSequence("published", "published")
                        .allMatch(result -> result.equals("published") || result.equals("run-outdated"));
                for (int i = 0; i < 2; i++) {
                    if (results.get(i).equals("run-outdated")) {
                        String refused = runIds.get(i);
                        assertThat(mongo.findById(refused, MatchingRunDocument.class).publishedAt()).isNull();
                        assertThat(lifecycle.get(refused + "-000001").status()).isEqualTo(OfferStatus.DRAFT);
                        assertThat(requests.get("r-" + refused).status()).isEqualTo(RequestStatus.OPEN);
                    }
                }
                Thread.sleep(2);
            }
        } finally {
            admins.shutdownNow();
        }
    }

    @Test
    void onlyACompletedRunCanBePublished() {
        for (RunStatus status : List.of(RunStatus.CANCELLED, RunStatus.FAILED, RunStatus.QUEUED,
                RunStatus.SOLVING)) {
            run("run-" + status, status);
            proposal("run-" + status + "-000001", "run-" + status, "r-1", "m-2");

            assertThatThrownBy(() -> lifecycle.publish("run-" + status, ADMIN, null))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("run-not-completed"));
            assertThat(lifecycle.get("run-" + status + "-000001").status()).isEqualTo(OfferStatus.DRAFT);
        }
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void aProposalWhoseRequestIsNoLongerOpenIsWithdrawnAtPublication() {
        requests.changeStatus("r-2", RequestStatus.OPEN, RequestStatus.WITHDRAWN);

        Publication publication = lifecycle.publish("run-1", ADMIN, null);

        assertThat(publication.offered()).isEqualTo(2);
        assertThat(publication.withdrawn()).isEqualTo(1);
        assertThat(lifecycle.get("run-1-000002").status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(requests.get("r-2").status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThatThrownBy(() -> lifecycle.answer("run-1-000002", Side.MENTOR, Answer.ACCEPTED, "m-1@example.org",
                false, null)).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("offer-not-open"));
    }

    @Test
    void aDraftCannotBeAnswered() {
        assertThatThrownBy(() -> lifecycle.answer("run-1-000001", Side.RESEARCHER, Answer.ACCEPTED,
                "r-1@example.org", false, null)).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("offer-not-open"));
    }

    @Test
    void bothSidesAcceptingStartsAnActiveMentorshipForTheRequestedDuration() {
        lifecycle.publish("run-1", ADMIN, null);

        Offer half = lifecycle.answer("run-1-000001", Side.RESEARCHER, Answer.ACCEPTED, "r-1@example.org", false,
                null);

        assertThat(half.status()).isEqualTo(OfferStatus.OFFERED);
        assertThat(half.researcherAnswer()).isEqualTo(Answer.ACCEPTED);
        assertThat(mongo.findAll(MentorshipDocument.class)).isEmpty();

        Offer both = lifecycle.answer("run-1-000001", Side.MENTOR, Answer.ACCEPTED, ADMIN, true, "10.0.0.1");

        assertThat(both.status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(both.mentorAnsweredBy()).isEqualTo(ADMIN);
        assertThat(both.closedAt()).isNotNull();
        MentorshipDocument mentorship = mongo.findById("run-1-000001", MentorshipDocument.class);
        assertThat(mentorship.status()).isEqualTo(MentorshipStatus.ACTIVE);
        assertThat(mentorship.requestExternalId()).isEqualTo("r-1");
        assertThat(mentorship.mentorExternalId()).isEqualTo("m-1");
        assertThat(mentorship.startDate()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(mentorship.endDate()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.MATCHED);
        assertThat(audit.list(LifecycleService.ANSWER_ACTION, null, 0, 10).getContent())
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(ADMIN);
                    assertThat(e.target()).isEqualTo("run-1-000001");
                    assertThat(e.detail()).isEqualTo("ACCEPTED on behalf of the mentor");
                });
        assertThat(inputs.settled()).extractingFromEntries(e -> e.getKey().externalId(), e -> e.getValue())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("r-1", "m-1"),
                        org.assertj.core.groups.Tuple.tuple("r-2", "m-1"), org.assertj.core.groups.Tuple.tuple("r-3",
                                "m-2"));
        assertThat(inputs.openRequests()).isEmpty();
    }

    @Test
    void aSideAnswersOnce() {
        lifecycle.publish("run-1", ADMIN, null);
        lifecycle.answer("run-1-000001", Side.RESEARCHER, Answer.ACCEPTED, "r-1@example.org", false, null);

        assertThatThrownBy(() -> lifecycle.answer("run-1-000001", Side.RESEARCHER, Answer.ACCEPTED,
                "r-1@example.org", false, null)).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("already-answered"));
        assertThatThrownBy(() -> lifecycle.answer("run-1-000001", Side.RESEARCHER, Answer.DECLINED,
                "r-1@example.org", false, null)).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("already-answered"));
        assertThat(lifecycle.get("run-1-000001").status()).isEqualTo(OfferStatus.OFFERED);
    }

    @Test
    void aDeclineReopensTheRequestAndKeepsThePairApartInLaterRuns() {
        lifecycle.publish("run-1", ADMIN, null);
        lifecycle.answer("run-1-000002", Side.RESEARCHER, Answer.ACCEPTED, "r-2@example.org", false, null);

        Offer declined = lifecycle.answer("run-1-000002", Side.MENTOR, Answer.DECLINED, "m-1@example.org", false,
                null);

        assertThat(declined.status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(requests.get("r-2").status()).isEqualTo(RequestStatus.OPEN);
        assertThat(requests.get("r-2").request().excludedMentorIds()).containsExactly("m-1");
        assertThat(inputs.openRequests()).extracting(MentorshipRequest::externalId).containsExactly("r-2");
        assertThat(mongo.findAll(MentorshipDocument.class)).isEmpty();
        assertThatThrownBy(() -> lifecycle.answer("run-1-000002", Side.MENTOR, Answer.ACCEPTED, "m-1@example.org",
                false, null)).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("offer-not-open"));
        assertThat(notifications.to("r-2@example.org")).extracting(n -> n.subject())
                .contains("A mentorship offer was declined");
    }

    @Test
    void eachSideListsOnlyTheirOwnPublishedOffers() {
        assertThat(lifecycle.forMentor("m-1")).isEmpty();

        lifecycle.publish("run-1", ADMIN, null);

        assertThat(lifecycle.forMentor("m-1")).extracting(Offer::id)
                .containsExactlyInAnyOrder("run-1-000001", "run-1-000002");
        assertThat(lifecycle.forRequests(List.of("r-3"))).extracting(Offer::id).containsExactly("run-1-000003");
        assertThat(lifecycle.forRequests(List.of("r-3")).get(0).explanationFor(Side.RESEARCHER))
                .containsExactly("heat-health is your first choice");
        assertThat(lifecycle.forMentor("m-2").get(0).explanationFor(Side.MENTOR))
                .containsExactly("heat-health is their first choice");
        assertThat(lifecycle.get("run-1-000003").explanation().admin())
                .containsExactly("heat-health is the researcher's first choice");
    }

    @Test
    void eachSideIsToldWhyInTheirOwnWords() {
        lifecycle.publish("run-1", ADMIN, null);

        assertThat(notifications.to("r-3@example.org")).singleElement().satisfies(n -> assertThat(n.body())
                .contains("Why this pair:\n- heat-health is your first choice\n")
                .doesNotContain("their first choice"));
        assertThat(notifications.to("m-2@example.org")).singleElement().satisfies(n -> assertThat(n.body())
                .contains("Why this pair:\n- heat-health is their first choice\n")
                .doesNotContain("your first choice"));
    }

    @Test
    void aProposalSavedBeforeWordingPerReaderStillShowsItsExplanation() {
        mongo.remove(new Query(), ProposalDocument.class);
        mongo.getCollection(ProposalDocument.COLLECTION).insertOne(new Document("_id", "run-1-000001")
                .append("runId", "run-1").append("requestExternalId", "r-1").append("mentorExternalId", "m-1")
                .append("explanation", List.of("Research domains: heat-health matches exactly (your first choice)"))
                .append("affinity", 9).append("overlapMinutes", 60).append("valid", true).append("version", 0L));

        lifecycle.publish("run-1", ADMIN, null);

        Offer offer = lifecycle.forMentor("m-1").get(0);
        assertThat(offer.explanationFor(Side.MENTOR)).containsExactly(
                "Research domains: heat-health matches exactly (your first choice)");
        assertThat(offer.explanation().admin()).isEqualTo(offer.explanationFor(Side.RESEARCHER));
        assertThat(results.proposals("run-1")).singleElement().satisfies(p -> assertThat(mapper.toProposal(p)
                .explanation()).containsExactly("Research domains: heat-health matches exactly (your first choice)"));
        assertThat(notifications.to("m-1@example.org")).singleElement().satisfies(n -> assertThat(n.body())
                .contains("- Research domains: heat-health matches exactly (your first choice)"));
    }
}
