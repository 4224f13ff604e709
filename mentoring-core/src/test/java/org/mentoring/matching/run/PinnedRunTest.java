package org.mentoring.matching.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCapacity;
import static org.mentoring.people.PeopleFixtures.withMinOverlap;
import static org.mentoring.people.PeopleFixtures.withSlots;
import static org.mentoring.people.PeopleFixtures.withTimeZone;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoreTest;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.SlotInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.pins.Pin;
import org.mentoring.pins.PinService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/** A coordinator's pin: checked when it is made, kept by the next run while the rest is placed anew. */
@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
@Import(PinService.class)
class PinnedRunTest {

    private static final String ADMIN = "coordinator@example.org";

    @Autowired
    PinService pins;
    @Autowired
    MatchingInputs inputs;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AuditService audit;
    @Autowired
    RunResultStore results;

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        mentors.create(nearby(withCapacity(mentor("m-1"), "1")));
        mentors.create(nearby(withCapacity(mentor("m-2"), "1")));
        // both researchers would rather have m-2; r-2 more so (m-2 is its first choice, r-1 names nobody)
        requests.create(request("r-1"));
        requests.create(request("r-2", "m-2"));
        requests.create(withMinOverlap(request("r-long"), "600"));
        draft("run-1-000001", "r-1", "m-2");
        draft("run-1-000002", "r-2", "m-1");
        draft("run-1-000003", "r-long", "m-1");
    }

    /** A mentor free when the fixtures' requests are, so that only the rule a test is about can break. */
    private static MentorInput nearby(MentorInput mentor) {
        return withSlots(withTimeZone(mentor, "America/Vancouver"), new SlotInput("TUESDAY", "07:00", "09:00"));
    }

    private void draft(String id, String request, String mentor) {
        mongo.insert(ProposalDocument.draft(id, "run-1", request, mentor, Explanation.same(List.of("why")), 10, 120,
                true));
    }

    private MatchingResult nextRun(InputSnapshot snapshot) {
        return new MatchingEngine().solve(MatchingRunService.problem(snapshot,
                new RunSettings.Resolved(10, MatchingWeights.defaults(), 1, null)));
    }

    @Test
    void withoutAPinTheRunGivesTheFirstChoiceItsMentor() {
        MatchingResult result = nextRun(inputs.snapshot());

        assertThat(result.proposals()).filteredOn(p -> p.requestExternalId().equals("r-2")).singleElement()
                .satisfies(p -> assertThat(p.mentorExternalId()).isEqualTo("m-2"));
    }

    @Test
    void aPinnedPairStaysInTheNextRunTakingTheMentorsPlaceWhileTheRestIsPlacedAnew() {
        Pin pin = pins.pin("run-1-000001", ADMIN, "10.0.0.1");
        assertThat(pin.mentorExternalId()).isEqualTo("m-2");
        assertThat(pin.requestName()).isEqualTo("J. Singh");
        assertThat(audit.list("proposal.pin", null, 0, 5).getContent()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("r-1 -> m-2"));

        InputSnapshot snapshot = inputs.snapshot();
        assertThat(snapshot.pinned()).containsExactlyEntriesOf(java.util.Map.of("r-1", "m-2"));
        MatchingResult result = nextRun(snapshot);

        assertThat(result.proposals()).filteredOn(p -> p.requestExternalId().equals("r-1")).singleElement()
                .satisfies(p -> {
                    assertThat(p.mentorExternalId()).isEqualTo("m-2");
                    assertThat(p.pinned()).isTrue();
                    assertThat(p.explanation().admin()).first().asString().contains("Pinned by a coordinator");
                    assertThat(p.explanation().admin()).anySatisfy(line -> assertThat(line).contains("time"));
                });
        // m-2's one place is the pin's: r-2, who would rather have m-2, gets m-1, and the run says it is the best
        assertThat(result.proposals()).filteredOn(p -> p.requestExternalId().equals("r-2")).singleElement()
                .satisfies(p -> {
                    assertThat(p.mentorExternalId()).isEqualTo("m-1");
                    assertThat(p.pinned()).isFalse();
                });
        assertThat(result.provenOptimal()).isTrue();
        assertThat(result.feasible()).isTrue();
        assertThat(result.requestCount()).isEqualTo(3);
        assertThat(result.matchedCount()).isEqualTo(2);
        assertThat(result.settledCount()).isZero();

        results.save("run-2", result);
        assertThat(results.proposals("run-2")).filteredOn(ProposalDocument::isPinned)
                .extracting(ProposalDocument::requestExternalId).containsExactly("r-1");
    }

    @Test
    void aPinThatBreaksAHardRuleIsRefusedNamingIt() {
        assertThatThrownBy(() -> pins.pin("run-1-000003", ADMIN, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("mentorExternalId");
                            assertThat(error.message()).contains("TIME_TOGETHER (rule 2)")
                                    .contains("less than the 10 h asked for");
                        }));
        assertThat(pins.list()).isEmpty();
    }

    @Test
    void aSecondPinOnAFullMentorIsRefusedNamingCapacity() {
        pins.pin("run-1-000002", ADMIN, null);
        mongo.insert(ProposalDocument.draft("run-9-000001", "run-9", "r-1", "m-1", Explanation.same(List.of("why")),
                10, 120, true));

        assertThatThrownBy(() -> pins.pin("run-9-000001", ADMIN, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).message())
                        .contains("CAPACITY (rule 1): 1 of 1 places already taken"));
    }

    @Test
    void aWithdrawnRequestCannotBePinnedAndAPinOfOneIsDroppedByTheNextRun() {
        pins.pin("run-1-000001", ADMIN, null);
        requests.changeStatus("r-1", RequestStatus.OPEN, RequestStatus.WITHDRAWN);

        assertThatThrownBy(() -> pins.pin("run-1-000001", ADMIN, null))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("request-withdrawn"));

        InputSnapshot snapshot = inputs.snapshot();
        assertThat(snapshot.pinned()).isEmpty();
        assertThat(snapshot.droppedPins()).containsEntry("r-1", "the request is withdrawn");
        pins.drop("run-2", snapshot.droppedPins());
        assertThat(pins.list()).singleElement().satisfies(p -> {
            assertThat(p.active()).isFalse();
            assertThat(p.droppedByRun()).isEqualTo("run-2");
            assertThat(p.droppedReason()).isEqualTo("the request is withdrawn");
        });
        assertThat(audit.list("pin.dropped", null, 0, 5).getContent()).hasSize(1);
    }

    @Test
    void unpinningLetsTheNextRunDecideAgain() {
        pins.pin("run-1-000001", ADMIN, null);

        assertThat(pins.unpin("run-1-000001", ADMIN, null)).isTrue();
        assertThat(pins.unpin("run-1-000001", ADMIN, null)).isFalse();

        assertThat(inputs.snapshot().pinned()).isEmpty();
        assertThat(audit.list("proposal.unpin", null, 0, 5).getContent()).hasSize(1);
    }
}
