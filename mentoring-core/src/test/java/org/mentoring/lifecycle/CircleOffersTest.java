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
import org.mentoring.audit.AuditService;
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
import org.mentoring.people.StoredRequest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/** A published circle as its people read it, and a circle below its minimum filled with a seat offered by hand. */
@StoreTest
@Import({RunCircleStore.class, CircleOffers.class})
@ContextConfiguration(classes = PeopleTestApplication.class)
class CircleOffersTest {

    private static final String ADMIN = "coordinator@example.org";
    private static final String CIRCLE = "run-c-000001";
    private static final List<WeeklySlot> TUESDAY = List.of(WeeklySlot.parse("TUE 14:00-16:00"));

    @Autowired
    LifecycleService lifecycle;
    @Autowired
    CircleOffers circleOffers;
    @Autowired
    MentorService mentors;
    @Autowired
    RequestService requests;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    NotificationService notifications;
    @Autowired
    RunCircleStore circles;
    @Autowired
    AuditService audit;

    @BeforeEach
    void store() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.remove(new Query(), collection);
        }
        mentors.upsertAll(List.of(new Mentor("m-c", "Amara Okafor", "m-c@example.org", "Uni", "NG", ZoneId.of("UTC"),
                Set.of("en"), List.of("planetary-health"), Set.of(), 1, LocalDate.of(2026, 1, 1), null, TUESDAY, 1)),
                Set.of());
        requests.upsertAll(List.of(request("r-1", "Lab A", TUESDAY, RequestFormat.CIRCLE, Set.of("en"), Set.of()),
                request("r-2", "Lab B", TUESDAY, RequestFormat.CIRCLE, Set.of("en"), Set.of()),
                request("r-3", null, TUESDAY, RequestFormat.EITHER, Set.of("en"), Set.of()),
                request("r-4", "Lab D", TUESDAY, RequestFormat.EITHER, Set.of("en", "fr"), Set.of()),
                request("r-5", "Lab E", TUESDAY, RequestFormat.ONE_TO_ONE, Set.of("en"), Set.of()),
                request("r-6", "Lab F", List.of(WeeklySlot.parse("MON 14:00-16:00")), RequestFormat.CIRCLE,
                        Set.of("en"), Set.of()),
                request("r-7", "Lab G", TUESDAY, RequestFormat.CIRCLE, Set.of("en"), Set.of("m-c")),
                request("r-8", "Lab H", TUESDAY, RequestFormat.CIRCLE, Set.of("fr"), Set.of())), Set.of());
        Instant at = Instant.parse("2026-01-10T10:00:00Z");
        mongo.insert(new MatchingRunDocument("run-c", RunStatus.COMPLETED, 30,
                new WeightsDocument(10, 8, 6, 2, 12, 1, 1), 1, "OptaPlanner", "0hard/0medium/10soft", true, 3, 1, 0,
                3, List.of(), at, at, at, null, null, null, null));
        // a circle of three to four members, starting in the future, meeting Tuesdays 14:00-15:00 UTC
        circles.save("run-c", List.of(new RunCircleDocument(CIRCLE, "run-c", "m-c", List.of("r-1", "r-2", "r-3"),
                1 * 24 * 60 + 14 * 60, 60, LocalDate.now().plusMonths(3), List.of("r-1: why", "r-2: why", "r-3: why"),
                Map.of("r-1", List.of("You share planetary health")), 3, 4)));
    }

    private static MentorshipRequest request(String id, String institution, List<WeeklySlot> slots,
            RequestFormat format, Set<String> languages, Set<String> excluded) {
        return new MentorshipRequest(id, "Researcher " + id, id + "@example.org", institution, "GH",
                ZoneId.of("UTC"), CareerStage.POSTDOC, languages, List.of("planetary-health"), Set.of(),
                LocalDate.of(2026, 3, 1), 6, 60, slots, List.of(), excluded, false, format);
    }

    @Test
    void aSeatShowsItsCircleMembersAndTheMeetingInTheReadersZone() {
        lifecycle.publish("run-c", ADMIN, "127.0.0.1");

        RunCircleDocument circle = circleOffers.circleOfSeat(MentorPlaces.seatId(CIRCLE, 1)).orElseThrow();
        assertThat(circle.id()).isEqualTo(CIRCLE);
        assertThat(circleOffers.members(CIRCLE)).extracting(CircleOffers.Member::inWords)
                .containsExactly("Researcher r-1 (Lab A)", "Researcher r-2 (Lab B)", "Researcher r-3");
        assertThat(CircleOffers.meetingIn(circle, ZoneId.of("Africa/Nairobi")))
                .startsWith("Tue 17:00-18:00 your time (Nairobi, ").endsWith("UTC+03:00)")
                .doesNotContain("Africa/");
        assertThat(circleOffers.circleOfSeat("run-c-000009")).as("a pair's offer has no circle").isEmpty();
        assertThat(circleOffers.ledBy("m-c")).extracting(RunCircleDocument::id).containsExactly(CIRCLE);
        assertThat(circleOffers.ledBy("m-other")).isEmpty();

        lifecycle.answer(MentorPlaces.seatId(CIRCLE, 1), Side.RESEARCHER, Answer.ACCEPTED, "r-1@example.org", false,
                "127.0.0.1");
        lifecycle.answer(MentorPlaces.seatId(CIRCLE, 2), Side.RESEARCHER, Answer.DECLINED, "r-2@example.org", false,
                "127.0.0.1");
        assertThat(circleOffers.counts(CIRCLE)).isEqualTo(new CircleOffers.SeatCounts(1, 1, 1));
        assertThat(circleOffers.members(CIRCLE)).extracting(CircleOffers.Member::requestExternalId)
                .containsExactly("r-1", "r-3");
    }

    @Test
    void aCircleBelowItsMinimumIsListedWithTheOpenRequestsWhoFitAndFilledBySeat() {
        assertThat(circleOffers.belowMinimum()).as("nothing published yet").isEmpty();
        lifecycle.publish("run-c", ADMIN, "127.0.0.1");
        assertThat(circleOffers.belowMinimum()).as("three of three").isEmpty();

        lifecycle.answer(MentorPlaces.seatId(CIRCLE, 2), Side.RESEARCHER, Answer.DECLINED, "r-2@example.org", false,
                "127.0.0.1");
        assertThat(circleOffers.belowMinimum()).singleElement().satisfies(below -> {
            assertThat(below.circle().id()).isEqualTo(CIRCLE);
            assertThat(below.mentorName()).isEqualTo("Amara Okafor");
            assertThat(below.seats().holding()).isEqualTo(2);
            assertThat(below.minSize()).isEqualTo(3);
        });
        assertThat(circleOffers.belowMinimum("run-other")).isEmpty();
        // r-2 declined this circle; r-5 wants a pair; r-6's week misses Tuesday; r-7 excludes the mentor; r-8: French
        assertThat(circleOffers.candidates(CIRCLE)).extracting(s -> s.request().externalId()).containsExactly("r-4");

        ProposalDocument seat = circleOffers.offerSeat(CIRCLE, "r-4", ADMIN, "127.0.0.1");
        assertThat(seat.id()).isEqualTo(MentorPlaces.seatId(CIRCLE, 4));
        assertThat(seat.status()).isEqualTo(OfferStatus.OFFERED);
        assertThat(seat.circleId()).isEqualTo(CIRCLE);
        assertThat(seat.mentorAnswer()).isEqualTo(Answer.ACCEPTED);
        assertThat(seat.explanation()).anySatisfy(line -> assertThat(line)
                .contains("Tue 14:00-15:00 your time (UTC)"));
        assertThat(requests.get("r-4").status()).isEqualTo(RequestStatus.PROPOSED);
        assertThat(notifications.to("r-4@example.org")).hasSize(1);
        assertThat(audit.list(CircleOffers.OFFER_SEAT_ACTION, ADMIN, 0, 10).getContent()).hasSize(1);
        assertThat(circleOffers.belowMinimum()).as("filled again").isEmpty();
        // the member answers the new seat like any other
        lifecycle.answer(seat.id(), Side.RESEARCHER, Answer.ACCEPTED, "r-4@example.org", false, "127.0.0.1");
        assertThat(lifecycle.get(seat.id()).status()).isEqualTo(OfferStatus.ACCEPTED);
    }

    @Test
    void aSeatIsRefusedWithANamedReasonWhenTheRequestNoLongerFitsOrTheCircleIsFull() {
        lifecycle.publish("run-c", ADMIN, "127.0.0.1");

        assertThatThrownBy(() -> circleOffers.offerSeat(CIRCLE, "r-5", ADMIN, "127.0.0.1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("seat-unfit");
                    assertThat(e.getMessage()).contains("Researcher r-5", "one-to-one");
                });
        assertThatThrownBy(() -> circleOffers.offerSeat(CIRCLE, "r-6", ADMIN, "127.0.0.1"))
                .hasMessageContaining("meeting time is not inside their week");
        assertThatThrownBy(() -> circleOffers.offerSeat(CIRCLE, "r-7", ADMIN, "127.0.0.1"))
                .hasMessageContaining("excludes this circle's mentor");
        assertThatThrownBy(() -> circleOffers.offerSeat(CIRCLE, "r-1", ADMIN, "127.0.0.1"))
                .hasMessageContaining("not open any more");

        circleOffers.offerSeat(CIRCLE, "r-4", ADMIN, "127.0.0.1");
        // four of at most four seats are accepted or waiting
        assertThatThrownBy(() -> circleOffers.offerSeat(CIRCLE, "r-8", ADMIN, "127.0.0.1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("circle-full");
                    assertThat(e.getMessage()).contains("full");
                });
        assertThat(requests.find("r-8").map(StoredRequest::status)).contains(RequestStatus.OPEN);
        assertThat(audit.list(CircleOffers.OFFER_SEAT_ACTION, ADMIN, 0, 10).getContent()).hasSize(1);
    }
}
