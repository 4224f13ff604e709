package org.mentoring.people.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.input.SlotInput;

class CsvPeopleReaderTest {

    static final String MENTORS = """
            externalId,name,email,institution,country,timeZone,languages,domains,topics,capacity,availableFrom,availableUntil,weeklyAvailability
            m-017,Dr. A. Mwangi,a.mwangi@example.org,University of Nairobi,KE,Africa/Nairobi,en;sw,planetary-health/climate-health/heat-health,grant-writing;publishing,3,2026-01-01,2026-12-31,TUE 14:00-16:00;THU 09:00-10:30
            m-018,"Dr. B. Okafor, PhD",b.okafor@example.org,University of Ibadan,NG,Africa/Lagos,en,methods/epidemiology,,2,2026-01-01,,MON 08:00-10:00
            """;

    @Test
    void readsMentorsWithListsAndAvailability() {
        ImportBatch batch = CsvPeopleReader.mentors(MENTORS, "mentors.csv");

        assertThat(batch.unreadable()).isEmpty();
        assertThat(batch.mentors()).hasSize(2);
        ImportEntry<MentorInput> first = batch.mentors().get(0);
        assertThat(first.location()).isEqualTo("mentors.csv line 2");
        assertThat(first.record()).isEqualTo(new MentorInput("m-017", "Dr. A. Mwangi", "a.mwangi@example.org",
                "University of Nairobi", "KE", "Africa/Nairobi", List.of("en", "sw"),
                List.of("planetary-health/climate-health/heat-health"), List.of("grant-writing", "publishing"), "3",
                "2026-01-01", "2026-12-31",
                List.of(new SlotInput("TUE", "14:00", "16:00"), new SlotInput("THU", "09:00", "10:30"))));
        MentorInput second = batch.mentors().get(1).record();
        assertThat(second.name()).isEqualTo("Dr. B. Okafor, PhD");
        assertThat(second.topics()).isEmpty();
        assertThat(second.availableUntil()).isNull();
        assertThat(batch.mentors().get(1).location()).isEqualTo("mentors.csv line 3");
    }

    @Test
    void columnsMayComeInAnyOrderAndCaseAndOptionalOnesMayBeLeftOut() {
        String csv = """
                EXTERNALID,timezone,Name,email,country,languages,domains,capacity,availableFrom,weeklyAvailability
                m-1,Europe/Paris,C. Dubois,c@example.org,FR,fr,methods/epidemiology,1,2026-01-01,WED 10:00-11:00
                """;

        ImportBatch batch = CsvPeopleReader.mentors(csv, "mentors.csv");

        assertThat(batch.unreadable()).isEmpty();
        MentorInput mentor = batch.mentors().get(0).record();
        assertThat(mentor.externalId()).isEqualTo("m-1");
        assertThat(mentor.timeZone()).isEqualTo("Europe/Paris");
        assertThat(mentor.institution()).isNull();
    }

