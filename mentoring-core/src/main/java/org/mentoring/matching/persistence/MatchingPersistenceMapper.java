package org.mentoring.matching.persistence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.run.MatchingRun;
import org.mentoring.matching.run.Proposal;
import org.mentoring.matching.run.ScorePoint;
import org.mentoring.matching.run.UnmatchedRequest;
import org.mentoring.matching.solver.Audience;
import org.mentoring.mentorship.Mentorship;

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
