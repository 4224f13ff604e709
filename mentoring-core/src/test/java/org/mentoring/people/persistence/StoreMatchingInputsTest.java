package org.mentoring.people.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCapacity;
import static org.mentoring.people.PeopleFixtures.withExcluded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.MentorshipRepository;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoreTest;
import org.mentoring.people.input.PeopleInputValidator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

@StoreTest
class StoreMatchingInputsTest {

    @Autowired
    MatchingInputs inputs;

    @Autowired
    MentorService mentors;

    @Autowired
    RequestService requests;

    @Autowired
    MentorshipRepository mentorships;

    @Autowired
    PeopleInputValidator validator;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyStore() {
        mongo.remove(new Query(), MentorshipRequestDocument.class);
        mongo.remove(new Query(), MentorDocument.class);
        mongo.remove(new Query(), MentorshipDocument.class);
        mongo.remove(new Query(), ProposalDocument.class);
    }

    @Test
    void aRunReadsMentorsWithCapacityAndOpenRequestsOnly() {
        mentors.create(mentor("m-1"));
        mentors.create(withCapacity(mentor("m-0"), "0"));
        requests.create(request("r-open"));
        requests.create(request("r-withdrawn"));
        requests.changeStatus("r-withdrawn", RequestStatus.OPEN, RequestStatus.WITHDRAWN);

        assertThat(inputs.mentors()).extracting(Mentor::externalId).containsExactly("m-1");
        assertThat(inputs.openRequests()).containsExactly(validator.request(request("r-open")).orThrow("r"));
        assertThat(inputs.settled()).isEmpty();
    }

    @Test
    void activeMentorshipsAreSettledPairsAndTheirMentorsAreReadEvenWhenFull() {
        mentors.create(withCapacity(mentor("m-full"), "0"));
        mentors.create(mentor("m-open"));
        requests.create(request("r-settled"));
        requests.changeStatus("r-settled", RequestStatus.OPEN, RequestStatus.MATCHED);
        requests.create(request("r-accepted-but-open"));
        requests.create(request("r-ended"));
        requests.create(request("r-open"));
        mentorships.insert(mentorship("ms-1", "r-settled", "m-full", MentorshipStatus.ACTIVE));
        mentorships.insert(mentorship("ms-2", "r-accepted-but-open", "m-open", MentorshipStatus.ACTIVE));
        mentorships.insert(mentorship("ms-3", "r-ended", "m-open", MentorshipStatus.COMPLETED));

        assertThat(inputs.mentors()).extracting(Mentor::externalId).containsExactly("m-full", "m-open");
        assertThat(inputs.openRequests()).extracting(MentorshipRequest::externalId)
                .containsExactly("r-ended", "r-open");
        assertThat(inputs.settled()).isEqualTo(Map.of(
                validator.request(request("r-settled")).orThrow("r"), "m-full",
                validator.request(request("r-accepted-but-open")).orThrow("r"), "m-open"));
    }

    @Test
    void anOfferWaitingForAnswersHoldsItsMentorsPlaceLikeAMentorship() {
        mentors.create(withCapacity(mentor("m-1"), "1"));
        requests.create(request("r-offered"));
        requests.changeStatus("r-offered", RequestStatus.OPEN, RequestStatus.PROPOSED);
        requests.create(request("r-declined"));
        mongo.insert(offer("run-1-000001", "r-offered", OfferStatus.OFFERED));
        mongo.insert(offer("run-1-000002", "r-declined", OfferStatus.DECLINED));

        assertThat(inputs.settled()).isEqualTo(Map.of(validator.request(request("r-offered")).orThrow("r"), "m-1"));
        assertThat(inputs.openRequests()).extracting(MentorshipRequest::externalId).containsExactly("r-declined");
        assertThat(inputs.snapshot()).as("the snapshot a run reads, from one read of the pairs")
                .isEqualTo(new InputSnapshot(inputs.mentors(), inputs.openRequests(), inputs.settled()));
    }

    @Test
    void aDeclinedPairStaysExcludedWhateverTheRequestSays() {
        mentors.create(mentor("m-1"));
        mentors.create(mentor("m-2"));
        requests.create(withExcluded(request("r-declined"), "m-2"));
        mongo.insert(offer("run-1-000001", "r-declined", OfferStatus.DECLINED));

        assertThat(inputs.openRequests()).singleElement()
                .satisfies(r -> assertThat(r.excludedMentorIds()).containsExactlyInAnyOrder("m-1", "m-2"));
        assertThat(requests.get("r-declined").request().excludedMentorIds()).containsExactly("m-2");
    }

    @Test
    void aPausedMentorTakesNoNewMenteeUntilTheDateButKeepsTheirMentorships() {
        mentors.create(mentor("m-paused"));
        mentors.create(withCapacity(mentor("m-paused-busy"), "3"));
        mentors.create(mentor("m-pause-over"));
        mentors.create(mentor("m-1"));
        requests.create(request("r-settled"));
        requests.changeStatus("r-settled", RequestStatus.OPEN, RequestStatus.MATCHED);
        mentorships.insert(mentorship("ms-1", "r-settled", "m-paused-busy", MentorshipStatus.ACTIVE));
        mentors.pause("m-paused", LocalDate.now().plusDays(30));
        mentors.pause("m-paused-busy", LocalDate.now().plusDays(30));
        mentors.pause("m-pause-over", LocalDate.now().minusDays(1));

        assertThat(inputs.mentors()).as("the paused mentor is left out; the busy one keeps only the place taken")
                .extracting(Mentor::externalId, Mentor::capacity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m-1", 3),
                        org.assertj.core.groups.Tuple.tuple("m-pause-over", 3),
                        org.assertj.core.groups.Tuple.tuple("m-paused-busy", 1));
        assertThat(inputs.settled()).containsValue("m-paused-busy");
        assertThat(mentors.isPaused("m-paused", LocalDate.now())).isTrue();
        assertThat(mentors.isPaused("m-pause-over", LocalDate.now())).isFalse();
        mentors.upsertAll(List.of(validator.mentor(mentor("m-paused")).orThrow("m")), java.util.Set.of("m-paused"));
        assertThat(mentors.isPaused("m-paused", LocalDate.now())).as("an import of the profile keeps the pause")
                .isTrue();

        mentors.pause("m-paused", null);
        assertThat(inputs.mentors()).extracting(Mentor::externalId).contains("m-paused");
    }

    private static ProposalDocument offer(String id, String request, OfferStatus status) {
        return new ProposalDocument(id, "run-1", request, "m-1", List.of("why"), null, null, 10, 60, true, status, null,
                null,
                null, null, null, null, Instant.parse("2026-01-20T10:00:00Z"), null, null, null, null,
                null);
    }

    @Test
    void aMentorshipOfADeletedMentorIsNotSettled() {
        mentors.create(mentor("m-gone"));
        requests.create(request("r-1"));
        mentorships.insert(mentorship("ms-1", "r-1", "m-gone", MentorshipStatus.ACTIVE));
        mentors.delete("m-gone", null);

        assertThat(inputs.settled()).isEmpty();
        assertThat(inputs.mentors()).isEmpty();
    }

    private static MentorshipDocument mentorship(String id, String request, String mentor, MentorshipStatus status) {
        return new MentorshipDocument(id, request, mentor, status, LocalDate.of(2026, 2, 1), null, null,
                Instant.parse("2026-01-20T10:00:00Z"), null);
    }
}
