package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.PublicationOrder;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.mentorship.Introductions;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The life of a proposal after its run: publishing a completed run turns its proposals into offers, each side
 * answers once, both accepting makes an ACTIVE mentorship and a decline reopens the request and keeps the pair
 * apart in later runs; one not answered by both sides by its deadline expires ({@link OfferDeadlines},
 * {@link OfferExpiry}). Every place an offer holds is taken and given back in the mentor's ledger
 * ({@link MentorPlaces}): an offer takes it before it is written, a decline or an expiry gives it back, an accept
 * keeps it for the mentorship.
 *
 * <p>Nothing here needs a transaction: every write is one conditional update of one document, and each step can
 * be repeated (publishing again resumes or does nothing; the mentorship's id is the proposal's), so a crash between
 * two writes leaves nothing a repeat cannot finish. Who may answer for which side is the caller's check; this
 * service records who did.
 */
@Service
public class LifecycleService {

    /** The longest decline reason kept; a longer one is cut. */
    public static final int MAX_REASON_LENGTH = 1000;

    static final String PUBLISH_ACTION = "matching-run.publish";
    static final String OFFER_SUBJECT = "A mentorship offer for you";
    static final String OFFER_TEXT = "You are proposed as a pair. Sign in to read why and to accept or decline the "
            + "offer.";
    static final String ANSWER_ACTION = "proposal.answer";
    private static final String STATUS = "status";
    private static final Logger log = LoggerFactory.getLogger(LifecycleService.class);

    private final MongoTemplate mongo;
    private final RunResultStore results;
    private final RequestService requests;
    private final MentorService mentors;
    private final AuditService audit;
    private final Clock clock;
    private final MentorPlaces places;
    private final PublicationNumbers numbers;
    private final OfferMessages messages;
    private Introductions introductions;

    @Autowired
    public LifecycleService(MongoTemplate mongo, RunResultStore results, RequestService requests,
            MentorService mentors, AuditService audit, NotificationService notifications, MentorPlaces places,
            PublicationOrder publicationOrder) {
        this(mongo, results, requests, mentors, audit, notifications, Clock.systemUTC(), places, publicationOrder);
    }

    LifecycleService(MongoTemplate mongo, RunResultStore results, RequestService requests, MentorService mentors,
            AuditService audit, NotificationService notifications, Clock clock, MentorPlaces places,
            PublicationOrder publicationOrder) {
        this.places = places;
        this.numbers = new PublicationNumbers(mongo, publicationOrder);
        this.mongo = mongo;
        this.results = results;
        this.requests = requests;
        this.mentors = mentors;
        this.audit = audit;
        this.clock = clock;
        this.messages = new OfferMessages(requests, mentors, notifications);
    }

    /** Who introduces the two people of each new mentorship to each other (set once, at start). */
    @Autowired
    void introduceWith(Introductions introductions) {
        this.introductions = introductions;
    }

    /**
     * Publishes a COMPLETED run: each DRAFT proposal becomes OFFERED and its request PROPOSED, or WITHDRAWN when
     * its request is no longer OPEN (withdrawn, or offered by another run meanwhile) or its mentor has no free place
     * left in the ledger ({@link MentorPlaces}: each offer takes its place first); both sides of each offer get
     * a message. Publishing a run again offers nothing more and says so ({@link Publication#alreadyPublished}).
     * A run begins publishing by taking the next number of {@link PublicationOrder}, which it can only do if no
     * publication began since it was made.
     *
     * @param admin the admin's email, for the audit trail
     * @throws NotFoundException if there is no such run
     * @throws ConflictException {@code run-not-completed} unless the run is COMPLETED; {@code run-outdated} when
     *     another run was published after this one was made
     */
    public Publication publish(String runId, String admin, String address) {
        return publish(runId, null, admin, address);
    }

