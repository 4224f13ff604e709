package org.mentoring.people.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCapacity;
import static org.mentoring.people.PeopleFixtures.withDomains;
import static org.mentoring.people.PeopleFixtures.withEmail;
import static org.mentoring.people.PeopleFixtures.withExcluded;
import static org.mentoring.people.PeopleFixtures.withMinOverlap;
import static org.mentoring.people.PeopleFixtures.withName;
import static org.mentoring.people.PeopleFixtures.withSlots;
import static org.mentoring.people.PeopleFixtures.withTimeZone;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.PeopleFixtures;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.WeeklySlot;
import org.mentoring.taxonomy.Taxonomy;

class PeopleInputValidatorTest {

    private final PeopleInputValidator validator = new PeopleInputValidator(Taxonomy.planetaryHealth());

    @Test
    void aValidMentorBecomesTheDomainRecord() {
        Mentor mentor = validator.mentor(mentor("m-017")).orThrow("mentor");

        assertThat(mentor.externalId()).isEqualTo("m-017");
        assertThat(mentor.timeZone()).isEqualTo(ZoneId.of("Africa/Nairobi"));
        assertThat(mentor.languages()).containsExactlyInAnyOrder("en", "sw");
        assertThat(mentor.capacity()).isEqualTo(3);
        assertThat(mentor.availableUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(mentor.weeklyAvailability())
                .containsExactly(new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(16, 0)));
    }

    @Test
    void circlesAreZeroByDefaultAndAtMostThreeNamingTheField() {
        MentorInput plain = PeopleFixtures.mentor("m-017");
        assertThat(validator.mentor(plain).orThrow("mentor").circles()).isZero();
        assertThat(validator.mentor(MentorInput.withCircles(plain, " 3 ")).orThrow("mentor").circles()).isEqualTo(3);

        for (String wrong : List.of("4", "-1", "two", "1.5")) {
            Checked<Mentor> checked = validator.mentor(MentorInput.withCircles(plain, wrong));
            assertThat(checked.errors()).as(wrong).extracting(e -> e.field()).containsExactly("circles");
        }
        assertThat(validator.mentor(MentorInput.withCircles(plain, "4")).errors().get(0).message())
                .isEqualTo("circles must be between 0 and 3, not 4");
    }

    @Test
    void aFormatIsOneToOneByDefaultReadInAnyCaseAndAnUnknownOneIsNamedInWords() {
        RequestInput plain = PeopleFixtures.request("r-1");
        assertThat(validator.request(plain).orThrow("request").format()).isEqualTo(RequestFormat.ONE_TO_ONE);
        assertThat(validator.request(RequestInput.withFormat(plain, "one-to-one")).orThrow("r").format())
                .isEqualTo(RequestFormat.ONE_TO_ONE);
        assertThat(validator.request(RequestInput.withFormat(plain, "circle")).orThrow("r").format())
                .isEqualTo(RequestFormat.CIRCLE);
        assertThat(validator.request(RequestInput.withFormat(plain, "Either")).orThrow("r").format())
                .isEqualTo(RequestFormat.EITHER);

        Checked<MentorshipRequest> group = validator.request(RequestInput.withFormat(plain, "group"));
        assertThat(group.errors()).extracting(e -> e.field()).containsExactly("format");
        assertThat(group.errors().get(0).message()).contains("'group'", "Choose one-to-one, a circle, or either");
    }

    @Test
    void anInputReadsBackAsItsRecordWithCirclesAndFormat() {
        Mentor mentor = validator.mentor(MentorInput.withCircles(PeopleFixtures.mentor("m-017"), "2"))
                .orThrow("mentor");
        assertThat(validator.mentor(MentorInput.of(mentor)).orThrow("mentor")).isEqualTo(mentor);
        MentorshipRequest request = validator.request(RequestInput.withFormat(PeopleFixtures.request("r-1"),
                "EITHER")).orThrow("request");
        assertThat(validator.request(RequestInput.of(request)).orThrow("request")).isEqualTo(request);
    }

