package org.mentoring.mentorship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.EmbeddedMongoTestConfiguration;
import org.mentoring.matching.MatchingTestApplication;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.persistence.MatchingPersistenceMapperImpl;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.MentorshipRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ContextConfiguration;

@DataMongoTest
@ContextConfiguration(classes = MatchingTestApplication.class)
@Import({EmbeddedMongoTestConfiguration.class, MentorshipService.class, MatchingPersistenceMapperImpl.class})
class MentorshipServiceTest {

    @Autowired
    private MentorshipService service;
    @Autowired
    private MentorshipRepository mentorships;

    @BeforeEach
    void store() {
        mentorships.deleteAll();
        save("ms-1", "r-1", "m-1", MentorshipStatus.ACTIVE);
        save("ms-2", "r-2", "m-1", MentorshipStatus.ACTIVE);
        save("ms-3", "r-3", "m-2", MentorshipStatus.ACTIVE);
        save("ms-4", "r-4", "m-1", MentorshipStatus.COMPLETED);
    }

    private void save(String id, String request, String mentor, MentorshipStatus status) {
        mentorships.insert(new MentorshipDocument(id, request, mentor, status, LocalDate.of(2026, 2, 1),
                status == MentorshipStatus.COMPLETED ? LocalDate.of(2026, 8, 1) : null, null, Instant.now(), null));
    }

    private static PageRequest page() {
        return PageRequest.of(0, 10, Sort.by("requestExternalId"));
    }

    @Test
    void eachFilterGivenNarrowsTheList() {
        assertThat(service.list(null, null, null, page()).getContent()).extracting(Mentorship::id)
                .containsExactly("ms-1", "ms-2", "ms-3", "ms-4");
        assertThat(service.list(null, "m-1", null, page()).getContent()).extracting(Mentorship::id)
                .containsExactly("ms-1", "ms-2", "ms-4");
        assertThat(service.list(null, "m-1", MentorshipStatus.ACTIVE, page()).getContent())
                .extracting(Mentorship::id).containsExactly("ms-1", "ms-2");
        assertThat(service.list("r-3", null, null, page()).getContent()).extracting(Mentorship::mentorExternalId)
                .containsExactly("m-2");
    }

    @Test
    void theActiveOnesAreTheSettledPairsARunKeeps() {
        assertThat(mentorships.findByStatus(MentorshipStatus.ACTIVE)).extracting(MentorshipDocument::id)
                .containsExactlyInAnyOrder("ms-1", "ms-2", "ms-3");
    }
}
