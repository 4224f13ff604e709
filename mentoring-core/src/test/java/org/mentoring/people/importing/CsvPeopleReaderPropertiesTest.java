package org.mentoring.people.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.input.Checked;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;

/**
 * The CSV reader on any text: it never throws, every row it cannot read is a rejection with a reason and its
 * place, and valid people written to CSV read back (through the validator) as the same people.
 */
class CsvPeopleReaderPropertiesTest {

    private static final Taxonomy TAXONOMY = Taxonomy.planetaryHealth();
    private static final PeopleInputValidator VALIDATOR = new PeopleInputValidator(TAXONOMY);

    @Property(tries = 300)
    void anyTextIsReadOrRejectedWithAReason(@ForAll("csvLikeText") String content) {
        ImportBatch mentors = CsvPeopleReader.mentors(content, "mentors.csv");
        ImportBatch requests = CsvPeopleReader.requests(content, "requests.csv");

        for (ImportBatch batch : List.of(mentors, requests)) {
            batch.unreadable().forEach(rejection -> {
                assertThat(rejection.reason()).isNotBlank();
                assertThat(rejection.location()).startsWith(batch == mentors ? "mentors.csv" : "requests.csv");
            });
            batch.mentors().forEach(entry -> VALIDATOR.mentor(entry.record()));
            batch.requests().forEach(entry -> VALIDATOR.request(entry.record()));
        }
    }

    @Property(tries = 200)
    void rowsWithAnyValuesUnderAGoodHeaderAreReadOneRecordARow(@ForAll("mentorRowsOfAnyValues") List<List<String>> rows) {
        String content = csv(CsvPeopleReader.MENTOR_COLUMNS, rows);

        ImportBatch batch = CsvPeopleReader.mentors(content, "mentors.csv");

        assertThat(batch.mentors().size() + batch.unreadable().size()).isEqualTo(rows.size());
        batch.mentors().forEach(entry -> {
            Checked<Mentor> checked = VALIDATOR.mentor(entry.record());
            checked.errors().forEach(error -> {
                assertThat(error.field()).isNotBlank();
                assertThat(error.message()).isNotBlank();
            });
        });
    }

    @Property(tries = 200)
    void validMentorsReadBackAsTheSameMentors(@ForAll("mentors") List<Mentor> mentors) {
        List<List<String>> rows = mentors.stream().map(CsvPeopleReaderPropertiesTest::row).toList();

        ImportBatch batch = CsvPeopleReader.mentors(csv(CsvPeopleReader.MENTOR_COLUMNS, rows), "mentors.csv");

        assertThat(batch.unreadable()).isEmpty();
        assertThat(batch.mentors()).hasSameSizeAs(mentors);
        for (int i = 0; i < mentors.size(); i++) {
            ImportEntry<org.mentoring.people.input.MentorInput> entry = batch.mentors().get(i);
            assertThat(entry.readErrors()).isEmpty();
            assertThat(VALIDATOR.mentor(entry.record()).orThrow("mentor")).isEqualTo(mentors.get(i));
        }
    }

