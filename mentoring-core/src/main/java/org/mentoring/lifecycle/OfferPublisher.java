package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes a completed run's drafts as offers ({@link LifecycleService#publish(String, Integer, String, String)}):
 * takes each mentor's place, moves each draft to OFFERED or WITHDRAWN, proposes its request and tells both sides.
 */
final class OfferPublisher {

    static final String PUBLISH_ACTION = "matching-run.publish";
    static final String OFFER_SUBJECT = "A mentorship offer for you";
    static final String OFFER_TEXT = "You are proposed as a pair. Sign in to read why and to accept or decline the "
            + "offer.";
    private static final String STATUS = OfferStore.STATUS;
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
    private final OfferStore offers;

    OfferPublisher(MongoTemplate mongo, RunResultStore results, RequestService requests, MentorService mentors,
            AuditService audit, Clock clock, MentorPlaces places, PublicationNumbers numbers, OfferMessages messages,
            OfferStore offers) {
        this.mongo = mongo;
        this.results = results;
        this.requests = requests;
        this.mentors = mentors;
        this.audit = audit;
        this.clock = clock;
        this.places = places;
        this.numbers = numbers;
        this.messages = messages;
        this.offers = offers;
    }

    private CircleSeats circleSeats;

    /** Also offers the seats of a run's circles (set once, at start; without it a run's circles are not offered). */
    void offerSeatsWith(CircleSeats circleSeats) {
        this.circleSeats = circleSeats;
    }

    Publication publish(String runId, Integer answerWithinDays, String admin, String address) {
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
                offer = offers.move(proposal.id(), OfferStore.draft().and("mentorExternalId").is(proposal.mentorExternalId()),
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
                if (proposal != null && proposal.statusOrDraft() == OfferStatus.DRAFT && offers.move(proposal.id(), OfferStore.draft(),
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
                Optional<ProposalDocument> gone = offers.move(proposal.id(), where(STATUS).is(OfferStatus.OFFERED),
                        new Update().set(STATUS, OfferStatus.WITHDRAWN).set("offeredAt", null).set("closedAt", now));
                if (gone.isPresent()) {
                    places.release(gone.get().mentorExternalId());
                    withdrawn++;
                }
            }
        }
        if (circleSeats != null) {
            offered += circleSeats.publish(runId, now, OfferDeadlines.answerBy(now, days), full);
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
    boolean isOutdated(String runId) {
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

    /** Tells both sides, once per proposal and event ({@link OfferMessages}). */
    private void tellBothSides(ProposalDocument proposal, String event, String subject, String text) {
        messages.tellBothSides(proposal, event, subject, text);
    }
}
