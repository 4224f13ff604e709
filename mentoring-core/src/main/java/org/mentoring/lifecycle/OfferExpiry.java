package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.mentoring.store.ServerTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What happens to offers as their deadline ({@link OfferDeadlines}) comes and goes, for run offers and direct asks
 * alike; the sweeper ({@link OfferSweeper}) calls {@link #sweep} on every instance, every minute and at start.
 *
 * <ul>
 *   <li>Three days before the deadline, whichever side has not answered is reminded, once: the message's key in the
 *   outbox makes it one message however many instances send it, and then {@code remindedAt} is set by a conditional
 *   update so that the offer leaves the list of those due. An offer given three days or less gets no reminder.</li>
 *   <li>At the deadline an offer not answered by both sides moves OFFERED to EXPIRED by one conditional update
 *   ({@code answerBy} compared on the store's clock, {@link ServerTime}), so of several instances exactly one moves
 *   it. An offer both of whose answers landed before is never expired: its last answer settles it.</li>
 *   <li>The follow-up is marked on the offer ({@value #PENDING}: {@value #PLACE}, then {@value #TELL}, then gone):
 *   only the call whose conditional update takes the {@value #PLACE} mark gives the mentor's place back to the
 *   ledger ({@link MentorPlaces#release}), so it is given back once; the request goes back to OPEN if it is still
 *   PROPOSED and no other offer holds it; both sides are told (once per offer and side). A crash in between leaves
 *   the mark, and the next sweep, on any instance, finishes what was left (a crash between taking the
 *   {@value #PLACE} mark and the release leaves the ledger one place too high, never too low, which the
 *   reconciliation at start corrects).</li>
 * </ul>
 *
 * Unlike a decline, an expiry does not keep the pair apart: a later run may propose them again. Offers published
 * before offers had deadlines get the default one, counted from the first sweep that finds them.
 */
@Service
public class OfferExpiry {

    /** The raw field of an EXPIRED offer whose follow-up is not finished; no other code reads it. */
    static final String PENDING = "expiryPending";
    /** The follow-up still has to give the mentor's place back. */
    static final String PLACE = "place";
    /** The place is given back; the request and the two sides are still to be seen to. */
    static final String TELL = "tell";
    /** The most offers one sweep expires or reminds, so that one round never runs for long. */
    static final int BATCH = 500;

    private static final String STATUS = "status";
    private static final String ANSWER_BY = "answerBy";
    private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

    private final MongoTemplate mongo;
    private final RequestService requests;
    private final MentorPlaces places;
    private final OfferMessages messages;
    private final Clock clock;
    private final ServerTime time;

    @Autowired
    public OfferExpiry(MongoTemplate mongo, RequestService requests, MentorService mentors, MentorPlaces places,
            NotificationService notifications) {
        this(mongo, requests, mentors, places, notifications, Clock.systemUTC());
    }

    /** With this clock for this instance's "now" (the embedded store's time too); tests move it. */
    OfferExpiry(MongoTemplate mongo, RequestService requests, MentorService mentors, MentorPlaces places,
            NotificationService notifications, Clock clock) {
        this.mongo = mongo;
        this.requests = requests;
        this.places = places;
        this.messages = new OfferMessages(requests, mentors, notifications);
        this.clock = clock;
        this.time = new ServerTime(mongo, clock);
    }

    /**
     * What one sweep did.
     *
     * @param reminded offers whose unanswered sides were reminded
     * @param expired offers this sweep moved to EXPIRED
     * @param finished expired offers whose follow-up this sweep finished, its own and those another call left
     */
    public record Sweep(int reminded, int expired, int finished) {
    }

    /** Reminds, expires and finishes what is due now; safe to run on every instance at once. */
    public Sweep sweep() {
        giveLegacyOffersADeadline();
        int reminded = remind();
        int expired = 0;
        ProposalDocument moved;
        while (expired < BATCH && (moved = expireOne()) != null) {
            expired++;
            finish(moved);
        }
        int finished = 0;
        for (ProposalDocument left : mongo.find(query(where(STATUS).is(OfferStatus.EXPIRED).and(PENDING).exists(true))
                .limit(BATCH), ProposalDocument.class)) {
            finish(left);
            finished++;
        }
        if (expired > 0 || finished > 0) {
            log.info("Offers past their deadline: {} expired, {} follow-ups finished", expired, finished);
        }
        return new Sweep(reminded, expired, finished);
    }

    /**
     * Offers published before offers had deadlines get the default one, counted from now rather than from when they
     * were offered, so that nobody's offer expires without warning; from then on they are like any other.
     */
    void giveLegacyOffersADeadline() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long given = mongo.updateMulti(query(where(STATUS).is(OfferStatus.OFFERED).and(ANSWER_BY).exists(false)),
                new Update().set(ANSWER_BY, OfferDeadlines.answerBy(now, OfferDeadlines.DEFAULT_DAYS))
                        .inc("version", 1), ProposalDocument.class).getModifiedCount();
        if (given > 0) {
            log.info("{} offers published before offers had deadlines now have one, {} days from now", given,
                    OfferDeadlines.DEFAULT_DAYS);
        }
    }

    /** Reminds the sides of every offer whose deadline is less than three days away and who were not reminded. */
    int remind() {
        Instant now = clock.instant();
        Query due = query(where(STATUS).is(OfferStatus.OFFERED).and("remindedAt").is(null).and(ANSWER_BY).gt(now)
                .lte(now.plus(OfferDeadlines.REMINDER_BEFORE))).with(Sort.by(ANSWER_BY)).limit(BATCH);
        int reminded = 0;
        for (ProposalDocument offer : mongo.find(due, ProposalDocument.class)) {
            if (!OfferDeadlines.remindable(offer.offeredAt(), offer.answerBy())) {
                continue;
            }
            messages.remind(offer);
            if (mongo.updateFirst(query(where("_id").is(offer.id()).and("remindedAt").is(null)), new Update()
                    .set("remindedAt", now.truncatedTo(ChronoUnit.MILLIS)).inc("version", 1), ProposalDocument.class)
                    .getModifiedCount() == 1) {
                reminded++;
            }
        }
        return reminded;
    }

    /** Moves one offer past its deadline, not answered by both sides, to EXPIRED; null when none is left. */
    private ProposalDocument expireOne() {
        Criteria due = where(STATUS).is(OfferStatus.OFFERED).and(ANSWER_BY).ne(null)
                .orOperator(where("researcherAnswer").is(null), where("mentorAnswer").is(null))
                .andOperator(time.olderThan(ANSWER_BY, Duration.ZERO));
        return mongo.findAndModify(query(due), new Update().set(STATUS, OfferStatus.EXPIRED)
                .set("closedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS)).set(PENDING, PLACE)
                .inc("version", 1), FindAndModifyOptions.options().returnNew(true), ProposalDocument.class);
    }

    /** The follow-up of an expired offer; each step done once, whoever calls it and however often. */
    private void finish(ProposalDocument expired) {
        if (mongo.updateFirst(pending(expired, PLACE), new Update().set(PENDING, TELL).inc("version", 1),
                ProposalDocument.class).getModifiedCount() == 1) {
            places.releaseFor(expired.id(), expired.mentorExternalId());
        }
        reopen(expired);
        messages.expired(expired);
        mongo.updateFirst(pending(expired, TELL), new Update().unset(PENDING).inc("version", 1),
                ProposalDocument.class);
    }

    /**
     * The request goes back to OPEN when it is still PROPOSED and no other offer awaits an answer for it (a later
     * publication or direct ask may have offered it again since, which only an OPEN request can be).
     */
    private void reopen(ProposalDocument expired) {
        boolean heldByAnother = mongo.exists(query(where("requestExternalId").is(expired.requestExternalId())
                .and(STATUS).is(OfferStatus.OFFERED)), ProposalDocument.class);
        if (!heldByAnother) {
            requests.changeStatus(List.of(expired.requestExternalId()), RequestStatus.PROPOSED, RequestStatus.OPEN);
        }
    }

    private static Query pending(ProposalDocument expired, String step) {
        return query(where("_id").is(expired.id()).and(STATUS).is(OfferStatus.EXPIRED).and(PENDING).is(step));
    }
}
