package org.mentoring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCapacity;
import static org.mentoring.people.PeopleFixtures.withExcluded;
import static org.mentoring.people.PeopleFixtures.withSlots;
import static org.mentoring.people.PeopleFixtures.withTimeZone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.UnmatchedDocument;
import org.mentoring.matching.persistence.WeightsDocument;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.SlotInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class OverrideServiceTest {

    private static final String ADMIN = "coordinator@example.org";

    @Autowired
    OverrideService overrides;
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

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        mentors.create(nearby(mentor("m-1")));
        mentors.create(nearby(mentor("m-2")));
        mentors.create(nearby(withCapacity(mentor("m-full"), "1")));
        requests.create(withExcluded(request("r-1"), "m-2"));
        requests.create(request("r-2"));
        requests.create(request("r-settled"));
        mongo.insert(new MentorshipDocument("ms-1", "r-settled", "m-full", MentorshipStatus.ACTIVE,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 1), null, Instant.now(), null));
        Instant at = Instant.parse("2026-01-10T10:00:00Z");
        mongo.insert(new MatchingRunDocument("run-1", RunStatus.COMPLETED, 30,
                new WeightsDocument(10, 8, 6, 2, 12, 1, 1), 1, "OptaPlanner", "0hard/0medium/10soft", true, 2, 3, 1,
                2, List.of(), at, at, at, null, null, null, null));
        mongo.insert(ProposalDocument.draft("run-1-000001", "run-1", "r-1", "m-1", Explanation.same(List.of("why")), 10,
                60, true));
        mongo.insert(ProposalDocument.draft("run-1-000002", "run-1", "r-2", "m-1", Explanation.same(List.of("why")), 10,
                60, true));
    }

    /** A mentor free when the fixtures' requests are, so that only the rule a test is about can break. */
    private static MentorInput nearby(MentorInput mentor) {
        return withSlots(withTimeZone(mentor, "America/Vancouver"), new SlotInput("TUESDAY", "07:00", "09:00"));
    }

    @Test
    void candidatesAreRankedAllowedFirstWithWhatEachWouldBreak() {
        List<Candidate> candidates = overrides.candidates("r-1");

        assertThat(candidates).extracting(Candidate::mentorExternalId).containsExactly("m-1", "m-2", "m-full");
        assertThat(candidates.get(0).broken()).isEmpty();
        assertThat(candidates.get(1).broken()).containsExactly(HardRule.CONFLICT);
        assertThat(candidates.get(2).broken()).containsExactly(HardRule.CAPACITY);
        assertThat(candidates.get(2).load()).isEqualTo(1);
    }

    @Test
    void anOverrideBreakingAHardRuleIsRefusedNamingIt() {
        assertThatThrownBy(() -> overrides.override("run-1-000001", "m-full", ADMIN, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("mentorExternalId");
                            assertThat(error.message()).contains("CAPACITY (rule 1): 1 of 1 places already taken");
                        }));
        assertThatThrownBy(() -> overrides.override("run-1-000001", "m-2", ADMIN, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).message())
                        .contains("CONFLICT (rule 4)"));
        assertThat(lifecycle.get("run-1-000001").mentorExternalId()).isEqualTo("m-1");
    }

    @Test
    void anAllowedOverrideChangesTheMentorAndClearsTheAnswers() {
        lifecycle.publish("run-1", ADMIN, null);
        lifecycle.answer("run-1-000002", Side.RESEARCHER, Answer.ACCEPTED, "r-2@example.org", false, null);

        Offer changed = overrides.override("run-1-000002", "m-2", ADMIN, "10.0.0.1");

        assertThat(changed.mentorExternalId()).isEqualTo("m-2");
        assertThat(changed.status()).isEqualTo(OfferStatus.OFFERED);
        assertThat(changed.researcherAnswer()).isNull();
        assertThat(changed.explanation().researcher()).first().isEqualTo("Chosen by an admin.");
        assertThat(changed.explanation().researcher()).anySatisfy(line -> assertThat(line).contains("your time ("));
        assertThat(changed.explanation().mentor()).first().isEqualTo("Chosen by an admin.");
        assertThat(changed.explanation().mentor()).anySatisfy(line -> assertThat(line).contains("theirs, in"));
        assertThat(changed.explanation().admin()).first().isEqualTo("Chosen by an admin.");
        assertThat(changed.explanation().admin())
                .noneSatisfy(line -> assertThat(line).containsPattern("\\b[Yy]our?\\b"))
                .anySatisfy(line -> assertThat(line).contains("researcher's time ("));
        assertThat(audit.list(OverrideService.OVERRIDE_ACTION, null, 0, 5).getContent())
                .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("m-1 -> m-2"));
    }

    @Test
    void aClosedOfferCannotBeOverridden() {
        lifecycle.publish("run-1", ADMIN, null);
        lifecycle.answer("run-1-000002", Side.MENTOR, Answer.DECLINED, "m-1@example.org", false, null);

        assertThatThrownBy(() -> overrides.override("run-1-000002", "m-2", ADMIN, null))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("offer-not-open"));
        assertThat(overrides.candidates("r-2")).filteredOn(c -> c.mentorExternalId().equals("m-1"))
                .singleElement().satisfies(c -> assertThat(c.broken()).containsExactly(HardRule.CONFLICT));
    }

    @Test
    void aRunsCandidatesCountItsDraftsSoAMentorItFilledIsNotOfferedForPairing() {
        mentors.update("m-1", withCapacity(nearby(mentor("m-1")), "2"), mentors.get("m-1").version());
        requests.create(request("r-3"));
        mongo.insert(new UnmatchedDocument("run-1-000001", "run-1", "r-3", List.of("no mentor placed")));

        // run-1's two drafts fill m-1: pairing is refused, so the run's candidates say so beforehand
        assertThat(overrides.candidates("r-3", "run-1")).filteredOn(c -> c.mentorExternalId().equals("m-1"))
                .singleElement().satisfies(c -> {
                    assertThat(c.broken()).containsExactly(HardRule.CAPACITY);
                    assertThat(c.load()).isEqualTo(2);
                });
        assertThatThrownBy(() -> overrides.pairWith("run-1", "r-3", "m-1", ADMIN, null))
                .isInstanceOf(InvalidInputException.class);
        // a request's own draft does not count against its current mentor
        assertThat(overrides.candidates("r-1", "run-1")).filteredOn(c -> c.mentorExternalId().equals("m-1"))
                .singleElement().satisfies(c -> {
                    assertThat(c.allowed()).isTrue();
                    assertThat(c.load()).isEqualTo(1);
                });
    }

    @Test
    void anUnmatchedRequestIsPairedByHandOnceBeforePublishingAndNeverAgainstARule() {
        requests.create(request("r-3"));
        mongo.insert(new UnmatchedDocument("run-1-000001", "run-1", "r-3", List.of("no mentor placed")));

        assertThatThrownBy(() -> overrides.pairWith("run-1", "r-3", "m-full", ADMIN, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("CAPACITY (rule 1)"));
        assertThatThrownBy(() -> overrides.pairWith("run-1", "r-1", "m-1", ADMIN, null))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("not-unmatched"));

        Offer paired = overrides.pairWith("run-1", "r-3", "m-2", ADMIN, "10.0.0.1");

        assertThat(paired.status()).isEqualTo(OfferStatus.DRAFT);
        assertThat(paired.runId()).isEqualTo("run-1");
        assertThat(paired.explanation().admin()).first().isEqualTo("Chosen by an admin.");
        assertThat(mongo.findAll(UnmatchedDocument.class)).isEmpty();
        assertThat(mongo.findAll(ProposalDocument.class)).extracting(ProposalDocument::requestExternalId)
                .containsExactlyInAnyOrder("r-1", "r-2", "r-3");
        assertThat(audit.list(OverrideService.PAIR_ACTION, null, 0, 5).getContent())
                .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("r-3 -> m-2"));
        assertThatThrownBy(() -> overrides.pairWith("run-1", "r-3", "m-2", ADMIN, null))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("not-unmatched"));

        // publishing offers the hand-made pair with the others; then the run takes no more pairs
        assertThat(lifecycle.publish("run-1", ADMIN, null).offered()).isEqualTo(3);
        requests.create(request("r-4"));
        mongo.insert(new UnmatchedDocument("run-1-000002", "run-1", "r-4", List.of("no mentor placed")));
        assertThatThrownBy(() -> overrides.pairWith("run-1", "r-4", "m-2", ADMIN, null))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("run-published"));
    }
}
