package org.mentoring.people.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.cycles.CycleInput;
import org.mentoring.cycles.CycleService;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingInputs;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.MentorshipRepository;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoreTest;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.importing.ImportBatch;
import org.mentoring.people.importing.ImportEntry;
import org.mentoring.people.importing.ImportRejectedException;
import org.mentoring.people.importing.ImportReport;
import org.mentoring.people.importing.PeopleImporter;
import org.mentoring.people.importing.Rejection;
import org.mentoring.people.input.RequestInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Requests in cycles: one per researcher and cycle, in the store, through the service and through imports. */
@StoreTest
class RequestCyclesTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    RequestService requests;
    @Autowired
    MentorService mentors;
    @Autowired
    CycleService cycles;
    @Autowired
    PeopleImporter importer;
    @Autowired
    MatchingInputs inputs;
    @Autowired
    MentorshipRepository mentorships;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyStore() {
        mongo.remove(new Query(), MentorshipRequestDocument.class);
        mongo.remove(new Query(), MentorDocument.class);
        mongo.remove(new Query(), MentorshipDocument.class);
        mongo.remove(new Query(), ProposalDocument.class);
        mongo.remove(new Query(), "cycles");
    }

    /** A past cycle (requests closed, mentorships still running) and the current one, open for requests today. */
    private void pastAndCurrentCycles() {
        cycles.create(new CycleInput("past", "Past", TODAY.minusDays(90).toString(), TODAY.minusDays(60).toString(),
                TODAY.minusDays(50).toString(), TODAY.plusDays(100).toString()), "admin");
        cycles.create(new CycleInput("now", "Now", TODAY.minusDays(5).toString(), TODAY.plusDays(20).toString(),
                TODAY.plusDays(30).toString(), TODAY.plusDays(200).toString()), "admin");
    }

    private static RequestInput inCycle(RequestInput r, String cycle) {
        return new RequestInput(r.externalId(), r.name(), r.email(), r.institution(), r.country(), r.timeZone(),
                r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(), r.durationMonths(),
                r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(), r.excludedMentorIds(),
                r.priority(), cycle);
    }

    private static RequestInput withEmail(RequestInput r, String externalId, String email) {
        return new RequestInput(externalId, r.name(), email, r.institution(), r.country(), r.timeZone(),
                r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(), r.durationMonths(),
                r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(), r.excludedMentorIds(),
                r.priority(), r.cycle());
    }

    @Test
    void withoutCyclesARequestIsInDefaultAndTheSecondOneOfAnEmailIsRefusedAsToday() {
        StoredRequest first = requests.create(request("r-1"), true);
        assertThat(first.cycle()).isEqualTo("default");

        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> requests.create(withEmail(request("r-2"), "r-2", "r-1@example.org"), true));
        assertThat(e.code()).isEqualTo("duplicate-email");
        assertThat(e.getMessage()).contains("r-1", "default", "one request per cycle");
        assertThat(requests.count()).isEqualTo(1);
    }

    @Test
    void aResearcherAsksAgainInALaterCycleButOnlyOncePerCycle() {
        pastAndCurrentCycles();
        StoredRequest earlier = requests.create(inCycle(request("r-1"), "past"), false);
        assertThat(earlier.cycle()).isEqualTo("past");

        StoredRequest again = requests.create(withEmail(request("r-2"), "r-2", "r-1@example.org"), true);

        assertThat(again.cycle()).isEqualTo("now");
        assertThat(requests.newestOf("r-1@example.org")).map(s -> s.request().externalId()).contains("r-2");
        assertThat(requests.find(RequestFilter.ALL.ownedBy("r-1@example.org"), PageRequest.of(0, 10)))
                .extracting(StoredRequest::cycle).containsExactly("past", "now");
        ConflictException twice = catchThrowableOfType(ConflictException.class,
                () -> requests.create(withEmail(request("r-3"), "r-3", "r-1@example.org"), true));
        assertThat(twice.code()).isEqualTo("duplicate-email");
        assertThat(requests.count()).isEqualTo(2);
        // and an update keeps a request in its cycle
        StoredRequest updated = requests.update("r-1", request("r-1"), earlier.version());
        assertThat(updated.cycle()).isEqualTo("past");
    }

    @Test
    void aResearcherAsksOnlyInTheCycleOpenTodayACoordinatorInAnyThatHasNotEnded() {
        pastAndCurrentCycles();
        cycles.create(new CycleInput("old", "Old", TODAY.minusDays(400).toString(), TODAY.minusDays(380).toString(),
                TODAY.minusDays(370).toString(), TODAY.minusDays(100).toString()), "admin");

        assertThat(cycleError(() -> requests.create(inCycle(request("r-1"), "past"), true)).message())
                .contains("Past (past) is not open for requests today");
        assertThat(cycleError(() -> requests.create(inCycle(request("r-1"), "old"), false)).message())
                .contains("ended on " + TODAY.minusDays(100));
        assertThat(cycleError(() -> requests.create(inCycle(request("r-1"), "nope"), false)).message())
                .contains("there is no cycle 'nope'");
        assertThat(requests.count()).isZero();
    }

    @Test
    void theStoreRefusesASecondRequestOfAnEmailInOneCycleAndCountsARequestWithoutCycleAsDefault() {
        mongo.insert(document("r-1", "same@example.org", "c1"));
        mongo.insert(document("r-2", "same@example.org", "c2"));
        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> mongo.insert(document("r-3", "same@example.org", "c1")));

        // a request stored before cycles existed has no cycle: it is in default
        mongo.insert(document("r-old", "old@example.org", null));
        assertThat(requests.get("r-old").cycle()).isEqualTo("default");
        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> requests.create(withEmail(request("r-new"), "r-new", "old@example.org")));
        assertThat(e.code()).isEqualTo("duplicate-email");
        assertThat(requests.count()).isEqualTo(3);
    }

    private static MentorshipRequestDocument document(String externalId, String email, String cycle) {
        MentorshipRequestDocument document = new MentorshipRequestDocument();
        document.setExternalId(externalId);
        document.setName("N");
        document.setEmail(email);
        document.setTimeZone("UTC");
        document.setStartDate(TODAY);
        document.setStatus(RequestStatus.OPEN);
        document.setCycle(cycle);
        document.setLanguages(List.of("en"));
        document.setDomains(List.of());
        document.setGoals(List.of());
        document.setWeeklyAvailability(List.of());
        document.setPreferredMentorIds(List.of());
        document.setExcludedMentorIds(List.of());
        return document;
    }

    @Test
    void anImportPutsTheSameResearcherInTwoCyclesButNotTwiceInOne() {
        pastAndCurrentCycles();

        ImportReport report = importer.importPeople(batch(inCycle(request("r-1"), "past"),
                withEmail(request("r-2"), "r-2", "r-1@example.org")), false);

        assertThat(report.requests().created()).isEqualTo(2);
        assertThat(requests.get("r-1").cycle()).isEqualTo("past");
        assertThat(requests.get("r-2").cycle()).isEqualTo("now");

        ImportRejectedException twice = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importPeople(batch(withEmail(request("r-3"), "r-3", "r-1@example.org"),
                        inCycle(request("r-4"), "nope")), false));
        assertThat(twice.report().rejections()).extracting(Rejection::field)
                .containsExactlyInAnyOrder("requests[0].email", "requests[1].cycle");
        assertThat(twice.report().rejections()).extracting(Rejection::reason)
                .anySatisfy(reason -> assertThat(reason).contains("already belongs to request r-2",
                        "in now (one request per researcher and cycle)"));
        assertThat(requests.count()).isEqualTo(2);

        // importing a stored request again without a cycle keeps it in its cycle
        importer.importPeople(batch(request("r-1")), false);
        assertThat(requests.get("r-1").cycle()).isEqualTo("past");
    }

    @Test
    void aCsvFileMayNameEachRequestsCycleInAColumnOfItsOwn() {
        pastAndCurrentCycles();
        String csv = "externalId,name,email,country,timeZone,careerStage,languages,domains,startDate,durationMonths,"
                + "weeklyAvailability,cycle\n"
                + "r-csv-1,CSV Person,csv@example.org,CA,UTC,POSTDOC,en," + org.mentoring.people.PeopleFixtures.HEAT_HEALTH
                + "," + TODAY.plusDays(40) + ",6,TUE 09:00-11:00,past\n"
                + "r-csv-2,CSV Person,csv@example.org,CA,UTC,POSTDOC,en," + org.mentoring.people.PeopleFixtures.HEAT_HEALTH
                + "," + TODAY.plusDays(40) + ",6,TUE 09:00-11:00,\n";

        importer.importPeople(org.mentoring.people.importing.CsvPeopleReader.requests(csv, "requests.csv"), false);

        assertThat(requests.get("r-csv-1").cycle()).isEqualTo("past");
        assertThat(requests.get("r-csv-2").cycle()).isEqualTo("now");
    }

    private static ImportBatch batch(RequestInput... records) {
        List<ImportEntry<RequestInput>> entries = new java.util.ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            entries.add(ImportEntry.json("requests", i, records[i]));
        }
        return new ImportBatch(List.of(), entries, List.of());
    }

    @Test
    void aRunOfOneCycleReadsOnlyItsOpenRequestsWhileAnotherCyclesMentorshipHoldsItsPlace() {
        pastAndCurrentCycles();
        mentors.create(org.mentoring.people.PeopleFixtures.withCapacity(mentor("m-1"), "1"));
        requests.create(inCycle(request("r-past-matched"), "past"), false);
        requests.changeStatus("r-past-matched", RequestStatus.OPEN, RequestStatus.MATCHED);
        requests.create(inCycle(request("r-past-open"), "past"), false);
        requests.create(request("r-now-1"), true);
        requests.create(request("r-now-2"), true);
        mentorships.insert(new MentorshipDocument("ms-1", "r-past-matched", "m-1", MentorshipStatus.ACTIVE,
                TODAY.minusDays(40), null, null, Instant.now(), null));

        InputSnapshot now = inputs.snapshot("now");

        assertThat(now.openRequests()).extracting(MentorshipRequest::externalId)
                .containsExactly("r-now-1", "r-now-2");
        assertThat(now.settled().values()).containsExactly("m-1");
        assertThat(now.mentors()).extracting(m -> m.externalId() + " capacity " + m.capacity())
                .containsExactly("m-1 capacity 1");
        assertThat(inputs.snapshot("past").openRequests()).extracting(MentorshipRequest::externalId)
                .containsExactly("r-past-open");
        assertThat(inputs.snapshot("default").openRequests()).isEmpty();
    }

    private static FieldError cycleError(Runnable call) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("cycle");
        return e.errors().get(0);
    }
}
