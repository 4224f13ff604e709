package org.mentoring.people.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;
import static org.mentoring.people.PeopleFixtures.withCapacity;
import static org.mentoring.people.PeopleFixtures.withDomains;
import static org.mentoring.people.PeopleFixtures.withEmail;
import static org.mentoring.people.PeopleFixtures.withName;
import static org.mentoring.people.PeopleFixtures.withTimeZone;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.StoreTest;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@StoreTest
class PeopleImporterTest {

    @Autowired
    PeopleImporter importer;

    @Autowired
    MentorService mentors;

    @Autowired
    RequestService requests;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ImportJournal journal;

    @Autowired
    org.mentoring.audit.AuditService audit;

    @BeforeEach
    void emptyStore() {
        mongo.remove(new Query(), "mentors");
        mongo.remove(new Query(), "requests");
        mongo.remove(new Query(), "imports");
        mongo.remove(new Query(), "audit_events");
    }

    @Test
    void anImportThatWritesIsJournalledAndAuditedWhileARejectedOneOrADryRunIsNotJournalled() {
        importer.importPeople(json(List.of(mentor("m-1")), List.of(request("r-1"))), false,
                "coordinator@example.org", "JSON");
        importer.importPeople(json(List.of(mentor("m-2")), List.of()), true, "coordinator@example.org", "JSON");
        assertThatThrownBy(() -> importer.importPeople(json(List.of(withTimeZone(mentor("m-3"), "Mars/Olympus")),
                List.of()), false, "coordinator@example.org", "mentors.csv"))
                .isInstanceOf(ImportRejectedException.class);

        assertThat(journal.recent(10)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(entry.actor()).isEqualTo("coordinator@example.org");
            assertThat(entry.source()).isEqualTo("JSON");
            assertThat(entry.mentors()).isEqualTo(1);
            assertThat(entry.requests()).isEqualTo(1);
            assertThat(entry.created()).isEqualTo(2);
        });
        assertThat(audit.list("import", null, 0, 10).getContent()).singleElement()
                .satisfies(event -> assertThat(event.detail()).isEqualTo("created 2, updated 0"));
        assertThat(audit.list("import.rejected", null, 0, 10).getContent()).singleElement()
                .satisfies(event -> assertThat(event.target()).isEqualTo("mentors.csv"));
    }

    @Test
    void aValidImportCreatesEveryRecordAndReportsTheCounts() {
        ImportReport report = importer.importPeople(json(List.of(mentor("m-017"), mentor("m-018")),
                List.of(request("r-104", "m-017"))), false);

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.updated()).isZero();
        assertThat(report.rejected()).isZero();
        assertThat(report.mentors()).isEqualTo(new ImportReport.Counts(2, 0, 0));
        assertThat(report.requests()).isEqualTo(new ImportReport.Counts(1, 0, 0));
        assertThat(mentors.get("m-018").mentor().email()).isEqualTo("m-018@example.org");
        assertThat(requests.get("r-104").request().preferredMentorIds()).containsExactly("m-017");
    }

    @Test
    void importingAgainUpdatesByExternalId() {
        importer.importPeople(json(List.of(mentor("m-1")), List.of(request("r-1"))), false);

        ImportReport report = importer.importPeople(json(List.of(withName(mentor("m-1"), "Renamed"),
                mentor("m-2")), List.of(request("r-1"))), false);

        assertThat(report.mentors()).isEqualTo(new ImportReport.Counts(1, 1, 0));
        assertThat(report.requests()).isEqualTo(new ImportReport.Counts(0, 1, 0));
        assertThat(mentors.get("m-1").mentor().name()).isEqualTo("Renamed");
        assertThat(mentors.count()).isEqualTo(2);
    }

    @Test
    void aLargeImportUpdatesStoredRecordsInPlaceKeepingWhatItDoesNotWriteAndCreatesTheNewOnes() {
        importer.importPeople(json(mentors(1, 1_200, "Dr. First"), requests(1, 1_500, "First")), false);
        // what an import never writes: a mentor's pause, a request's status and cycle, the creation times
        mentors.pause("m-0007", java.time.LocalDate.of(2027, 1, 1));
        mongo.updateFirst(Query.query(Criteria.where("externalId").is("r-0009")),
                new Update().set("status", "MATCHED"), "requests");
        mongo.updateFirst(Query.query(Criteria.where("externalId").is("r-0003")),
                new Update().set("cycle", "2026-autumn"), "requests");
        java.time.Instant mentorCreated = mentors.get("m-0007").createdAt();
        long mentorVersion = mentors.get("m-0007").version();
        java.time.Instant requestCreated = requests.get("r-0009").createdAt();
        long accounts = mongo.count(new Query(), "accounts");

        ImportBatch second = json(mentors(1, 1_400, "Dr. Second"), requests(1, 2_000, "Second"));
        ImportReport report = importer.importPeople(second, false);

        assertThat(report.mentors()).isEqualTo(new ImportReport.Counts(200, 1_200, 0));
        assertThat(report.requests()).isEqualTo(new ImportReport.Counts(500, 1_500, 0));
        assertThat(mentors.count()).isEqualTo(1_400);
        assertThat(requests.count()).isEqualTo(2_000);
        assertThat(mentors.get("m-0007")).satisfies(stored -> {
            assertThat(stored.mentor().name()).isEqualTo("Dr. Second 7");
            assertThat(stored.version()).isEqualTo(mentorVersion + 1);
            assertThat(stored.createdAt()).isEqualTo(mentorCreated);
        });
        assertThat(mentors.pausedUntil("m-0007")).contains(java.time.LocalDate.of(2027, 1, 1));
        assertThat(requests.get("r-0009")).satisfies(stored -> {
            assertThat(stored.request().name()).isEqualTo("Second 9");
            assertThat(stored.status()).isEqualTo(org.mentoring.people.RequestStatus.MATCHED);
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.createdAt()).isEqualTo(requestCreated);
        });
        assertThat(requests.get("r-0003").cycle()).as("a stored request stays in its cycle").isEqualTo("2026-autumn");
        assertThat(requests.get("r-1999")).satisfies(stored -> {
            assertThat(stored.request().name()).isEqualTo("Second 1999");
            assertThat(stored.status()).isEqualTo(org.mentoring.people.RequestStatus.OPEN);
            assertThat(stored.version()).isZero();
        });
        assertThat(mongo.count(new Query(), "accounts")).as("one account for each new person only")
                .isEqualTo(accounts + 700);

        ImportReport again = importer.importPeople(second, false);

        assertThat(again.mentors()).isEqualTo(new ImportReport.Counts(0, 1_400, 0));
        assertThat(again.requests()).isEqualTo(new ImportReport.Counts(0, 2_000, 0));
        assertThat(mentors.count()).isEqualTo(1_400);
        assertThat(requests.count()).isEqualTo(2_000);
        assertThat(mongo.count(new Query(), "accounts")).isEqualTo(accounts + 700);
        assertThat(requests.get("r-1999").version()).isEqualTo(1);
        assertThat(requests.get("r-0009").status()).isEqualTo(org.mentoring.people.RequestStatus.MATCHED);
    }

    private static List<MentorInput> mentors(int from, int to, String name) {
        return java.util.stream.IntStream.rangeClosed(from, to)
                .mapToObj(i -> withName(mentor(String.format("m-%04d", i)), name + " " + i)).toList();
    }

    private static List<RequestInput> requests(int from, int to, String name) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> {
            RequestInput r = request(String.format("r-%04d", i), String.format("m-%04d", i % 1_200 + 1));
            return new RequestInput(r.externalId(), name + " " + i, r.email(), r.institution(), r.country(),
                    r.timeZone(), r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(),
                    r.durationMonths(), r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(),
                    r.excludedMentorIds(), r.priority());
        }).toList();
    }

    @Test
    void aFieldLeftOutOfAReImportIsCleared() {
        importer.importPeople(json(List.of(mentor("m-1")), List.of()), false);
        MentorInput m = mentor("m-1");
        MentorInput withoutEnd = new MentorInput(m.externalId(), m.name(), m.email(), null, m.country(),
                m.timeZone(), m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(), null,
                m.weeklyAvailability());

        importer.importPeople(json(List.of(withoutEnd), List.of()), false);

        assertThat(mentors.get("m-1").mentor().availableUntil()).as("no longer ends").isNull();
        assertThat(mentors.get("m-1").mentor().institution()).isNull();
    }

    @Test
    void oneRejectedRecordMeansNothingIsWrittenAndTheReportNamesItsFields() {
        importer.importPeople(json(List.of(mentor("m-1")), List.of()), false);

        ImportBatch batch = json(List.of(withName(mentor("m-1"), "Must not be written"), mentor("m-2"),
                withCapacity(withTimeZone(mentor("m-3"), "Mars/Olympus"), "-1")), List.of(request("r-1")));

        assertThatThrownBy(() -> importer.importPeople(batch, false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    ImportReport report = e.report();
                    assertThat(report.created()).isZero();
                    assertThat(report.updated()).isZero();
                    assertThat(report.rejected()).isEqualTo(1);
                    assertThat(report.rejections()).extracting(Rejection::field)
                            .containsExactly("mentors[2].timeZone", "mentors[2].capacity");
                    assertThat(report.rejections()).allSatisfy(rejection -> {
                        assertThat(rejection.externalId()).isEqualTo("m-3");
                        assertThat(rejection.location()).isEqualTo("mentors[2]");
                    });
                    assertThat(report.rejections().get(0).message()).isEqualTo("mentor m-3 (mentors[2]): "
                            + "timeZone 'Mars/Olympus' is not an IANA time zone such as Africa/Nairobi");
                    assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                            .containsExactly("mentors[2].timeZone", "mentors[2].capacity");
                });
        assertThat(mentors.count()).isEqualTo(1);
        assertThat(mentors.get("m-1").mentor().name()).isEqualTo("Dr. A. Mwangi");
        assertThat(requests.count()).isZero();
    }

    @Test
    void duplicateExternalIdsAndEmailsInOneImportAreRejected() {
        ImportBatch batch = json(List.of(mentor("m-1"), withEmail(mentor("m-1"), "other@example.org"),
                withEmail(mentor("m-2"), "M-1@example.org")), List.of());

        assertThatThrownBy(() -> importer.importPeople(batch, false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.report().rejections()).extracting(Rejection::field, Rejection::reason)
                            .containsExactly(
                                    tuple("mentors[1].externalId",
                                            "externalId 'm-1' appears twice in this import: first at mentors[0]"),
                                    tuple("mentors[2].email",
                                            "email 'm-1@example.org' appears twice in this import: first at "
                                            + "mentors[0]"));
                    assertThat(e.report().rejected()).isEqualTo(2);
                });
        assertThat(mentors.count()).isZero();
    }

    @Test
    void anUnknownDomainCodeIsRejected() {
        assertThatThrownBy(() -> importer.importPeople(json(List.of(withDomains(mentor("m-1"), "astrology")),
                List.of()), false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e ->
                        assertThat(e.report().rejections()).extracting(Rejection::field)
                                .containsExactly("mentors[0].domains[0]"));
        assertThat(mentors.count()).isZero();
    }

    @Test
    void importingTheValidRecordsLeavesOutTheRejectedOnesAndThoseThatNamedThem() {
        ImportBatch batch = json(List.of(mentor("m-1"), withTimeZone(mentor("m-bad"), "Mars/Olympus")),
                List.of(request("r-1", "m-1"), request("r-2", "m-bad"), request("r-3")));

        ImportReport report = importer.importValid(batch, false, "coordinator@example.org", "CSV upload");

        assertThat(report.mentors().created()).isEqualTo(1);
        assertThat(report.requests().created()).isEqualTo(2);
        assertThat(report.rejections()).extracting(Rejection::location)
                .as("the mentor with a wrong zone, then the request that prefers that mentor")
                .containsExactly("mentors[1]", "requests[1]");
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(mentors.find("m-bad")).isEmpty();
        assertThat(requests.find("r-2")).isEmpty();
        assertThat(requests.find("r-3")).isPresent();

        assertThatThrownBy(() -> importer.importValid(json(List.of(withTimeZone(mentor("m-x"), "Mars/Olympus")),
                List.of()), false, "coordinator@example.org", "CSV upload"))
                .as("nothing valid: rejected as a whole").isInstanceOf(ImportRejectedException.class);
    }

    @Test
    void preferredMentorsMayBeInTheImportOrTheStoreButMustExist() {
        importer.importPeople(json(List.of(mentor("m-stored")), List.of()), false);

        ImportReport accepted = importer.importPeople(json(List.of(mentor("m-new")),
                List.of(request("r-1", "m-stored", "m-new"))), false);
        assertThat(accepted.requests().created()).isEqualTo(1);

        assertThatThrownBy(() -> importer.importPeople(json(List.of(), List.of(request("r-2", "m-stored",
                "m-ghost"))), false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e ->
                        assertThat(e.report().rejections()).singleElement().satisfies(rejection -> {
                            assertThat(rejection.field()).isEqualTo("requests[0].preferredMentorIds[1]");
                            assertThat(rejection.reason()).contains("no mentor has externalId m-ghost");
                        }));
        assertThat(requests.find("r-2")).isEmpty();
    }

    @Test
    void anEmailOfAnotherStoredMentorIsRejected() {
        importer.importPeople(json(List.of(mentor("m-1")), List.of()), false);

        assertThatThrownBy(() -> importer.importPeople(json(List.of(withEmail(mentor("m-2"), "m-1@example.org")),
                List.of()), false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e ->
                        assertThat(e.report().rejections()).extracting(Rejection::reason).containsExactly(
                                "email m-1@example.org already belongs to mentor m-1 in the store"));
        assertThat(mentors.find("m-2")).isEmpty();
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() {
        importer.importPeople(json(List.of(mentor("m-1")), List.of()), false);

        ImportReport report = importer.importPeople(json(List.of(withName(mentor("m-1"), "Dry"), mentor("m-2")),
                List.of(request("r-1", "m-2"))), true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.mentors()).isEqualTo(new ImportReport.Counts(1, 1, 0));
        assertThat(report.requests()).isEqualTo(new ImportReport.Counts(1, 0, 0));
        assertThat(mentors.count()).isEqualTo(1);
        assertThat(mentors.get("m-1").mentor().name()).isEqualTo("Dr. A. Mwangi");
        assertThat(requests.count()).isZero();
    }

    @Test
    void aCsvWithOneBrokenRowAmongGoodOnesWritesNothingAndNamesTheLine() {
        String csv = CsvPeopleReaderTest.MENTORS + "m-019,Dr. C. Diop,c.diop@example.org,UCAD,SN,Africa/Dakar,fr,"
                + "methods/epidemiology,,2,2026-01-01,,TUE 16:00-14:00\n";

        assertThatThrownBy(() -> importer.importPeople(CsvPeopleReader.mentors(csv, "mentors.csv"), false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.report().rejections()).singleElement().satisfies(rejection -> {
                        assertThat(rejection.location()).isEqualTo("mentors.csv line 4");
                        assertThat(rejection.field()).isEqualTo("mentors.csv line 4: weeklyAvailability[0]");
                        assertThat(rejection.message()).contains("m-019", "ends at 14:00, not after its start 16:00");
                    });
                    assertThat(e.getMessage()).startsWith("1 record was rejected, so nothing was imported.");
                });
        assertThat(mentors.count()).isZero();
    }

    @Test
    void mentorsAndRequestsFromTwoCsvFilesImportTogether() {
        String requestsCsv = """
                externalId,name,email,country,timeZone,careerStage,languages,domains,startDate,durationMonths,weeklyAvailability,preferredMentorIds
                r-104,J. Singh,j.singh@example.org,CA,America/Vancouver,POSTDOC,en,methods/epidemiology,2026-02-01,6,TUE 07:00-09:00,m-018
                """;

        ImportReport report = importer.importPeople(CsvPeopleReader.mentors(CsvPeopleReaderTest.MENTORS,
                "mentors.csv").plus(CsvPeopleReader.requests(requestsCsv, "requests.csv")), false);

        assertThat(report.created()).isEqualTo(3);
        assertThat(requests.get("r-104").request().minOverlapMinutes()).isEqualTo(60);
    }

    @Test
    void anEmptyImportIsInvalid() {
        assertThatThrownBy(() -> importer.importPeople(ImportBatch.EMPTY, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The import has no mentors and no requests");
    }

    @Test
    void aNullRecordIsRejected() {
        List<MentorInput> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> importer.importPeople(ImportBatch.ofJson(withNull, null), false))
                .isInstanceOfSatisfying(ImportRejectedException.class, e ->
                        assertThat(e.report().rejections()).extracting(Rejection::location)
                                .containsExactly("mentors[0]"));
    }

    private static ImportBatch json(List<MentorInput> mentors, List<RequestInput> requests) {
        return ImportBatch.ofJson(mentors, requests);
    }
}