    @Test
    void aHeaderWithAMissingOrUnknownColumnRejectsTheFile() {
        String csv = """
                externalId,name,email,country,time_zone,languages,domains,capacity,availableFrom,weeklyAvailability
                m-1,C. Dubois,c@example.org,FR,Europe/Paris,fr,methods/epidemiology,1,2026-01-01,WED 10:00-11:00
                """;

        ImportBatch batch = CsvPeopleReader.mentors(csv, "mentors.csv");

        assertThat(batch.mentors()).isEmpty();
        assertThat(batch.unreadable()).singleElement().satisfies(rejection -> {
            assertThat(rejection.location()).isEqualTo("mentors.csv");
            assertThat(rejection.reason()).contains("unknown column 'time_zone'", "missing column 'timeZone'");
        });
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRejectedWithItsLine() {
        String csv = MENTORS + "m-019,Dr. C,c@example.org,KE\n";

        ImportBatch batch = CsvPeopleReader.mentors(csv, "mentors.csv");

        assertThat(batch.mentors()).hasSize(2);
        assertThat(batch.unreadable()).singleElement().satisfies(rejection -> {
            assertThat(rejection.location()).isEqualTo("mentors.csv line 4");
            assertThat(rejection.externalId()).isEqualTo("m-019");
            assertThat(rejection.reason()).contains("4 values where the header has 13 columns");
        });
    }

    @Test
    void aSlotNotWrittenLikeTheExampleIsAReadErrorOfItsRow() {
        String csv = MENTORS.replace("MON 08:00-10:00", "Monday morning");

        ImportBatch batch = CsvPeopleReader.mentors(csv, "mentors.csv");

        assertThat(batch.mentors().get(1).readErrors()).containsExactly(new FieldError("weeklyAvailability[0]",
                "weeklyAvailability[0] 'Monday morning' is not written like 'TUE 14:00-16:00'"));
    }

    @Test
    void anUnclosedQuoteRejectsTheFile() {
        ImportBatch batch = CsvPeopleReader.mentors(MENTORS + "m-020,\"Dr. Unclosed,x@example.org\n",
                "mentors.csv");

        assertThat(batch.unreadable()).singleElement()
                .satisfies(rejection -> assertThat(rejection.reason()).startsWith("the file is not valid CSV"));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreRead() {
        String csv = "\uFEFF" + MENTORS.replace("\n", "\r\n");

        ImportBatch batch = CsvPeopleReader.mentors(csv, "mentors.csv");

        assertThat(batch.unreadable()).isEmpty();
        assertThat(batch.mentors()).extracting(ImportEntry::location)
                .containsExactly("mentors.csv line 2", "mentors.csv line 3");
    }

    @Test
    void readsRequests() {
        String csv = """
                externalId,name,email,institution,country,timeZone,careerStage,languages,domains,goals,startDate,durationMonths,minOverlapMinutes,weeklyAvailability,preferredMentorIds,excludedMentorIds,priority
                r-104,J. Singh,j.singh@example.org,University of British Columbia,CA,America/Vancouver,POSTDOC,en,planetary-health/climate-health/heat-health;methods/epidemiology,grant-writing,2026-02-01,6,60,TUE 07:00-09:00,m-017,,false
                """;

        ImportBatch batch = CsvPeopleReader.requests(csv, "requests.csv");

        assertThat(batch.unreadable()).isEmpty();
        RequestInput request = batch.requests().get(0).record();
        assertThat(request.domains()).containsExactly("planetary-health/climate-health/heat-health",
                "methods/epidemiology");
        assertThat(request.preferredMentorIds()).containsExactly("m-017");
        assertThat(request.excludedMentorIds()).isEmpty();
        assertThat(request.priority()).isEqualTo("false");
        assertThat(batch.requests().get(0).field("timeZone")).isEqualTo("requests.csv line 2: timeZone");
    }

    @Test
    void aHeaderNamingAColumnTwiceRejectsTheFileInsteadOfUsingTheLastOne() {
        String csv = MENTORS.replaceFirst("weeklyAvailability\n", "weeklyAvailability,Name\n")
                .replace("TUE 14:00-16:00;THU 09:00-10:30\n", "TUE 14:00-16:00;THU 09:00-10:30,Someone Else\n")
                .replace("MON 08:00-10:00\n", "MON 08:00-10:00,Someone Else\n");

        ImportBatch batch = CsvPeopleReader.mentors(csv, "mentors.csv");

        assertThat(batch.mentors()).isEmpty();
        assertThat(batch.unreadable()).singleElement().satisfies(rejection -> {
            assertThat(rejection.field()).isEqualTo("mentors.csv line 1");
            assertThat(rejection.reason()).contains("column 'Name' twice (columns 2 and 14)");
        });
    }

    @Test
    void bytesThatAreNotUtf8RejectTheFileNamingTheLine() {
        byte[] latin1 = MENTORS.replace("Dr. A. Mwangi", "Dr. A. Müller").getBytes(StandardCharsets.ISO_8859_1);

        ImportBatch batch = CsvPeopleReader.mentors(latin1, StandardCharsets.UTF_8, "mentors.csv");

        assertThat(batch.mentors()).isEmpty();
        assertThat(batch.unreadable()).singleElement().satisfies(rejection -> {
            assertThat(rejection.location()).isEqualTo("mentors.csv line 2");
            assertThat(rejection.reason()).startsWith("the file is not valid UTF-8 here (0xFC at byte")
                    .contains("save it as UTF-8");
        });
        assertThat(batch.unreadable().get(0).message()).doesNotContain("\uFFFD");
    }

    @Test
    void utf8WithOrWithoutAByteOrderMarkIsRead() {
        String csv = MENTORS.replace("Dr. A. Mwangi", "Dr. A. Müller 王");
        byte[] plain = csv.getBytes(StandardCharsets.UTF_8);
        byte[] withMark = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);

        for (byte[] bytes : List.of(plain, withMark)) {
            ImportBatch batch = CsvPeopleReader.mentors(bytes, StandardCharsets.UTF_8, "mentors.csv");
            assertThat(batch.unreadable()).isEmpty();
            assertThat(batch.mentors().get(0).record().name()).isEqualTo("Dr. A. Müller 王");
        }
    }

    @Test
    void aCharsetTheSenderNamedIsUsed() {
        byte[] latin1 = MENTORS.replace("Dr. A. Mwangi", "Dr. A. Müller").getBytes(StandardCharsets.ISO_8859_1);

        ImportBatch batch = CsvPeopleReader.mentors(latin1, StandardCharsets.ISO_8859_1, "mentors.csv");

        assertThat(batch.unreadable()).isEmpty();
        assertThat(batch.mentors().get(0).record().name()).isEqualTo("Dr. A. Müller");
    }
}
