package org.mentoring.cycles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class CycleServiceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    CycleService cycles;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void noCycles() {
        mongo.remove(new Query(), CycleDocument.class);
        mongo.remove(Query.query(Criteria.where("action").is("cycle.create")), "audit_events");
    }

    static CycleInput cycle(String code, LocalDate open, LocalDate close, LocalDate starts, LocalDate ends) {
        return new CycleInput(code, "Cycle " + code, open.toString(), close.toString(), starts.toString(),
                ends.toString());
    }

    @Test
    void aProgrammeThatNeverCreatedACycleHasTheSingleCycleDefaultAlwaysOpen() {
        Calendar calendar = cycles.calendar();

        assertThat(calendar.cycles()).containsExactly(Cycle.DEFAULT);
        assertThat(calendar.openForRequests()).contains(Cycle.DEFAULT);
        assertThat(calendar.forRequest(null, true)).isEqualTo("default");
        assertThat(calendar.forRun(null)).isEqualTo("default");
    }

    @Test
    void createdCyclesAreListedByTheirOpeningWithTheOneOpenTodayAndTheCreationIsAudited() {
        cycles.create(cycle("next", TODAY.plusDays(40), TODAY.plusDays(60), TODAY.plusDays(70), TODAY.plusDays(250)),
                "admin@example.org");
        cycles.create(cycle("now", TODAY.minusDays(5), TODAY.plusDays(5), TODAY.plusDays(20), TODAY.plusDays(200)),
                "admin@example.org");

        Calendar calendar = cycles.calendar();
        assertThat(calendar.cycles()).extracting(Cycle::code).containsExactly("now", "next");
        assertThat(calendar.openForRequests()).map(Cycle::code).contains("now");
        assertThat(calendar.forRun(null)).isEqualTo("now");
        assertThat(mongo.count(Query.query(Criteria.where("action").is("cycle.create")), "audit_events"))
                .isEqualTo(2);
    }

    @Test
    void aBadCodeAMissingNameAndDatesOutOfOrderAreEachNamedAndNothingIsStored() {
        InvalidInputException e = catchInvalid(new CycleInput("Spring 2027!", " ", TODAY.plusDays(10).toString(),
                TODAY.toString(), TODAY.minusDays(1).toString(), "31.08.2027"));

        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("code", "name", "requestsClose", "startsOn", "endsOn");
        assertThat(e.errors()).extracting(FieldError::message)
                .anySatisfy(m -> assertThat(m).contains("lowercase letters, digits"))
                .anySatisfy(m -> assertThat(m).contains("before they open"))
                .anySatisfy(m -> assertThat(m).contains("'31.08.2027' is not a date"));
        assertThat(catchInvalid(cycle("default", TODAY, TODAY, TODAY, TODAY)).errors()).extracting(FieldError::field)
                .containsExactly("code");
        assertThat(mongo.count(new Query(), CycleDocument.class)).isZero();
    }

    @Test
    void requestWindowsThatShareADayOrATakenCodeAreRefused() {
        cycles.create(cycle("spring", TODAY, TODAY.plusDays(30), TODAY.plusDays(40), TODAY.plusDays(200)), "admin");

        InvalidInputException overlap = catchInvalid(cycle("autumn", TODAY.plusDays(30), TODAY.plusDays(50),
                TODAY.plusDays(60), TODAY.plusDays(300)));
        assertThat(overlap.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("requestsOpen", "requestsClose");
        assertThat(overlap.errors().get(0).message()).contains("Cycle spring (spring)", "may not share a day");

        InvalidInputException taken = catchInvalid(cycle("spring", TODAY.plusDays(100), TODAY.plusDays(120),
                TODAY.plusDays(130), TODAY.plusDays(300)));
        assertThat(taken.errors()).extracting(FieldError::field).containsExactly("code");
        assertThat(cycles.calendar().cycles()).extracting(Cycle::code).containsExactly("spring");

        // the day after the other window closes is fine
        cycles.create(cycle("autumn", TODAY.plusDays(31), TODAY.plusDays(50), TODAY.plusDays(60),
                TODAY.plusDays(300)), "admin");
        assertThat(cycles.calendar().cycles()).extracting(Cycle::code).containsExactly("spring", "autumn");
    }

    @Test
    void whenCyclesExistButNoneIsOpenAResearcherIsToldWhenTheNextOpensAndACoordinatorMustNameOne() {
        cycles.create(cycle("past", TODAY.minusDays(60), TODAY.minusDays(30), TODAY.minusDays(20),
                TODAY.plusDays(100)), "admin");
        cycles.create(cycle("ended", TODAY.minusDays(400), TODAY.minusDays(380), TODAY.minusDays(370),
                TODAY.minusDays(200)), "admin");
        cycles.create(cycle("next", TODAY.plusDays(10), TODAY.plusDays(30), TODAY.plusDays(40),
                TODAY.plusDays(200)), "admin");
        Calendar calendar = cycles.calendar();

        assertThat(fieldError(() -> calendar.forRequest(null, true)))
                .isEqualTo(new FieldError("cycle", "requests are closed today (" + TODAY + "); the next cycle, "
                        + "Cycle next (next), opens for requests on " + TODAY.plusDays(10)));
        assertThat(fieldError(() -> calendar.forRequest("past", true)).field()).isEqualTo("cycle");
        assertThat(fieldError(() -> calendar.forRequest(null, false)).message())
                .contains("name the cycle this request belongs to");
        assertThat(calendar.forRequest("past", false)).isEqualTo("past");
        assertThat(calendar.forRequest("next", false)).isEqualTo("next");
        assertThat(fieldError(() -> calendar.forRequest("ended", false)).message()).contains("ended on");
        assertThat(fieldError(() -> calendar.forRequest("nope", false)).message())
                .contains("there is no cycle 'nope'");
        // a run places the cycle whose requests closed most recently
        assertThat(calendar.forRun(null)).isEqualTo("past");
        assertThat(calendar.previous("next")).map(Cycle::code).contains("past");
    }

    private InvalidInputException catchInvalid(CycleInput input) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                () -> cycles.create(input, "admin"));
    }

    private static FieldError fieldError(Runnable call) {
        InvalidInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                call::run);
        assertThat(e).isNotNull();
        List<FieldError> errors = e.errors();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void theOpenCycleIsTheOneWhoseWindowHoldsTodayBothDaysIncluded() {
        Cycle cycle = new Cycle("c", "C", TODAY, TODAY, TODAY, TODAY);
        assertThat(cycle.openForRequestsOn(TODAY)).isTrue();
        assertThat(cycle.openForRequestsOn(TODAY.plusDays(1))).isFalse();
        assertThat(cycle.endedBefore(TODAY)).isFalse();
        assertThat(cycle.endedBefore(TODAY.plusDays(1))).isTrue();
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> new Cycle(null, "x", null, null,
                null, null));
    }
}