    /**
     * {@link #publish(String, String, String)} giving both sides of each offer {@code answerWithinDays} to answer
     * ({@link OfferDeadlines}): each offer's {@code answerBy} is the moment it is offered plus that many days.
     *
     * @param answerWithinDays from 1 to 90; null for 14
     * @throws org.mentoring.common.InvalidInputException on {@code answerWithinDays} out of bounds, before anything
     *     is written
     */
    public Publication publish(String runId, Integer answerWithinDays, String admin, String address) {
        int days = OfferDeadlines.days(answerWithinDays);
        MatchingRunDocument run = mongo.findById(runId, MatchingRunDocument.class);
        if (run == null) {
            throw new NotFoundException("matching run", runId);
        }
        if (run.status() != RunStatus.COMPLETED) {
            throw new ConflictException("run-not-completed", "Run " + runId + " is " + run.status()
                    + "; only a COMPLETED run can be published");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean first = false;
        if (run.publishedAt() == null) {
            numbers.claim(run);
            MatchingRunDocument claimed = mongo.findAndModify(
                    query(where("_id").is(runId).and(STATUS).is(RunStatus.COMPLETED).and("publishedAt").is(null)),
                    new Update().set("publishedAt", now).inc("version", 1),
                    FindAndModifyOptions.options().returnNew(true), MatchingRunDocument.class);
            first = claimed != null;
        }
        MatchingRunDocument current = mongo.findById(runId, MatchingRunDocument.class);
        Instant publishedAt = current.publishedAt();
        boolean resuming = !first && current.publishCompletedAt() == null;
        int offered = 0;
        int withdrawn = 0;
        List<String> full = new ArrayList<>();
        Map<String, Optional<StoredMentor>> mentorsRead = new HashMap<>();
        List<ProposalDocument> proposals = results.proposals(runId);
        for (ProposalDocument listed : proposals) {
            if (resuming && listed.statusOrDraft() == OfferStatus.OFFERED) {
                // offered by the publication that was cut short, which may have stopped before telling them
                tellBothSides(listed, "offered", OFFER_SUBJECT, OFFER_TEXT);
            }
            ProposalDocument proposal = listed;
            Optional<ProposalDocument> offer = Optional.empty();
            // an admin may give a draft another mentor meanwhile: the place taken is that of the mentor the offer
            // names, so the move to OFFERED checks the mentor too, and a changed draft is read again
            for (int attempt = 0; attempt < 3 && offer.isEmpty() && proposal != null
                    && proposal.statusOrDraft() == OfferStatus.DRAFT; attempt++) {
                if (!proposal.valid() || !requestIsOpen(proposal.requestExternalId())
                        || !takePlace(proposal, full, mentorsRead)) {
                    break;
                }
                offer = move(proposal.id(), draft().and("mentorExternalId").is(proposal.mentorExternalId()),
                        new Update().set(STATUS, OfferStatus.OFFERED).set("offeredAt", now)
                                .set("answerBy", OfferDeadlines.answerBy(now, days)));
                if (offer.isEmpty()) {
                    places.release(proposal.mentorExternalId());
                    proposal = mongo.findById(proposal.id(), ProposalDocument.class);
                }
            }
            if (offer.isEmpty()) {
                // withdrawn straight from DRAFT: a crash must never leave such a proposal OFFERED; one offered or
                // withdrawn by another call publishing the same run is left as it is
                if (proposal != null && proposal.statusOrDraft() == OfferStatus.DRAFT && move(proposal.id(), draft(),
                        new Update().set(STATUS, OfferStatus.WITHDRAWN).set("closedAt", now)).isPresent()) {
                    withdrawn++;
                }
                continue;
            }
            if (requests.changeStatus(List.of(proposal.requestExternalId()), RequestStatus.OPEN,
                    RequestStatus.PROPOSED) == 1) {
                offered++;
                tellBothSides(offer.get(), "offered", OFFER_SUBJECT, OFFER_TEXT);
            } else {
                Optional<ProposalDocument> gone = move(proposal.id(), where(STATUS).is(OfferStatus.OFFERED),
                        new Update().set(STATUS, OfferStatus.WITHDRAWN).set("offeredAt", null).set("closedAt", now));
                if (gone.isPresent()) {
                    places.release(gone.get().mentorExternalId());
                    withdrawn++;
                }
            }
        }
        if (resuming) {
            resumeProposedRequests(proposals);
        }
        places.forgetDrafts(runId);
        mongo.updateFirst(query(where("_id").is(runId)), new Update().set("publishCompletedAt",
                clock.instant().truncatedTo(ChronoUnit.MILLIS)).inc("version", 1), MatchingRunDocument.class);
        boolean already = !first && !resuming && offered == 0 && withdrawn == 0;
        String fullNote = full.isEmpty() ? "" : "; not offered for want of a free place: " + String.join(", ", full);
        audit.record(admin, PUBLISH_ACTION, runId, already ? "already published; nothing changed"
                : (resuming ? "finished a publication cut short: " : "") + offered + " offered, " + withdrawn
                        + " withdrawn" + fullNote, address);
        if (!full.isEmpty()) {
            log.warn("Publishing run {}: not offered for want of a free place: {}", runId, full);
        }
        return new Publication(runId, publishedAt, offered, withdrawn, already, full);
    }

    /**
     * Takes the mentor's place for a proposal before it is offered. A mentor whose places were all taken meanwhile
     * (by an override onto them, say) gets no offer from it: the proposal is withdrawn and its request stays OPEN.
     */
    private boolean takePlace(ProposalDocument proposal, List<String> full, Map<String, Optional<StoredMentor>> read) {
        Optional<StoredMentor> mentor = read.computeIfAbsent(proposal.mentorExternalId(), mentors::find);
        if (mentor.isEmpty()) {
            return false;
        }
        try {
            places.take(proposal.mentorExternalId(), mentor.get().mentor().name(), mentor.get().mentor().capacity());
            return true;
        } catch (ConflictException e) {
            full.add(e.getMessage());
            return false;
        }
    }

    /**
     * Whether another run began publishing after this one was made, so that this one can no longer be published
     * (or a publication of it cut short finished).
     */
    public boolean isOutdated(String runId) {
        return numbers.isOutdated(runId);
    }

    private boolean requestIsOpen(String requestExternalId) {
        return requests.find(requestExternalId).map(stored -> stored.status() == RequestStatus.OPEN).orElse(false);
    }

    /** Requests of OFFERED proposals left OPEN by a publication that stopped between its two writes. */
    private void resumeProposedRequests(List<ProposalDocument> before) {
        List<String> ids = new ArrayList<>();
        for (ProposalDocument proposal : before) {
            if (proposal.statusOrDraft() == OfferStatus.OFFERED) {
                ids.add(proposal.requestExternalId());
            }
        }
        requests.changeStatus(ids, RequestStatus.OPEN, RequestStatus.PROPOSED);
    }

    /**
     * Records one side's answer to an OFFERED proposal. When both sides have accepted, the proposal becomes ACCEPTED,
     * an ACTIVE mentorship starts on the request's start date for its duration and the request becomes MATCHED. When
     * either side declines, the proposal becomes DECLINED, the request OPEN again and the mentor excluded from its
     * later runs.
     *
     * @param actor the email of who answers: the side themself, or an admin on their behalf
     * @param onBehalf whether an admin answers for the side (then the answer is in the audit trail)
     * @throws NotFoundException if there is no such proposal
     * @throws ConflictException {@code offer-not-open} unless the proposal is OFFERED (a draft, withdrawn, declined
     *     or accepted one), {@code offer-expired} once its deadline has passed (expired or about to be),
     *     {@code already-answered} if this side has answered
     */
    public Offer answer(String proposalId, Side side, Answer answer, String actor, boolean onBehalf, String address) {
        return answer(proposalId, side, answer, actor, onBehalf, address, null);
    }

    /**
     * The same, with the reason a side gives for declining (optional, at most {@link #MAX_REASON_LENGTH}
     * characters): kept on the proposal as {@code declineReason} and in the audit trail.
     */
    public Offer answer(String proposalId, Side side, Answer answer, String actor, boolean onBehalf, String address,
            String declineReason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ProposalDocument proposal = find(proposalId);
        requireOpen(proposal, now);
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
        Optional<ProposalDocument> answered = move(proposalId, where(STATUS).is(OfferStatus.OFFERED)
                .and(prefix + "Answer").is(null).orOperator(where("answerBy").is(null), where("answerBy").gt(now)),
                update);
        if (answered.isEmpty()) {
            ProposalDocument current = find(proposalId);
            requireOpen(current, now);
            throw new ConflictException("already-answered", "The " + prefix + " has already answered offer "
                    + proposalId + " (" + toOffer(current).answerOf(side) + ")");
        }
        if (onBehalf) {
            audit.record(actor, ANSWER_ACTION, proposalId, answer + " on behalf of the " + prefix, address);
        }
        if (reason != null) {
            audit.record(actor, ANSWER_ACTION, proposalId, "DECLINED by the " + prefix + ", saying: " + reason,
                    address);
        }
        return toOffer(settle(answered.get()));
    }

    /**
     * Finishes an offer both of whose answers decide it: a decline, or two accepts. Each step is idempotent, so
     * calling it again after a crash completes what was left.
     */
    private ProposalDocument settle(ProposalDocument proposal) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (proposal.researcherAnswer() == Answer.DECLINED || proposal.mentorAnswer() == Answer.DECLINED) {
            requests.excludeMentor(proposal.requestExternalId(), proposal.mentorExternalId());
            Optional<ProposalDocument> declined = move(proposal.id(), where(STATUS).is(OfferStatus.OFFERED),
                    new Update().set(STATUS, OfferStatus.DECLINED).set("closedAt", now));
            requests.changeStatus(List.of(proposal.requestExternalId()), RequestStatus.PROPOSED, RequestStatus.OPEN);
            if (declined.isPresent()) {
                // only the call that declined it gives the place back, so a repeat never gives it twice
                places.release(declined.get().mentorExternalId());
                tellBothSides(declined.get(), "declined", "A mentorship offer was declined",
                        "The offer pairing request " + proposal.requestExternalId() + " with mentor "
                                + proposal.mentorExternalId() + " was declined. The request will be matched again;"
                                + " this pair will not be proposed again.");
                return declined.get();
            }
            return find(proposal.id());
        }
        if (proposal.researcherAnswer() == Answer.ACCEPTED && proposal.mentorAnswer() == Answer.ACCEPTED) {
            startMentorship(proposal, now);
            Optional<ProposalDocument> accepted = move(proposal.id(), where(STATUS).is(OfferStatus.OFFERED),
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
            return find(proposal.id());
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

    /**
     * One proposal as an offer.
     *
     * @throws NotFoundException if there is no such proposal
     */
    public Offer get(String proposalId) {
        return toOffer(find(proposalId));
    }

    /** The request an offer is for, to check who may see or answer it. */
    public StoredRequest requestOf(Offer offer) {
        return requests.get(offer.requestExternalId());
    }

    /** Published offers (not drafts nor withdrawn ones) for any of these requests, newest first. */
    public List<Offer> forRequests(Collection<String> requestExternalIds) {
        return published(where("requestExternalId").in(requestExternalIds));
    }

    /** Published offers (not drafts) naming this mentor, newest first. */
    public List<Offer> forMentor(String mentorExternalId) {
        return published(where("mentorExternalId").is(mentorExternalId));
    }

    private List<Offer> published(Criteria criteria) {
        Query query = query(criteria.and(STATUS).in(OfferStatus.OFFERED, OfferStatus.ACCEPTED, OfferStatus.DECLINED,
                OfferStatus.EXPIRED))
                .with(Sort.by(Sort.Direction.DESC, "offeredAt").and(Sort.by("_id")));
        return mongo.find(query, ProposalDocument.class).stream().map(LifecycleService::toOffer).toList();
    }

    private ProposalDocument find(String proposalId) {
        ProposalDocument proposal = mongo.findById(proposalId, ProposalDocument.class);
        if (proposal == null) {
            throw new NotFoundException("proposal", proposalId);
        }
        return proposal;
    }

    private static void requireOpen(ProposalDocument proposal, Instant now) {
        if (proposal.statusOrDraft() == OfferStatus.EXPIRED || proposal.statusOrDraft() == OfferStatus.OFFERED
                && OfferDeadlines.passed(proposal.answerBy(), now)) {
            throw OfferDeadlines.expired(proposal.id(), proposal.answerBy());
        }
        if (proposal.statusOrDraft() != OfferStatus.OFFERED) {
            throw new ConflictException("offer-not-open", "Proposal " + proposal.id() + " is "
                    + proposal.statusOrDraft() + "; only an OFFERED proposal can be answered");
        }
    }

    private static Criteria draft() {
        return where(STATUS).nin(OfferStatus.OFFERED, OfferStatus.ACCEPTED, OfferStatus.DECLINED,
                OfferStatus.WITHDRAWN);
    }

    /** One conditional update of one proposal; empty if it no longer meets {@code condition}. */
    private Optional<ProposalDocument> move(String proposalId, Criteria condition, Update update) {
        Query query = query(where("_id").is(proposalId).andOperator(condition));
        return Optional.ofNullable(mongo.findAndModify(query, update.inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), ProposalDocument.class));
    }

    /** Tells both sides, once per proposal and event ({@link OfferMessages}). */
    private void tellBothSides(ProposalDocument proposal, String event, String subject, String text) {
        messages.tellBothSides(proposal, event, subject, text);
    }

    static Offer toOffer(ProposalDocument p) {
        return new Offer(p.id(), p.runId(), p.requestExternalId(), p.mentorExternalId(), p.explanations(),
                p.affinity(), p.overlapMinutes(), p.statusOrDraft(), p.researcherAnswer(), p.researcherAnsweredBy(),
                p.researcherAnsweredAt(), p.mentorAnswer(), p.mentorAnsweredBy(), p.mentorAnsweredAt(),
                p.offeredAt(), p.closedAt(), p.answerBy());
    }

    /**
     * The message the researcher of a proposal gets when its run is published, for a preview before publishing:
     * its subject, then its text.
     *
     * @throws NotFoundException if there is no such proposal
     */
    public List<String> offerPreview(String proposalId) {
        ProposalDocument proposal = find(proposalId);
        return messages.preview(proposal, OFFER_SUBJECT, OFFER_TEXT);
    }
}
