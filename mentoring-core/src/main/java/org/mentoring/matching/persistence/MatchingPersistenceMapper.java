package org.mentoring.matching.persistence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.ScorePoint;
import org.mentoring.matching.model.UnmatchedRequest;
import org.mentoring.matching.solver.Audience;

/** Turns stored runs, proposals and mentorships into the records the services answer with. */
@Mapper(imports = Audience.class)
public interface MatchingPersistenceMapper {

    /** @param elapsedMillis the run's solving time, which depends on the clock and is worked out by the caller */
    MatchingRun toRun(MatchingRunDocument document, long elapsedMillis);

    MatchingWeights toWeights(WeightsDocument document);

    WeightsDocument toDocument(MatchingWeights weights);

    ScorePoint toPoint(ScorePointDocument document);

    ScorePointDocument toDocument(ScorePoint point);

    /** A proposal as an admin reviews it: its explanation in the third person, naming both sides. */
    @Mapping(target = "explanation", expression = "java(document.explanations().to(Audience.ADMIN))")
    Proposal toProposal(ProposalDocument document);

    UnmatchedRequest toUnmatched(UnmatchedDocument document);

    Mentorship toMentorship(MentorshipDocument document);
}
