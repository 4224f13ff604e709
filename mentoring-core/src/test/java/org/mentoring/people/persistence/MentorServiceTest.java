package org.mentoring.people.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoring.people.PeopleFixtures.AIR_POLLUTION;
import static org.mentoring.people.PeopleFixtures.HEAT_HEALTH;
import static org.mentoring.people.PeopleFixtures.mentor;
import static org.mentoring.people.PeopleFixtures.withCapacity;
import static org.mentoring.people.PeopleFixtures.withCountry;
import static org.mentoring.people.PeopleFixtures.withDomains;
import static org.mentoring.people.PeopleFixtures.withEmail;
import static org.mentoring.people.PeopleFixtures.withName;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.StoreTest;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.input.PeopleInputValidator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

@StoreTest
class MentorServiceTest {

    @Autowired
    MentorService mentors;

    @Autowired
    MentorRepository repository;

    @Autowired
    PeopleInputValidator validator;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyStore() {
        mongo.remove(new Query(), MentorDocument.class);
    }

    @Test
    void createStoresTheMentorWithVersionAndTimestamps() {
        StoredMentor created = mentors.create(mentor("m-017"));

        StoredMentor read = mentors.get("m-017");
        assertThat(read.mentor()).isEqualTo(created.mentor());
        assertThat(read.mentor().languages()).containsExactlyInAnyOrder("en", "sw");
        assertThat(read.version()).isZero();
        assertThat(read.createdAt()).isNotNull();
        assertThat(read.updatedAt()).isEqualTo(read.createdAt());
    }

    @Test
    void anUnknownExternalIdIsNotFound() {
        assertThatThrownBy(() -> mentors.get("m-404")).isInstanceOf(NotFoundException.class)
                .hasMessage("No mentor with id m-404");
    }

    @Test
    void aSecondMentorWithTheSameExternalIdOrEmailIsAConflict() {
        mentors.create(mentor("m-1"));

        assertThatThrownBy(() -> mentors.create(withEmail(mentor("m-1"), "other@example.org")))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("duplicate-external-id");
        assertThatThrownBy(() -> mentors.create(withEmail(mentor("m-2"), "m-1@example.org")))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("duplicate-email");
        assertThat(mentors.count()).isEqualTo(1);
    }

