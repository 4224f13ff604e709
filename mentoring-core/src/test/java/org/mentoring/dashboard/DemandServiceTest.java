package org.mentoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCapacity;
import static org.mentoring.people.PeopleFixtures.withDomains;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.people.People;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.mentoring.taxonomy.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/**
 * Demand against free places: open requests by their first-choice branch, against the places mentors available
 * today have left once their offers and mentorships hold theirs.
 */
@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class DemandServiceTest {

    private static final String CLIMATE = "planetary-health/climate-health";
    private static final String HEAT = CLIMATE + "/heat-health";
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final Taxonomy TAXONOMY = Taxonomy.planetaryHealth();

    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    MentorPlaces places;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyStore() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
    }

    @Test
    void freePlacesLeaveOutHeldPlacesAndMentorsNotAvailableToday() {
        List<String> otherBranch = TAXONOMY.domains().stream().filter(d -> d.depth() == 2)
                .map(d -> d.code()).filter(code -> !code.equals(CLIMATE)).toList();
        String other = otherBranch.get(0);
        Demand demand = DemandService.compute(TAXONOMY,
                List.of(People.request("r-1").domains(HEAT).build(), People.request("r-2").domains(HEAT).build(),
                        People.request("r-3").domains(other, HEAT).build()),
                List.of(People.mentor("m-1").domains(HEAT, other).capacity(3).build(),
                        People.mentor("m-2").domains(HEAT).capacity(2).build()),
                Map.of("m-1", 1, "m-2", 5), 4, TODAY);

        assertThat(demand.openRequests()).isEqualTo(3);
        assertThat(demand.mentors()).isEqualTo(4);
        assertThat(demand.availableMentors()).isEqualTo(2);
        assertThat(demand.places()).as("all places").isEqualTo(5);
        assertThat(demand.freePlaces()).as("m-1 has 2 left, m-2 holds more than its capacity: none").isEqualTo(2);
        Demand.Branch climate = branch(demand, CLIMATE);
        assertThat(climate.name()).isEqualTo("Climate and health");
        assertThat(climate).extracting(Demand.Branch::openRequests, Demand.Branch::freePlaces, Demand.Branch::places)
                .containsExactly(2, 2, 5);
        assertThat(branch(demand, other)).extracting(Demand.Branch::openRequests, Demand.Branch::freePlaces,
                Demand.Branch::places).containsExactly(1, 2, 3);
        assertThat(demand.branches()).as("every branch of the taxonomy, in its order").extracting(Demand.Branch::code)
                .containsSubsequence(TAXONOMY.domains().stream().filter(d -> d.depth() == 2).map(d -> d.code())
                        .toList());
    }

    @Test
    void theStoreSaysTheSame() {
        mentors.create(withDomains(withCapacity(mentor("m-now"), "3"), HEAT));
        MentorInput later = withDomains(mentor("m-later"), HEAT);
        mentors.create(new MentorInput(later.externalId(), later.name(), later.email(), later.institution(),
                later.country(), later.timeZone(), later.languages(), later.domains(), later.topics(), "4",
                "2026-09-01", null, later.weeklyAvailability()));
        MentorInput over = withDomains(mentor("m-over"), HEAT);
        mentors.create(new MentorInput(over.externalId(), over.name(), over.email(), over.institution(),
                over.country(), over.timeZone(), over.languages(), over.domains(), over.topics(), "5",
                "2026-01-01", "2026-05-31", over.weeklyAvailability()));
        requests.create(request("r-1"));
        requests.create(request("r-2"));
        places.take("m-now", "Dr. A. Mwangi", 3);

        DemandService service = new DemandService(requests, mentors, places, TAXONOMY,
                Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));
        Demand demand = service.current();

        assertThat(demand.today()).isEqualTo(TODAY);
        assertThat(demand.mentors()).isEqualTo(3);
        assertThat(demand.availableMentors()).as("m-later starts in September, m-over ended in May").isEqualTo(1);
        assertThat(demand.places()).isEqualTo(3);
        assertThat(demand.freePlaces()).as("one place is held").isEqualTo(2);
        assertThat(branch(demand, CLIMATE)).extracting(Demand.Branch::openRequests, Demand.Branch::freePlaces,
                Demand.Branch::places).containsExactly(2, 2, 3);
    }

    @Test
    void aMentorPausedBeyondTodayOffersNoPlaceUntilThePauseEnds() {
        mentors.create(withDomains(withCapacity(mentor("m-working"), "2"), HEAT));
        mentors.create(withDomains(withCapacity(mentor("m-resting"), "3"), HEAT));
        mentors.create(withDomains(withCapacity(mentor("m-back"), "1"), HEAT));
        requests.create(request("r-1"));
        mentors.pause("m-resting", LocalDate.of(2026, 7, 1));
        mentors.pause("m-back", LocalDate.of(2026, 6, 1));

        Demand demand = new DemandService(requests, mentors, places, TAXONOMY,
                Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC)).current();

        assertThat(demand.mentors()).isEqualTo(3);
        assertThat(demand.availableMentors()).as("m-resting paused until July; m-back's pause ends today")
                .isEqualTo(2);
        assertThat(demand.places()).isEqualTo(3);
        assertThat(demand.freePlaces()).isEqualTo(3);
        assertThat(branch(demand, CLIMATE)).extracting(Demand.Branch::openRequests, Demand.Branch::freePlaces,
                Demand.Branch::places).containsExactly(1, 3, 3);

        Demand july = new DemandService(requests, mentors, places, TAXONOMY,
                Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC)).current();
        assertThat(july.availableMentors()).as("the pause is over").isEqualTo(3);
        assertThat(july.freePlaces()).isEqualTo(6);
    }

    private static Demand.Branch branch(Demand demand, String code) {
        return demand.branches().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }
}
