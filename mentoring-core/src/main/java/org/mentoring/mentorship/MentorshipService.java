package org.mentoring.mentorship;

import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.MentorshipRepository;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Reads accepted mentorships. Creating and ending them belongs to the proposal lifecycle. */
@Service
public class MentorshipService {

    private final MentorshipRepository mentorships;
    private final MatchingPersistenceMapper mapper;

    public MentorshipService(MentorshipRepository mentorships, MatchingPersistenceMapper mapper) {
        this.mentorships = mentorships;
        this.mapper = mapper;
    }

    /**
     * Mentorships matching every filter given; a null filter matches all.
     *
     * @param requestExternalId the mentee's request
     * @param mentorExternalId the mentor
     */
    public Page<Mentorship> list(String requestExternalId, String mentorExternalId, MentorshipStatus status,
            Pageable pageable) {
        MentorshipDocument probe = new MentorshipDocument(null, requestExternalId, mentorExternalId, status, null,
                null, null, null, null);
        return mentorships.findAll(Example.of(probe), pageable).map(mapper::toMentorship);
    }
}
