package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.mentorship.Introductions;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Records the sides' answers to offers ({@link LifecycleService#answer}) and settles an offer both answers decide:
 * declined (the place given back, the request open again) or accepted (a mentorship started, the request matched).
 */
final class OfferAnswers {

    static final String ANSWER_ACTION = "proposal.answer";
    private static final int MAX_REASON_LENGTH = LifecycleService.MAX_REASON_LENGTH;
    private static final String STATUS = OfferStore.STATUS;

    private final MongoTemplate mongo;
    private final RequestService requests;
    private final AuditService audit;
    private final Clock clock;
    private final MentorPlaces places;
    private final OfferMessages messages;
    private final OfferStore offers;
    private Introductions introductions;

    OfferAnswers(MongoTemplate mongo, RequestService requests, AuditService audit, Clock clock, MentorPlaces places,
            OfferMessages messages, OfferStore offers) {
        this.mongo = mongo;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
        this.places = places;
        this.messages = messages;
        this.offers = offers;
    }

    void introduceWith(Introductions introductions) {
        this.introductions = introductions;
    }

    /**
     * The same, with the reason a side gives for declining (optional, at most {@link #MAX_REASON_LENGTH}
     * characters): kept on the proposal as {@code declineReason} and in the audit trail.
     */
    Offer answer(String proposalId, Side side, Answer answer, String actor, boolean onBehalf, String address,
            String declineReason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ProposalDocument proposal = offers.find(proposalId);
        OfferStore.requireOpen(proposal, now);
        String prefix = side == Side.RESEARCHER ? "researcher" : "mentor";
        String reason = answer == Answer.DECLINED && declineReason != null && !declineReason.isBlank()
                ? declineReason.strip() : null;
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH);
        }
        Update update = new Update().set(prefix + "Answer", answer).set(prefix + "AnsweredBy", actor)
                .set(prefix + "AnsweredAt", now);
        if (reason != null) {
            update.set("declineReason", reason);
        }
        // an answer lands only before the deadline; an offer whose last answer landed is never expired
        Optional<ProposalDocument> answered = offers.move(proposalId, where(STATUS).is(OfferStatus.OFFERED)
                .and(prefix + "Answer").is(null).orOperator(where("answerBy").is(null), where("answerBy").gt(now)),
                update);
        if (answered.isEmpty()) {
            ProposalDocument current = offers.find(proposalId);
            OfferStore.requireOpen(current, now);
            throw new ConflictException("already-answered", "The " + prefix + " has already answered offer "
                    + proposalId + " (" + OfferStore.toOffer(current).answerOf(side) + ")");
        }
        if (onBehalf) {
            audit.record(actor, ANSWER_ACTION, proposalId, answer + " on behalf of the " + prefix, address);
        }
        if (reason != null) {
            audit.record(actor, ANSWER_ACTION, proposalId, "DECLINED by the " + prefix + ", saying: " + reason,
                    address);
        }
        return OfferStore.toOffer(settle(answered.get()));
    }

    /**
     * Finishes an offer both of whose answers decide it: a decline, or two accepts. Each step is idempotent, so
     * calling it again after a crash completes what was left.
     */
    private ProposalDocument settle(ProposalDocument proposal) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (proposal.researcherAnswer() == Answer.DECLINED || proposal.mentorAnswer() == Answer.DECLINED) {
            requests.excludeMentor(proposal.requestExternalId(), proposal.mentorExternalId());
            Optional<ProposalDocument> declined = offers.move(proposal.id(), where(STATUS).is(OfferStatus.OFFERED),
                    new Update().set(STATUS, OfferStatus.DECLINED).set("closedAt", now));
            requests.changeStatus(List.of(proposal.requestExternalId()), RequestStatus.PROPOSED, RequestStatus.OPEN);
            if (declined.isPresent()) {
                // only the call that declined it gives the place back, so a repeat never gives it twice
                places.releaseFor(declined.get().id(), declined.get().mentorExternalId());
                tellBothSides(declined.get(), "declined", "A mentorship offer was declined",
                        "The offer pairing request " + proposal.requestExternalId() + " with mentor "
                                + proposal.mentorExternalId() + " was declined. The request will be matched again;"
                                + " this pair will not be proposed again.");
                return declined.get();
            }
            return offers.find(proposal.id());
        }
        if (proposal.researcherAnswer() == Answer.ACCEPTED && proposal.mentorAnswer() == Answer.ACCEPTED) {
            startMentorship(proposal, now);
            Optional<ProposalDocument> accepted = offers.move(proposal.id(), where(STATUS).is(OfferStatus.OFFERED),
                    new Update().set(STATUS, OfferStatus.ACCEPTED).set("closedAt", now));
            requests.changeStatus(List.of(proposal.requestExternalId()), RequestStatus.PROPOSED,
                    RequestStatus.MATCHED);
            if (accepted.isPresent()) {
                // each side's introduction to the other is the message that the mentorship starts
                if (introductions != null) {
                    introductions.introduce(accepted.get().id());
                } else { // a service built by hand (tests) without introductions
                    tellBothSides(accepted.get(), "accepted", "Your mentorship starts",
                            "Both of you accepted: the mentorship is active. Sign in to see it.");
                }
                return accepted.get();
            }
            return offers.find(proposal.id());
        }
        return proposal;
    }

    private void startMentorship(ProposalDocument proposal, Instant now) {
        MentorshipRequest request = requests.get(proposal.requestExternalId()).request();
        try {
            mongo.insert(new MentorshipDocument(proposal.id(), proposal.requestExternalId(),
                    proposal.mentorExternalId(), MentorshipStatus.ACTIVE, request.startDate(),
                    request.startDate().plusMonths(request.durationMonths()), proposal.id(), now, null));
        } catch (DuplicateKeyException e) {
            // started by an earlier call for the same proposal
        }
    }

    /** Tells both sides, once per proposal and event ({@link OfferMessages}). */
    private void tellBothSides(ProposalDocument proposal, String event, String subject, String text) {
        messages.tellBothSides(proposal, event, subject, text);
    }
}