    @Property(tries = 200)
    void validRequestsReadBackAsTheSameRequests(@ForAll("requests") List<MentorshipRequest> requests) {
        List<List<String>> rows = requests.stream().map(CsvPeopleReaderPropertiesTest::row).toList();

        ImportBatch batch = CsvPeopleReader.requests(csv(CsvPeopleReader.REQUEST_COLUMNS, rows), "requests.csv");

        assertThat(batch.unreadable()).isEmpty();
        assertThat(batch.requests()).hasSameSizeAs(requests);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(VALIDATOR.request(batch.requests().get(i).record()).orThrow("request"))
                    .isEqualTo(requests.get(i));
        }
    }

    @Provide
    Arbitrary<String> csvLikeText() {
        Arbitrary<String> header = Arbitraries.of(CsvPeopleReader.header(CsvPeopleReader.MENTOR_COLUMNS),
                CsvPeopleReader.header(CsvPeopleReader.REQUEST_COLUMNS), "externalId,name", "", ",,,", "\uFEFFa,a");
        Arbitrary<String> line = Arbitraries.strings().withChars("abcXYZ019,;:\"'\r\n -=+@<>/\\\t\u00e9\u0000")
                .ofMaxLength(60);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> structured = Combinators.combine(header, line.list().ofMaxSize(6))
                .as((h, lines) -> h + "\n" + String.join("\n", lines));
        return Arbitraries.frequencyOf(Tuple.of(1, anything), Tuple.of(3, structured));
    }

    @Provide
    Arbitrary<List<List<String>>> mentorRowsOfAnyValues() {
        Arbitrary<String> value = Arbitraries.strings().withChars("abcXYZ0129,;:-\"' <>=+@\n/.\u00e9").ofMaxLength(30);
        return value.list().ofMinSize(CsvPeopleReader.MENTOR_COLUMNS.size() - 1)
                .ofMaxSize(CsvPeopleReader.MENTOR_COLUMNS.size() + 1).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Mentor>> mentors() {
        Arbitrary<Mentor> mentor = Combinators.combine(
                Combinators.combine(externalId(), text(), email(), text().injectNull(0.3), country(), zone())
                        .as(Tuple::of),
                Combinators.combine(languages(), domains(), labels(), Arbitraries.integers().between(0, 100),
                        dates(), slots()).as(Tuple::of),
                Arbitraries.integers().between(0, 3))
                .as((who, what, circles) -> new Mentor(who.get1(), who.get2(), who.get3(), who.get4(), who.get5(),
                        who.get6(), what.get1(), what.get2(), what.get3(), what.get4(), what.get5().get1(),
                        what.get5().get2(), what.get6(), circles));
        return mentor.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<MentorshipRequest>> requests() {
        Arbitrary<List<String>> ids = externalId().list().uniqueElements().ofMaxSize(4);
        Arbitrary<MentorshipRequest> request = Combinators.combine(
                Combinators.combine(externalId(), text(), email(), text().injectNull(0.3), country(), zone(),
                        Arbitraries.of(CareerStage.class)).as(Tuple::of),
                Combinators.combine(languages(), domains(), labels(), dates().map(Tuple.Tuple2::get1),
                        Arbitraries.integers().between(1, 60), Arbitraries.integers().between(0, 7 * 24 * 60),
                        slots()).as(Tuple::of),
                Combinators.combine(ids, ids, Arbitraries.of(true, false),
                        Arbitraries.of(org.mentoring.people.RequestFormat.class)).as(Tuple::of))
                .as((who, what, choices) -> new MentorshipRequest(who.get1(), who.get2(), who.get3(), who.get4(),
                        who.get5(), who.get6(), who.get7(), what.get1(), what.get2(), what.get3(), what.get4(),
                        what.get5(), what.get6(), what.get7(), choices.get1(),
                        choices.get2().stream().filter(id -> !choices.get1().contains(id))
                                .collect(Collectors.toSet()), choices.get3(), choices.get4()));
        return request.list().ofMinSize(1).ofMaxSize(5);
    }

    private static Arbitrary<String> externalId() {
        return Combinators.combine(Arbitraries.strings().alpha().numeric().ofLength(1),
                Arbitraries.strings().alpha().numeric().withChars("._:-").ofMaxLength(20)).as(String::concat);
    }

    /** Names and other free text, with the characters that break naive CSV and HTML. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().alpha().numeric().withChars(" ,\"'<>/=+-@.()\u00e9\u00fc\u4e2d")
                .ofMinLength(1).ofMaxLength(60).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Arbitrary<String> email() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1)
                        .ofMaxLength(12), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12))
                .as((local, host) -> local + "@" + host + ".org");
    }

    private static Arbitrary<String> country() {
        return Arbitraries.of(Locale.getISOCountries());
    }

    private static Arbitrary<ZoneId> zone() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds().stream().sorted().toList()).map(ZoneId::of);
    }

    private static Arbitrary<java.util.Set<String>> languages() {
        return Arbitraries.of(Locale.getISOLanguages()).set().ofMinSize(1).ofMaxSize(3);
    }

    private static Arbitrary<List<String>> domains() {
        return Arbitraries.of(TAXONOMY.domains().stream().map(Domain::code).toList())
                .list().uniqueElements().ofMinSize(1).ofMaxSize(3);
    }

    /** Topics or goals: codes of the programme's list (the shipped one). */
    private static Arbitrary<java.util.Set<String>> labels() {
        return Arbitraries.of(org.mentoring.taxonomy.Topics.shipped().all().stream()
                .map(org.mentoring.taxonomy.Topic::code).toList()).set().ofMaxSize(3);
    }

    private static Arbitrary<Tuple.Tuple2<LocalDate, LocalDate>> dates() {
        Arbitrary<LocalDate> from = Arbitraries.integers().between(0, 3650).map(LocalDate.of(2020, 1, 1)::plusDays);
        return Combinators.combine(from, Arbitraries.integers().between(0, 800).injectNull(0.3))
                .as((start, days) -> Tuple.of(start, days == null ? null : start.plusDays(days)));
    }

    private static Arbitrary<List<WeeklySlot>> slots() {
        Arbitrary<WeeklySlot> slot = Combinators.combine(Arbitraries.of(java.time.DayOfWeek.class),
                Arbitraries.integers().between(0, 24 * 60 - 1), Arbitraries.integers().between(1, 24 * 60))
                .as((day, start, length) -> {
                    int end = Math.min(start + length, 24 * 60);
                    return new WeeklySlot(day, LocalTime.ofSecondOfDay(start * 60L),
                            end == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(end * 60L));
                });
        return slot.list().ofMinSize(1).ofMaxSize(5);
    }

    private static List<String> row(Mentor m) {
        return List.of(m.externalId(), m.name(), m.email(), nullToEmpty(m.institution()), m.country(),
                m.timeZone().getId(), String.join(";", m.languages()), String.join(";", m.domains()),
                String.join(";", m.topics()), Integer.toString(m.capacity()), m.availableFrom().toString(),
                m.availableUntil() == null ? "" : m.availableUntil().toString(), slotsText(m.weeklyAvailability()),
                Integer.toString(m.circles()));
    }

    private static List<String> row(MentorshipRequest r) {
        return List.of(r.externalId(), r.name(), r.email(), nullToEmpty(r.institution()), r.country(),
                r.timeZone().getId(), r.careerStage().name(), String.join(";", r.languages()),
                String.join(";", r.domains()), String.join(";", r.goals()), r.startDate().toString(),
                Integer.toString(r.durationMonths()), Integer.toString(r.minOverlapMinutes()),
                slotsText(r.weeklyAvailability()), String.join(";", r.preferredMentorIds()),
                String.join(";", r.excludedMentorIds()), Boolean.toString(r.priority()), r.format().name());
    }

    private static String slotsText(List<WeeklySlot> slots) {
        return slots.stream().map(WeeklySlot::toText).collect(Collectors.joining(";"));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(new ArrayList<>(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
