package org.mentoring.people.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;

/**
 * The validator on any input, including nulls, huge and hostile text: it never throws, and it either returns the
 * record or names every wrong field with a message.
 */
class PeopleInputValidatorPropertiesTest {

    private static final PeopleInputValidator VALIDATOR = new PeopleInputValidator(Taxonomy.planetaryHealth());

    @Property(tries = 500)
    void anyMentorInputIsAMentorOrNamedFieldErrors(@ForAll("mentorInputs") MentorInput input) {
        Checked<Mentor> checked = VALIDATOR.mentor(input);

        assertClear(checked);
        if (checked.valid()) {
            assertThat(checked.value().name().length()).isLessThanOrEqualTo(PeopleInputValidator.MAX_TEXT_LENGTH);
        }
    }

    @Property(tries = 500)
    void anyRequestInputIsARequestOrNamedFieldErrors(@ForAll("requestInputs") RequestInput input) {
        Checked<MentorshipRequest> checked = VALIDATOR.request(input);

        assertClear(checked);
        if (checked.valid()) {
            assertThat(checked.value().weeklyAvailability()).isNotEmpty();
        }
    }

    @Property(tries = 50)
    void textLongerThanTheLimitIsRejectedWithItsField(@ForAll("longText") String name) {
        MentorInput valid = org.mentoring.people.PeopleFixtures.mentor("m-1");
        MentorInput input = org.mentoring.people.PeopleFixtures.withName(valid, name);

        Checked<Mentor> checked = VALIDATOR.mentor(input);

        assertThat(checked.valid()).isFalse();
        assertThat(checked.errors()).anySatisfy(error -> assertThat(error.field()).isEqualTo("name"));
    }

    private static void assertClear(Checked<?> checked) {
        assertThat(checked.valid()).isEqualTo(checked.errors().isEmpty());
        checked.errors().forEach(error -> {
            assertThat(error.field()).isNotBlank();
            assertThat(error.message()).isNotBlank();
        });
    }

    @Provide
    Arbitrary<String> longText() {
        return Arbitraries.strings().alpha().ofMinLength(PeopleInputValidator.MAX_TEXT_LENGTH + 1).ofMaxLength(5000);
    }

    @Provide
    Arbitrary<MentorInput> mentorInputs() {
        return Combinators.combine(
                Combinators.combine(value(), value(), value(), value(), value(), value()).as(Tuple::of),
                Combinators.combine(values(), values(), values(), value(), value(), value(), slotInputs())
                        .as(Tuple::of))
                .as((a, b) -> new MentorInput(a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(), b.get1(),
                        b.get2(), b.get3(), b.get4(), b.get5(), b.get6(), b.get7()));
    }

    @Provide
    Arbitrary<RequestInput> requestInputs() {
        return Combinators.combine(
                Combinators.combine(value(), value(), value(), value(), value(), value(), value()).as(Tuple::of),
                Combinators.combine(values(), values(), values(), value(), value(), value(), slotInputs())
                        .as(Tuple::of),
                Combinators.combine(values(), values(), value()).as(Tuple::of))
                .as((a, b, c) -> new RequestInput(a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(),
                        a.get7(), b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6(), b.get7(), c.get1(),
                        c.get2(), c.get3()));
    }

    /** Plausible values, hostile ones and arbitrary text, sometimes null. */
    private static Arbitrary<String> value() {
        Arbitrary<String> plausible = Arbitraries.of("m-1", "KE", "ke", "Africa/Nairobi", "Mars/Olympus", "en",
                "xx", "3", "-1", "101", "2147483648", "2026-01-01", "2026-02-30", "true", "maybe", "POSTDOC",
                "planetary-health/climate-health", "a@b.org", "not an email", "14:00", "24:00", "99:99",
                "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "\u0000", " ", "TUE", "tuesday");
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(300);
        return Arbitraries.oneOf(plausible, anything).injectNull(0.1);
    }

    private static Arbitrary<List<String>> values() {
        return value().list().ofMaxSize(4).injectNull(0.1);
    }

    private static Arbitrary<List<SlotInput>> slotInputs() {
        Arbitrary<SlotInput> slot = Combinators.combine(value(), value(), value()).as(SlotInput::new).injectNull(0.05);
        return slot.list().ofMaxSize(60).injectNull(0.1);
    }
}
