package org.mentoring.people.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.AIR_POLLUTION;
import static org.mentoring.people.PeopleFixtures.HEAT_HEALTH;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCountry;
import static org.mentoring.people.PeopleFixtures.withDomains;
import static org.mentoring.people.PeopleFixtures.withExcluded;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoreTest;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.input.PeopleInputValidator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

@StoreTest
class RequestServiceTest {

    @Autowired
    RequestService requests;

    @Autowired
    MentorService mentors;

    @Autowired
    PeopleInputValidator validator;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyStore() {
        mongo.remove(new Query(), MentorshipRequestDocument.class);
        mongo.remove(new Query(), MentorDocument.class);
    }

    @Test
    void aNewRequestIsOpen() {
        mentors.create(mentor("m-017"));

        StoredRequest created = requests.create(request("r-104", "m-017"));

        assertThat(created.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(requests.get("r-104").request().preferredMentorIds()).containsExactly("m-017");
    }

    @Test
    void aRequestNamingMentorsThatDoNotExistIsInvalidAndNotStored() {
        mentors.create(mentor("m-1"));

        assertThatThrownBy(() -> requests.create(withExcluded(request("r-1", "m-1", "m-404"), "m-405")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("preferredMentorIds[1]", "excludedMentorIds[0]"));
        assertThat(requests.count()).isZero();
    }

    @Test
    void anUpdateKeepsTheStatusAndAStaleOneIsAConflict() {
        StoredRequest created = requests.create(request("r-1"));
        requests.changeStatus("r-1", RequestStatus.OPEN, RequestStatus.PROPOSED);
        long version = requests.get("r-1").version();

        StoredRequest updated = requests.update("r-1", withCountry(request("r-1"), "IN"), version);

        assertThat(updated.status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(updated.request().country()).isEqualTo("IN");
        assertThatThrownBy(() -> requests.update("r-1", request("r-1"), created.version()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aRequestWithAnOfferOrAMentorshipIsNeverDeletedAndAWithdrawnOneIs() {
        requests.create(request("r-offer"));
        requests.create(request("r-matched"));
        requests.create(request("r-gone"));
        requests.changeStatus("r-offer", RequestStatus.OPEN, RequestStatus.PROPOSED);
        requests.changeStatus("r-matched", RequestStatus.OPEN, RequestStatus.MATCHED);
        requests.changeStatus("r-gone", RequestStatus.OPEN, RequestStatus.WITHDRAWN);

        assertThatThrownBy(() -> requests.delete("r-offer", null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("request-in-progress");
                    assertThat(e.getMessage()).contains("offer waiting for answers");
                });
        assertThatThrownBy(() -> requests.delete("r-matched", null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("request-in-progress");
                    assertThat(e.getMessage()).contains("end the mentorship first");
                });
        requests.delete("r-gone", null);

        assertThat(requests.get("r-offer").status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(requests.get("r-matched").status()).isEqualTo(RequestStatus.MATCHED);
        assertThatThrownBy(() -> requests.get("r-gone")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStatusChangeHappensOnlyFromTheExpectedStatus() {
        requests.create(request("r-1"));

        StoredRequest proposed = requests.changeStatus("r-1", RequestStatus.OPEN, RequestStatus.PROPOSED);

        assertThat(proposed.status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(proposed.version()).isEqualTo(1);
        assertThatThrownBy(() -> requests.changeStatus("r-1", RequestStatus.OPEN, RequestStatus.WITHDRAWN))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Request r-1 is PROPOSED, not OPEN, so it cannot become WITHDRAWN")
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("request-status-changed");
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.PROPOSED);
    }

    @Test
    void aStatusChangeOfManyLeavesRequestsInAnotherStatusAlone() {
        requests.create(request("r-1"));
        requests.create(request("r-2"));
        requests.create(request("r-3"));
        requests.changeStatus("r-2", RequestStatus.OPEN, RequestStatus.WITHDRAWN);

        long changed = requests.changeStatus(List.of("r-1", "r-2"), RequestStatus.OPEN, RequestStatus.PROPOSED);

        assertThat(changed).isEqualTo(1);
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(requests.get("r-2").status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(requests.get("r-3").status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void filtersByStatusDomainAndCountry() {
        requests.create(withDomains(request("r-heat"), HEAT_HEALTH, AIR_POLLUTION));
        requests.create(withCountry(withDomains(request("r-air"), AIR_POLLUTION), "KE"));
        requests.create(request("r-done"));
        requests.changeStatus("r-done", RequestStatus.OPEN, RequestStatus.MATCHED);

        assertThat(ids(new RequestFilter(null, RequestStatus.OPEN, null))).containsExactly("r-air", "r-heat");
        assertThat(ids(new RequestFilter("planetary-health/environmental-health", null, null)))
                .containsExactly("r-air", "r-heat");
        assertThat(ids(new RequestFilter("planetary-health/climate-health", RequestStatus.MATCHED, null)))
                .containsExactly("r-done");
        assertThat(ids(new RequestFilter(null, null, "ke"))).containsExactly("r-air");
        assertThat(requests.count(RequestStatus.OPEN)).isEqualTo(2);
    }

    @Test
    void anUpsertedRequestIsOpenAndAReimportKeepsItsStatus() {
        MentorshipRequest request = validator.request(request("r-1")).orThrow("r-1");

        assertThat(requests.upsertAll(List.of(request), requests.keys().externalIds()))
                .isEqualTo(new UpsertCounts(1, 0));
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.OPEN);
        requests.changeStatus("r-1", RequestStatus.OPEN, RequestStatus.MATCHED);

        assertThat(requests.upsertAll(List.of(request), requests.keys().externalIds()))
                .isEqualTo(new UpsertCounts(0, 1));
        assertThat(requests.get("r-1").status()).isEqualTo(RequestStatus.MATCHED);
    }

    private List<String> ids(RequestFilter filter) {
        return requests.find(filter, PageRequest.of(0, 50)).getContent().stream()
                .map(stored -> stored.request().externalId())
                .toList();
    }
}
