package org.mentoring.lifecycle;

import java.time.Instant;
import java.util.List;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.solver.Audience;
import org.mentoring.matching.solver.Explanation;

/**
 * A proposal of a run as the two people it pairs see it once the run is published: the pair, why, and where the
 * answers stand.
 *
 * @param explanation why, in the lines each reader sees: the researcher's, the mentor's and an admin's
 * @param researcherAnswer null until the researcher (or an admin for them) answers
 * @param mentorAnswer null until the mentor (or an admin for them) answers
 * @param researcherAnsweredBy the email of whoever recorded the researcher's answer; null until then
 * @param mentorAnsweredBy the email of whoever recorded the mentor's answer; null until then
 * @param offeredAt when its run was published; null while DRAFT or when WITHDRAWN at publication
 * @param closedAt when it became ACCEPTED, DECLINED, EXPIRED or WITHDRAWN
 * @param answerBy the deadline for both answers ({@link OfferDeadlines}); null for an offer made before deadlines
 */
public record Offer(
        String id,
        String runId,
        String requestExternalId,
        String mentorExternalId,
        Explanation explanation,
        int affinity,
        int overlapMinutes,
        OfferStatus status,
        Answer researcherAnswer,
        String researcherAnsweredBy,
        Instant researcherAnsweredAt,
        Answer mentorAnswer,
        String mentorAnsweredBy,
        Instant mentorAnsweredAt,
        Instant offeredAt,
        Instant closedAt,
        Instant answerBy) {

    public Offer {
        explanation = explanation == null ? Explanation.same(List.of()) : explanation;
    }

    /** Why, as one side reads it: the researcher's or the mentor's own words. */
    public List<String> explanationFor(Side side) {
        return explanation.to(side == Side.RESEARCHER ? Audience.RESEARCHER : Audience.MENTOR);
    }

    /** The answer of one side, or null. */
    public Answer answerOf(Side side) {
        return side == Side.RESEARCHER ? researcherAnswer : mentorAnswer;
    }
}