    @Test
    void aValidRequestBecomesTheDomainRecordWithDefaults() {
        RequestInput input = new RequestInput("r-1", "J. Singh", " J.Singh@Example.org ", null, "ca",
                "America/Vancouver", "postdoc", List.of("EN"), List.of(PeopleFixtures.HEAT_HEALTH), null,
                "2026-02-01", "6", null, List.of(new SlotInput("TUE", "07:00", "09:00")), null, null, null);

        MentorshipRequest request = validator.request(input).orThrow("request");

        assertThat(request.email()).isEqualTo("j.singh@example.org");
        assertThat(request.country()).isEqualTo("CA");
        assertThat(request.languages()).containsExactly("en");
        assertThat(request.careerStage()).isEqualTo(CareerStage.POSTDOC);
        assertThat(request.minOverlapMinutes()).isEqualTo(60);
        assertThat(request.priority()).isFalse();
        assertThat(request.goals()).isEmpty();
    }

    @Test
    void topicsAndGoalsOffTheProgrammesListAreNamedAsUnknownDomainsAre() {
        MentorInput m = mentor("m-1");
        MentorInput mentor = new MentorInput(m.externalId(), m.name(), m.email(), m.institution(), m.country(),
                m.timeZone(), m.languages(), m.domains(), List.of("grant-writing", "basket-weaving"), m.capacity(),
                m.availableFrom(), m.availableUntil(), m.weeklyAvailability());
        RequestInput r = request("r-1");
        RequestInput request = new RequestInput(r.externalId(), r.name(), r.email(), r.institution(), r.country(),
                r.timeZone(), r.careerStage(), r.languages(), r.domains(), List.of("career"), r.startDate(),
                r.durationMonths(), r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(),
                r.excludedMentorIds(), r.priority());

        assertThat(validator.mentor(mentor).errors()).containsExactly(new FieldError("topics[1]", "topics[1] "
                + "'basket-weaving' is not on the programme's list of goals and topics (GET /api/v1/topics lists the "
                + "codes)"));
        assertThat(validator.request(request).errors()).extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("goals[0]", "goals[0] 'career' is not on the "
                        + "programme's list of goals and topics (GET /api/v1/topics lists the codes)"));
        PeopleInputValidator ownList = new PeopleInputValidator(org.mentoring.taxonomy.TaxonomySource.fixed(
                Taxonomy.planetaryHealth(), new org.mentoring.taxonomy.Topics(List.of(
                        new org.mentoring.taxonomy.Topic("career", "Career")))));
        assertThat(ownList.request(request).valid()).isTrue();
        assertThat(ownList.mentor(mentor).errors()).extracting(FieldError::field)
                .containsExactly("topics[0]", "topics[1]");
    }

    @Test
    void anUnknownTimeZoneIsNamed() {
        assertThat(validator.mentor(withTimeZone(mentor("m-1"), "Mars/Olympus")).errors())
                .containsExactly(new FieldError("timeZone",
                        "timeZone 'Mars/Olympus' is not an IANA time zone such as Africa/Nairobi"));
    }

    @Test
    void aSlotEndingBeforeItStartsIsNamed() {
        Checked<Mentor> checked = validator.mentor(withSlots(mentor("m-1"),
                new SlotInput("MON", "09:00", "10:00"), new SlotInput("TUESDAY", "16:00", "14:00")));

        assertThat(checked.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("weeklyAvailability[1]");
            assertThat(error.message()).contains("ends at 14:00, not after its start 16:00");
        });
    }

    @Test
    void aSlotWithAnUnknownDayOrABadTimeIsNamed() {
        Checked<Mentor> checked = validator.mentor(withSlots(mentor("m-1"),
                new SlotInput("Funday", "9am", "25:00")));

        assertThat(checked.errors()).extracting(FieldError::field).containsExactly(
                "weeklyAvailability[0].day", "weeklyAvailability[0].start", "weeklyAvailability[0].end");
    }

    @Test
    void aNegativeCapacityIsNamed() {
        assertThat(validator.mentor(withCapacity(mentor("m-1"), "-1")).errors())
                .containsExactly(new FieldError("capacity", "capacity must be between 0 and 100, not -1"));
        assertThat(validator.mentor(withCapacity(mentor("m-1"), "0")).valid()).isTrue();
        assertThat(validator.mentor(withCapacity(mentor("m-1"), "three")).errors())
                .extracting(FieldError::message).containsExactly("capacity 'three' is not a whole number");
    }

    @Test
    void anUnknownDomainCodeIsNamedWithItsPosition() {
        assertThat(validator.mentor(withDomains(mentor("m-1"), PeopleFixtures.HEAT_HEALTH, "astrology")).errors())
                .extracting(FieldError::field).containsExactly("domains[1]");
    }

    @Test
    void aBranchOfTheTaxonomyIsAValidDomain() {
        assertThat(validator.mentor(withDomains(mentor("m-1"), PeopleFixtures.CLIMATE_HEALTH)).valid()).isTrue();
    }

    @Test
    void anInvalidEmailIsNamed() {
        assertThat(validator.mentor(withEmail(mentor("m-1"), "not-an-email")).errors())
                .extracting(FieldError::field).containsExactly("email");
        assertThat(validator.mentor(withEmail(mentor("m-1"), "a@b")).errors())
                .extracting(FieldError::field).containsExactly("email");
    }

    @Test
    void languagesMustBeIso6391Codes() {
        MentorInput input = mentor("m-1");
        MentorInput english = new MentorInput(input.externalId(), input.name(), input.email(), input.institution(),
                input.country(), input.timeZone(), List.of("en", "english", "xx"), input.domains(), input.topics(),
                input.capacity(), input.availableFrom(), input.availableUntil(), input.weeklyAvailability());

        assertThat(validator.mentor(english).errors()).extracting(FieldError::field)
                .containsExactly("languages[1]", "languages[2]");
    }

    @Test
    void datesMustBeIsoAndAvailabilityMustNotEndBeforeItStarts() {
        MentorInput input = mentor("m-1");
        MentorInput badDates = new MentorInput(input.externalId(), input.name(), input.email(), input.institution(),
                input.country(), input.timeZone(), input.languages(), input.domains(), input.topics(),
                input.capacity(), "01/02/2026", input.availableUntil(), input.weeklyAvailability());
        MentorInput backwards = new MentorInput(input.externalId(), input.name(), input.email(),
                input.institution(), input.country(), input.timeZone(), input.languages(), input.domains(),
                input.topics(), input.capacity(), "2026-06-01", "2026-01-01", input.weeklyAvailability());

        assertThat(validator.mentor(badDates).errors()).extracting(FieldError::message)
                .containsExactly("availableFrom '01/02/2026' is not a date written yyyy-MM-dd");
        assertThat(validator.mentor(backwards).errors()).extracting(FieldError::field)
                .containsExactly("availableUntil");
    }

    @Test
    void everyMissingRequiredFieldIsNamedAtOnce() {
        Checked<Mentor> checked = validator.mentor(new MentorInput(null, " ", null, null, null, null, null, null,
                null, null, null, null, null));

        assertThat(checked.errors()).extracting(FieldError::field).containsExactly("externalId", "name", "email",
                "country", "timeZone", "languages", "domains", "capacity", "availableFrom", "weeklyAvailability");
    }

    @Test
    void minOverlapMustFitInAWeek() {
        assertThat(validator.request(withMinOverlap(request("r-1"), "10081")).errors())
                .extracting(FieldError::field).containsExactly("minOverlapMinutes");
        assertThat(validator.request(withMinOverlap(request("r-1"), "10080")).valid()).isTrue();
        assertThat(validator.request(withMinOverlap(request("r-1"), "-5")).errors())
                .extracting(FieldError::field).containsExactly("minOverlapMinutes");
    }

    @Test
    void aMentorCannotBeBothPreferredAndExcluded() {
        assertThat(validator.request(withExcluded(request("r-1", "m-1"), "m-1")).errors())
                .extracting(FieldError::message).containsExactly("mentor m-1 is both preferred and excluded");
    }

    @Test
    void anExternalIdMustBeUsableInAUrl() {
        assertThat(validator.mentor(withEmail(mentor("m 1/2"), "m12@example.org")).errors())
                .extracting(FieldError::field).containsExactly("externalId");
    }

    @Test
    void orThrowNamesEveryField() {
        assertThatThrownBy(() -> validator.mentor(withCapacity(withTimeZone(mentor("m-1"), "Nowhere"), "-2"))
                .orThrow("mentor m-1"))
                .hasMessage("mentor m-1 has 2 invalid fields")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("timeZone", "capacity"));
    }

    @Test
    void aNameOfInvisibleControlOrBidirectionalCharactersIsRefusedWithItsField() {
        assertThat(validator.mentor(withName(mentor("m-1"), "\u200B\u200B")).errors())
                .containsExactly(new FieldError("name", "name contains an invisible character (U+200B); remove it"));
        assertThat(validator.mentor(withName(mentor("m-1"), "Ann\u0000a")).errors()).singleElement()
                .satisfies(error -> assertThat(error.message())
                        .startsWith("name contains a control character (U+0000)"));
        assertThat(validator.mentor(withName(mentor("m-1"), "Anna \u202Ehtims")).errors()).singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("name");
                    assertThat(error.message()).contains("bidirectional control character (U+202E)");
                });
        assertThat(validator.mentor(withName(mentor("m-1"), "Mar\u2066ia")).errors())
                .extracting(FieldError::field).containsExactly("name");
        assertThat(validator.mentor(withName(mentor("m-1"), "Dr. Ọ̀kàfọ̀ 王小明")).valid()).isTrue();
    }

    @Test
    void institutionsGoalsAndTopicsFollowTheSameRule() {
        RequestInput r = request("r-1");
        RequestInput hostile = new RequestInput(r.externalId(), r.name(), r.email(), "Univ\u200Bersity",
                r.country(), r.timeZone(), r.careerStage(), r.languages(), r.domains(),
                List.of("grant-writing", "\u202Etirw"), r.startDate(), r.durationMonths(), r.minOverlapMinutes(),
                r.weeklyAvailability(), r.preferredMentorIds(), r.excludedMentorIds(), r.priority());

        assertThat(validator.request(hostile).errors()).extracting(FieldError::field)
                .containsExactly("institution", "goals[1]");
    }

    @Test
    void aSlotFrom2400To2400IsRefusedInsteadOfBecomingAWholeDay() {
        assertThat(validator.mentor(withSlots(mentor("m-1"), new SlotInput("MON", "24:00", "24:00"))).errors())
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("weeklyAvailability[0].start");
                    assertThat(error.message()).contains("24:00 is the end of the day");
                });
        assertThat(validator.mentor(withSlots(mentor("m-1"), new SlotInput("MON", "00:00", "00:00"))).errors())
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("weeklyAvailability[0]");
                    assertThat(error.message()).contains("starts and ends at 00:00", "a whole day is 00:00-24:00");
                });
        assertThat(validator.mentor(withSlots(mentor("m-1"), new SlotInput("MON", "10:00", "10:00"))).errors())
                .extracting(FieldError::field).containsExactly("weeklyAvailability[0]");
        assertThat(validator.mentor(withSlots(mentor("m-1"), new SlotInput("MON", "10:00", "24:30"))).errors())
                .extracting(FieldError::field).containsExactly("weeklyAvailability[0].end");
    }

    @Test
    void anEndOf2400IsMidnightAtTheEndOfTheDay() {
        assertThat(validator.mentor(withSlots(mentor("m-1"), new SlotInput("MON", "22:00", "24:00")))
                .orThrow("mentor").weeklyAvailability().get(0).minutes()).isEqualTo(120);
        assertThat(validator.mentor(withSlots(mentor("m-1"), new SlotInput("MON", "22:00", "00:00")))
                .orThrow("mentor").weeklyAvailability().get(0).minutes()).isEqualTo(120);
        assertThat(validator.mentor(withSlots(mentor("m-1"), new SlotInput("SUN", "00:00", "24:00")))
                .orThrow("mentor").weeklyAvailability().get(0).minutes()).isEqualTo(24 * 60);
    }
}
