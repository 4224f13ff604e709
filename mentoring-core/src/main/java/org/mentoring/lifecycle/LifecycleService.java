package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.PublicationOrder;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.mentorship.Introductions;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    static final String PUBLISH_ACTION = OfferPublisher.PUBLISH_ACTION;
    static final String OFFER_SUBJECT = OfferPublisher.OFFER_SUBJECT;
    static final String OFFER_TEXT = OfferPublisher.OFFER_TEXT;
    static final String ANSWER_ACTION = OfferAnswers.ANSWER_ACTION;
    private static final String STATUS = OfferStore.STATUS;

    private final MongoTemplate mongo;
    private final RequestService requests;
    private final OfferMessages messages;
    private final OfferStore offers;
    private final OfferPublisher publisher;
    private final OfferAnswers answers;

    @Autowired
    public LifecycleService(MongoTemplate mongo, RunResultStore results, RequestService requests,
            MentorService mentors, AuditService audit, NotificationService notifications, MentorPlaces places,
            PublicationOrder publicationOrder) {
        this(mongo, results, requests, mentors, audit, notifications, Clock.systemUTC(), places, publicationOrder);
    }

    LifecycleService(MongoTemplate mongo, RunResultStore results, RequestService requests, MentorService mentors,
            AuditService audit, NotificationService notifications, Clock clock, MentorPlaces places,
            PublicationOrder publicationOrder) {
        this.mongo = mongo;
        this.requests = requests;
        this.messages = new OfferMessages(requests, mentors, notifications);
        this.offers = new OfferStore(mongo);
        this.publisher = new OfferPublisher(mongo, results, requests, mentors, audit, clock, places,
                new PublicationNumbers(mongo, publicationOrder), messages, offers);
        this.answers = new OfferAnswers(mongo, requests, audit, clock, places, messages, offers);
    }

    /** Publishing also offers the seats of a run's mentoring circles (set once, at start). */
    @Autowired(required = false)
    void offerSeatsWith(org.mentoring.matching.persistence.RunCircleStore circles, MentorService mentors,
            MentorPlaces places, NotificationService notifications) {
        publisher.offerSeatsWith(new CircleSeats(mongo, circles, requests, mentors, places, notifications));
    }

    /** Who introduces the two people of each new mentorship to each other (set once, at start). */
    @Autowired
    void introduceWith(Introductions introductions) {
        answers.introduceWith(introductions);
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
        return publisher.publish(runId, answerWithinDays, admin, address);
    }

    /**
     * Whether another run began publishing after this one was made, so that this one can no longer be published
     * (or a publication of it cut short finished).
     */
    public boolean isOutdated(String runId) {
        return publisher.isOutdated(runId);
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
        return answers.answer(proposalId, side, answer, actor, onBehalf, address, declineReason);
    }

    /**
     * One proposal as an offer.
     *
     * @throws NotFoundException if there is no such proposal
     */
    public Offer get(String proposalId) {
        return OfferStore.toOffer(offers.find(proposalId));
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
        return mongo.find(query, ProposalDocument.class).stream().map(OfferStore::toOffer).toList();
    }

    static Offer toOffer(ProposalDocument p) {
        return OfferStore.toOffer(p);
    }

    /**
     * The message the researcher of a proposal gets when its run is published, for a preview before publishing:
     * its subject, then its text.
     *
     * @throws NotFoundException if there is no such proposal
     */
    public List<String> offerPreview(String proposalId) {
        ProposalDocument proposal = offers.find(proposalId);
        return messages.preview(proposal, OFFER_SUBJECT, OFFER_TEXT);
    }
}