    @Test
    void theStoreItselfRefusesDuplicateExternalIdsAndEmails() {
        repository.insert(document("m-1", "a@example.org"));

        assertThatThrownBy(() -> repository.insert(document("m-1", "b@example.org")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> repository.insert(document("m-2", "a@example.org")))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void invalidInputIsRejectedAndNothingStored() {
        assertThatThrownBy(() -> mentors.create(withCapacity(mentor("m-1"), "-1")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(mentors.count()).isZero();
    }

    @Test
    void updateWithTheCurrentVersionChangesTheMentorAndTheVersion() {
        StoredMentor created = mentors.create(mentor("m-1"));

        StoredMentor updated = mentors.update("m-1", withName(mentor("m-1"), "Prof. A. Mwangi"), created.version());

        assertThat(updated.version()).isEqualTo(created.version() + 1);
        assertThat(mentors.get("m-1").mentor().name()).isEqualTo("Prof. A. Mwangi");
        assertThat(mentors.get("m-1").createdAt()).isEqualTo(created.createdAt());
    }

    @Test
    void updateWithAStaleVersionIsAConflictAndChangesNothing() {
        StoredMentor created = mentors.create(mentor("m-1"));
        mentors.update("m-1", withName(mentor("m-1"), "First admin"), created.version());

        assertThatThrownBy(() -> mentors.update("m-1", withName(mentor("m-1"), "Second admin"), created.version()))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("stale-version");
        assertThat(mentors.get("m-1").mentor().name()).isEqualTo("First admin");
    }

    @Test
    void aWriteBetweenReadAndSaveIsCaughtByTheStoreVersion() {
        StoredMentor created = mentors.create(mentor("m-1"));
        MentorDocument staleCopy = repository.findByExternalId("m-1").orElseThrow();
        mentors.update("m-1", withName(mentor("m-1"), "Changed meanwhile"), created.version());

        staleCopy.setName("Lost update");
        assertThatThrownBy(() -> repository.save(staleCopy))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(mentors.get("m-1").mentor().name()).isEqualTo("Changed meanwhile");
    }

    @Test
    void deleteRemovesTheMentorAndRefusesAStaleVersion() {
        StoredMentor created = mentors.create(mentor("m-1"));
        mentors.create(mentor("m-2"));

        assertThatThrownBy(() -> mentors.delete("m-1", created.version() + 5))
                .isInstanceOf(ConflictException.class);
        mentors.delete("m-1", created.version());
        mentors.delete("m-2", null);

        assertThat(mentors.count()).isZero();
        assertThatThrownBy(() -> mentors.delete("m-1", null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDomainFilterMatchesTheCodeAndEverythingInsideIt() {
        mentors.create(withDomains(mentor("m-heat"), HEAT_HEALTH));
        mentors.create(withDomains(mentor("m-air"), AIR_POLLUTION));
        mentors.create(withDomains(mentor("m-branch"), "planetary-health/climate-health"));

        assertThat(ids(mentors.find(new MentorFilter("planetary-health/climate-health", null, null), page(10))))
                .containsExactly("m-branch", "m-heat");
        assertThat(ids(mentors.find(new MentorFilter("planetary-health", null, null), page(10))))
                .containsExactly("m-air", "m-branch", "m-heat");
        assertThat(ids(mentors.find(new MentorFilter(HEAT_HEALTH, null, null), page(10))))
                .containsExactly("m-heat");
    }

    @Test
    void anUnknownDomainInAFilterIsInvalidInput() {
        assertThatThrownBy(() -> mentors.find(new MentorFilter("astrology", null, null), page(10)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().get(0).field()).isEqualTo("domain");
    }

    @Test
    void countryAndLanguageFiltersAndPagesWork() {
        for (int i = 1; i <= 5; i++) {
            mentors.create(withCountry(mentor("m-" + i), i % 2 == 0 ? "BR" : "KE"));
        }

        Page<StoredMentor> kenya = mentors.find(new MentorFilter(null, "ke", "sw"), PageRequest.of(0, 2));
        assertThat(ids(kenya)).containsExactly("m-1", "m-3");
        assertThat(kenya.getTotalElements()).isEqualTo(3);
        assertThat(kenya.getTotalPages()).isEqualTo(2);
        assertThat(ids(mentors.find(new MentorFilter(null, "KE", null), PageRequest.of(1, 2))))
                .containsExactly("m-5");
        assertThat(mentors.find(new MentorFilter(null, null, "fr"), page(10))).isEmpty();
    }

    @Test
    void upsertAllCreatesNewMentorsAndReplacesExistingOnesByExternalId() {
        StoredMentor existing = mentors.create(mentor("m-1"));
        Mentor renamed = validator.mentor(withName(mentor("m-1"), "Renamed")).orThrow("m-1");
        Mentor fresh = validator.mentor(mentor("m-2")).orThrow("m-2");

        UpsertCounts counts = mentors.upsertAll(List.of(renamed, fresh), mentors.keys().externalIds());

        assertThat(counts).isEqualTo(new UpsertCounts(1, 1));
        StoredMentor updated = mentors.get("m-1");
        assertThat(updated.mentor().name()).isEqualTo("Renamed");
        assertThat(updated.version()).isEqualTo(existing.version() + 1);
        assertThat(updated.createdAt()).isEqualTo(existing.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(existing.updatedAt());
        StoredMentor created = mentors.get("m-2");
        assertThat(created.mentor()).isEqualTo(fresh);
        assertThat(created.createdAt()).isNotNull();

        assertThat(mentors.upsertAll(List.of(renamed, fresh), mentors.keys().externalIds()))
                .isEqualTo(new UpsertCounts(0, 2));
        assertThat(mentors.count()).isEqualTo(2);
    }

    @Test
    void anUpsertedMentorCanBeUpdatedWithItsVersion() {
        mentors.upsertAll(List.of(validator.mentor(mentor("m-1")).orThrow("m-1")), mentors.keys().externalIds());
        StoredMentor stored = mentors.get("m-1");

        mentors.update("m-1", withName(mentor("m-1"), "After import"), stored.version());

        assertThat(mentors.get("m-1").mentor().name()).isEqualTo("After import");
    }

    @Test
    void withCapacityLeavesOutMentorsWhoTakeNoMentees() {
        mentors.create(withCapacity(mentor("m-full"), "0"));
        mentors.create(mentor("m-open"));

        assertThat(mentors.withCapacity()).extracting(Mentor::externalId).containsExactly("m-open");
    }

    private static PageRequest page(int size) {
        return PageRequest.of(0, size);
    }

    private static List<String> ids(Page<StoredMentor> page) {
        return page.getContent().stream().map(stored -> stored.mentor().externalId()).toList();
    }

    private static MentorDocument document(String externalId, String email) {
        MentorDocument document = new MentorDocument();
        document.setExternalId(externalId);
        document.setEmail(email);
        return document;
    }
}
