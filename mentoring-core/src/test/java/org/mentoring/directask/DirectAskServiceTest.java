package org.mentoring.directask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCapacity;
import static org.mentoring.people.PeopleFixtures.withExcluded;
import static org.mentoring.people.PeopleFixtures.withName;
import static org.mentoring.people.PeopleFixtures.withSlots;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.OverrideService;
import org.mentoring.lifecycle.Publication;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.WeightsDocument;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoreTest;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.SlotInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
@Import({DirectAskService.class, DirectAskSettings.class})
class DirectAskServiceTest {

    private static final String RESEARCHER = "r-1@example.org";
    private static final String HELLO = "Your heat-health work is what I hope to learn from.";

    @Autowired
    DirectAskService asks;
    @Autowired
    DirectAskSettings settings;
    @Autowired
    LifecycleService lifecycle;
    @Autowired
    OverrideService overrides;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    MentorPlaces places;
    @Autowired
    MatchingInputs inputs;
    @Autowired
    NotificationService notifications;
    @Autowired
    AuditService audit;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        // Nairobi TUE 18:00-20:00 (+03:00) is Vancouver TUE 07:00-09:00 (-08:00 on 2026-02-01): two hours together
        mentors.create(fitting("m-1", "Dr. Grace Achieng", "2"));
        mentors.create(fitting("m-2", "Dr. Arjun Rao", "1"));
        requests.create(request("r-1"));
        requests.create(request("r-2"));
    }

    private static MentorInput fitting(String id, String name, String capacity) {
        return withCapacity(withName(withSlots(mentor(id), new SlotInput("TUESDAY", "18:00", "20:00")), name),
                capacity);
    }

    @Test
    void anAskOffersTheMentorAPlaceWithADeadlineAndProposesTheRequest() {
        DirectAsk ask = asks.ask("r-1", "m-1", "  " + HELLO + "\n", RESEARCHER, "127.0.0.1");

        ProposalDocument offer = mongo.findById(ask.id(), ProposalDocument.class);
        assertThat(offer.status()).isEqualTo(OfferStatus.OFFERED);
        assertThat(offer.runId()).isNull();
        assertThat(offer.researcherAnswer()).isEqualTo(Answer.ACCEPTED);
        assertThat(offer.researcherAnsweredBy()).isEqualTo(RESEARCHER);
        assertThat(offer.mentorAnswer()).isNull();
        assertThat(offer.directAskMessage()).isEqualTo(HELLO);
        assertThat(Duration.between(offer.offeredAt(), offer.answerBy())).isEqualTo(Duration.ofDays(14));
        assertThat(offer.explanation()).contains("You asked Dr. Grace Achieng directly");
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(places.held(List.of("m-1"))).containsEntry("m-1", 1);
        assertThat(notifications.to("m-1@example.org")).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(DirectAskService.SUBJECT);
            assertThat(mail.body()).contains("J. Singh").contains("> " + HELLO);
        });
        assertThat(audit.list(DirectAskService.ACTION, RESEARCHER, 0, 5).getContent()).singleElement()
                .satisfies(event -> assertThat(event.detail()).contains("m-1"));
        assertThat(asks.pending()).extracting(DirectAsk::researcherName, DirectAsk::mentorName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("J. Singh", "Dr. Grace Achieng"));
    }

    @Test
    void aPairBreakingEveryRuleIsRefusedNamingEachRuleInWordsAndNothingChanges() {
        mentors.create(new MentorInput("m-3", "Dr. Chen Wei", "m-3@example.org", "Fudan University", "CN",
                "Asia/Shanghai", List.of("zh"), List.of("planetary-health/climate-health/heat-health"), List.of(),
                "0", "2026-06-01", null, List.of(new SlotInput("MONDAY", "09:00", "10:00"))));
        requests.create(withExcluded(request("r-3"), "m-3"));

        assertThatThrownBy(() -> asks.ask("r-3", "m-3", HELLO, RESEARCHER, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("You cannot ask Dr. Chen Wei directly");
                    assertThat(e.errors()).allSatisfy(error -> assertThat(error.field()).isEqualTo("mentorExternalId"))
                            .extracting(InvalidInputException.FieldError::message).containsExactly(
                                    "Dr. Chen Wei has no free place (0 of 0 taken)",
                                    "you and Dr. Chen Wei share no weekly time (your request asks for at least 1 h)",
                                    "Dr. Chen Wei is not available on your start date, 1 February 2026 (available"
                                            + " from 1 June 2026)",
                                    "your request excludes Dr. Chen Wei (you asked not to be matched, or declined an"
                                            + " offer with them)",
                                    "you share no language with Dr. Chen Wei (you speak English; Dr. Chen Wei speaks"
                                            + " Chinese)");
                });
        assertThat(requests.get("r-3").status()).isEqualTo(RequestStatus.OPEN);
        assertThat(mongo.count(new Query(), ProposalDocument.class)).isZero();
        assertThat(places.held(List.of("m-3")).getOrDefault("m-3", 0)).isZero();
        assertThat(notifications.to("m-3@example.org")).isEmpty();
    }

    @Test
    void eachRuleIsCheckedByTheEnginesOwnCodeAndNamedAlone() {
        MentorshipRequest request = requests.get("r-1").request();
        PairEvaluator evaluator = new PairEvaluator();
        assertThat(PairRules.check(evaluator, request, mentors.get("m-1").mentor(), 0)).isEmpty();
        assertThat(PairRules.check(evaluator, request, mentors.get("m-1").mentor(), 2))
                .extracting(BrokenRule::rule).containsExactly(HardRule.CAPACITY);
        // the fixture mentor's Nairobi afternoon is Vancouver's night
        mentors.create(withName(mentor("m-4"), "Dr. Night Owl"));
        assertThat(PairRules.check(evaluator, request, mentors.get("m-4").mentor(), 0))
                .extracting(BrokenRule::rule).containsExactly(HardRule.TIME_TOGETHER);
        mentors.create(new MentorInput("m-5", "Dr. Same", RESEARCHER, null, "CA", "America/Vancouver",
                List.of("en"), List.of("planetary-health/climate-health/heat-health"), List.of(), "2", "2026-01-01",
                null, List.of(new SlotInput("TUESDAY", "07:00", "09:00"))));
        assertThat(PairRules.check(evaluator, request, mentors.get("m-5").mentor(), 0))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.rule()).isEqualTo(HardRule.CONFLICT);
                    assertThat(rule.reason()).isEqualTo("Dr. Same is you: nobody can mentor themself");
                });
    }

    @Test
    void aFullMentorIsRefusedNamingThem() {
        asks.ask("r-1", "m-2", HELLO, RESEARCHER, null);

        assertThatThrownBy(() -> asks.ask("r-2", "m-2", HELLO, "r-2@example.org", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::message)
                        .containsExactly("Dr. Arjun Rao has no free place (1 of 1 taken)"));
        assertThat(requests.get("r-2").status()).isEqualTo(RequestStatus.OPEN);
        assertThat(places.held(List.of("m-2"))).containsEntry("m-2", 1);
    }

    @Test
    void aMentorWhoPausedIsRefusedNamingTheDateUntilThePauseEnds() {
        java.time.LocalDate until = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(2);
        mentors.pause("m-2", until);

        assertThatThrownBy(() -> asks.ask("r-1", "m-2", HELLO, RESEARCHER, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::message)
                        .containsExactly("Dr. Arjun Rao takes no new mentee before " + until.format(
                                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH))
                                + " (a pause they chose)"));
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);

        mentors.pause("m-2", null);
        assertThat(asks.ask("r-1", "m-2", HELLO, RESEARCHER, null)).isNotNull();
    }

    @Test
    void aSecondAskWhileOneWaitsIsRefusedNamingTheOneWaiting() {
        asks.ask("r-1", "m-1", HELLO, RESEARCHER, null);

        assertThatThrownBy(() -> asks.ask("r-1", "m-2", HELLO, RESEARCHER, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("direct-ask-pending");
                    assertThat(e.getMessage()).contains("Dr. Grace Achieng was asked on");
                });
        assertThat(places.held(List.of("m-2")).getOrDefault("m-2", 0)).isZero();
        assertThat(mongo.count(new Query(), ProposalDocument.class)).isEqualTo(1);
    }

    @Test
    void theMentorDecliningReopensTheRequestAndFreesThePlace() {
        DirectAsk ask = asks.ask("r-1", "m-2", HELLO, RESEARCHER, null);

        lifecycle.answer(ask.id(), Side.MENTOR, Answer.DECLINED, "m-2@example.org", false, null);

        assertThat(lifecycle.get(ask.id()).status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);
        assertThat(places.held(List.of("m-2"))).containsEntry("m-2", 0);
        assertThat(asks.pending()).isEmpty();
        // the request may ask again, someone else
        assertThat(asks.ask("r-1", "m-1", HELLO, RESEARCHER, null).mentorName()).isEqualTo("Dr. Grace Achieng");
    }

    @Test
    void theMentorAcceptingStartsAnActiveMentorship() {
        DirectAsk ask = asks.ask("r-1", "m-2", HELLO, RESEARCHER, null);

        lifecycle.answer(ask.id(), Side.MENTOR, Answer.ACCEPTED, "m-2@example.org", false, null);

        assertThat(lifecycle.get(ask.id()).status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.MATCHED);
        assertThat(mongo.findById(ask.id(), MentorshipDocument.class).status()).isEqualTo(MentorshipStatus.ACTIVE);
        assertThat(places.held(List.of("m-2"))).containsEntry("m-2", 1);
        assertThatThrownBy(() -> asks.ask("r-1", "m-1", HELLO, RESEARCHER, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("request-not-open");
                    assertThat(e.getMessage()).endsWith("this one is matched: its mentorship is on (MATCHED)");
                });
    }

    @Test
    void anAdminCannotGiveADirectAskAnotherMentor() {
        DirectAsk ask = asks.ask("r-1", "m-2", HELLO, RESEARCHER, null);

        assertThatThrownBy(() -> overrides.override(ask.id(), "m-1", "coordinator@example.org", null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("direct-ask"));
        assertThat(lifecycle.get(ask.id()).mentorExternalId()).isEqualTo("m-2");
        assertThat(places.held(List.of("m-1")).getOrDefault("m-1", 0)).isZero();
    }

    @Test
    void aRunLeavesARequestWithAPendingAskAloneAndItsPublicationWithdrawsAnyProposalForIt() {
        Instant at = Instant.parse("2026-01-10T10:00:00Z");
        mongo.insert(new MatchingRunDocument("run-1", RunStatus.COMPLETED, 30, new WeightsDocument(10, 8, 6, 2, 12, 1,
                1), 1, "OptaPlanner", "0hard/0medium/10soft", true, 1, 2, 0, 1, List.of(), at, at, at, null, null,
                null, null));
        // a run made before the ask proposed another mentor for the same request
        mongo.insert(ProposalDocument.draft("run-1-000001", "run-1", "r-1", "m-2", Explanation.same(List.of("x")), 1,
                60, true));
        DirectAsk ask = asks.ask("r-1", "m-1", HELLO, RESEARCHER, null);

        assertThat(inputs.openRequests()).extracting(MentorshipRequest::externalId).containsExactly("r-2");
        assertThat(inputs.settled()).hasSize(1).containsValue("m-1");
        Publication published = lifecycle.publish("run-1", "coordinator@example.org", null);
        assertThat(published.offered()).isZero();
        assertThat(lifecycle.get("run-1-000001").status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(lifecycle.get(ask.id()).status()).isEqualTo(OfferStatus.OFFERED);
        assertThat(places.held(List.of("m-1"))).containsEntry("m-1", 1);
        assertThat(places.held(List.of("m-2")).getOrDefault("m-2", 0)).isZero();
    }

    @Test
    void turnedOffAsksAreRefusedInWords() {
        assertThat(settings.enabled()).isTrue();
        settings.setEnabled(false, "coordinator@example.org", null);

        assertThatThrownBy(() -> asks.ask("r-1", "m-1", HELLO, RESEARCHER, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("direct-asks-off");
                    assertThat(e.getMessage()).contains("turned direct asks off");
                });
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);
        settings.setEnabled(true, "coordinator@example.org", null);
        assertThat(settings.enabled()).isTrue();
    }

    @Test
    void aMissingOrOverlongMessageOrAnUnknownMentorIsRefusedNamingTheField() {
        assertThatThrownBy(() -> asks.ask("r-1", "m-1", "  ", RESEARCHER, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("message"));
        assertThatThrownBy(() -> asks.ask("r-1", "m-1", "a".repeat(2001), RESEARCHER, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("The message has 2001 characters; keep it to 2000"));
        assertThatThrownBy(() -> asks.ask("r-1", "m-1", "hello\u202Eworld", RESEARCHER, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> asks.ask("r-1", "m-none", HELLO, RESEARCHER, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("mentorExternalId"));
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);
    }
}
