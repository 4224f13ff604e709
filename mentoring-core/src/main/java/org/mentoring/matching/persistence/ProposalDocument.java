package org.mentoring.matching.persistence;

import java.time.Instant;
import java.util.List;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.solver.Explanation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One pair a run proposes, its own document so that each side's answer can later update it alone. Its id is the
 * run's id, a dash and its number within the run ({@code <runId>-000001}), so that a run's proposals are read
 * through the unique id index even on the embedded server, which uses no other index for queries.
 *
 * <p>Its offer fields change only through conditional updates of this one document
 * ({@code lifecycle.LifecycleService}).
 *
 * @param explanation why, as the researcher reads it ("your first choice"); every reader's lines in proposals saved
 *     before explanations were worded for each reader
 * @param mentorExplanation why, as the mentor reads it ("their first choice"); null in proposals saved before
 *     explanations were worded for each reader
 * @param adminExplanation why, as an admin reads it (both in the third person); null in proposals saved before
 *     explanations were worded for each reader
 * @param status DRAFT until its run is published; null in proposals saved before offers existed, read as DRAFT
 * @param researcherAnsweredBy the email of whoever recorded the researcher's answer (the researcher or an admin)
 * @param mentorAnsweredBy the email of whoever recorded the mentor's answer (the mentor or an admin)
 * @param closedAt when it became ACCEPTED, DECLINED, EXPIRED or WITHDRAWN
 * @param answerBy the deadline for both answers, set when it is offered; null before offers had deadlines
 * @param remindedAt when both sides were reminded that the deadline is near; null until then
 * @param directAskMessage the researcher's message when the researcher asked this mentor directly (not a run's
 *     proposal); null for a run's proposal
 * @param pinned true when its run kept the pair because a coordinator pinned it; null (false) otherwise
 * @param circleId the run's circle ({@link RunCircleDocument}) when this is a seat in a mentoring circle offered to
 *     its member (its id starts with {@value #SEAT_PREFIX}); null for a pair
 */
// a run's proposals to one mentor (overrides); offers by request and by mentor, newest first; offers by status
@CompoundIndex(name = "runId_mentorExternalId", def = "{'runId': 1, 'mentorExternalId': 1}")
@CompoundIndex(name = "requestExternalId_status_offeredAt",
        def = "{'requestExternalId': 1, 'status': 1, 'offeredAt': -1}")
@CompoundIndex(name = "mentorExternalId_status_offeredAt",
        def = "{'mentorExternalId': 1, 'status': 1, 'offeredAt': -1}")
// offers due a reminder or past their deadline (OfferExpiry); offers waiting for an answer, oldest first
@CompoundIndex(name = "status_remindedAt_answerBy", def = "{'status': 1, 'remindedAt': 1, 'answerBy': 1}")
@CompoundIndex(name = "status_offeredAt", def = "{'status': 1, 'offeredAt': 1}")
// expired offers whose follow-up is unfinished (OfferExpiry's raw expiryPending mark, set only until it is finished)
@CompoundIndex(name = "status_expiryPending", def = "{'status': 1, 'expiryPending': 1}")
@Document(ProposalDocument.COLLECTION)
public record ProposalDocument(
        @Id String id,
        String runId,
        String requestExternalId,
        String mentorExternalId,
        List<String> explanation,
        List<String> mentorExplanation,
        List<String> adminExplanation,
        int affinity,
        int overlapMinutes,
        boolean valid,
        @Indexed OfferStatus status,
        Answer researcherAnswer,
        String researcherAnsweredBy,
        Instant researcherAnsweredAt,
        Answer mentorAnswer,
        String mentorAnsweredBy,
        Instant mentorAnsweredAt,
        Instant offeredAt,
        Instant closedAt,
        Instant answerBy,
        Instant remindedAt,
        String directAskMessage,
        @Version Long version,
        Boolean pinned,
        String circleId) {

    public static final String COLLECTION = "proposals";
    /** How the id of a seat in a circle begins. */
    public static final String SEAT_PREFIX = "seat-";

    @org.springframework.data.annotation.PersistenceCreator
    public ProposalDocument {
    }

    /** A pair (no circle seat), not pinned. */
    public ProposalDocument(String id, String runId, String requestExternalId, String mentorExternalId,
            List<String> explanation, List<String> mentorExplanation, List<String> adminExplanation, int affinity,
            int overlapMinutes, boolean valid, OfferStatus status, Answer researcherAnswer,
            String researcherAnsweredBy, Instant researcherAnsweredAt, Answer mentorAnswer, String mentorAnsweredBy,
            Instant mentorAnsweredAt, Instant offeredAt, Instant closedAt, Instant answerBy, Instant remindedAt,
            String directAskMessage, Long version) {
        this(id, runId, requestExternalId, mentorExternalId, explanation, mentorExplanation, adminExplanation,
                affinity, overlapMinutes, valid, status, researcherAnswer, researcherAnsweredBy, researcherAnsweredAt,
                mentorAnswer, mentorAnsweredBy, mentorAnsweredAt, offeredAt, closedAt, answerBy, remindedAt,
                directAskMessage, version, null, null);
    }

    /** Whether this is a seat in a mentoring circle rather than a pair. */
    public boolean isSeat() {
        return circleId != null;
    }

    /** A proposal as its run saves it: a DRAFT nobody has answered. */
    public static ProposalDocument draft(String id, String runId, String requestExternalId, String mentorExternalId,
            Explanation explanation, int affinity, int overlapMinutes, boolean valid) {
        return draft(id, runId, requestExternalId, mentorExternalId, explanation, affinity, overlapMinutes, valid,
                false);
    }

    /** A proposal as its run saves it, pinned or not: a DRAFT nobody has answered. */
    public static ProposalDocument draft(String id, String runId, String requestExternalId, String mentorExternalId,
            Explanation explanation, int affinity, int overlapMinutes, boolean valid, boolean pinned) {
        return new ProposalDocument(id, runId, requestExternalId, mentorExternalId, explanation.researcher(),
                explanation.mentor(), explanation.admin(), affinity, overlapMinutes, valid, OfferStatus.DRAFT, null,
                null, null, null, null, null, null, null, null, null, null, null, pinned ? Boolean.TRUE : null, null);
    }

    /** Whether its run kept the pair because a coordinator pinned it. */
    public boolean isPinned() {
        return Boolean.TRUE.equals(pinned);
    }

    /** Why, as each reader sees it; in a proposal saved before that, everyone reads the researcher's lines. */
    public Explanation explanations() {
        return new Explanation(explanation, mentorExplanation, adminExplanation);
    }

    /** Its status, DRAFT when a proposal saved before offers existed has none. */
    public OfferStatus statusOrDraft() {
        return status == null ? OfferStatus.DRAFT : status;
    }
}
