package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.ProposalDocument;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The proposal documents as offers: reads one, moves one from a status to the next only if it still may. */
final class OfferStore {

    static final String STATUS = "status";

    private final MongoTemplate mongo;

    OfferStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    ProposalDocument find(String proposalId) {
        ProposalDocument proposal = mongo.findById(proposalId, ProposalDocument.class);
        if (proposal == null) {
            throw new NotFoundException("proposal", proposalId);
        }
        return proposal;
    }

    static void requireOpen(ProposalDocument proposal, Instant now) {
        if (proposal.statusOrDraft() == OfferStatus.EXPIRED || proposal.statusOrDraft() == OfferStatus.OFFERED
                && OfferDeadlines.passed(proposal.answerBy(), now)) {
            throw OfferDeadlines.expired(proposal.id(), proposal.answerBy());
        }
        if (proposal.statusOrDraft() != OfferStatus.OFFERED) {
            throw new ConflictException("offer-not-open", "Proposal " + proposal.id() + " is "
                    + proposal.statusOrDraft() + "; only an OFFERED proposal can be answered");
        }
    }

    static Criteria draft() {
        return where(STATUS).nin(OfferStatus.OFFERED, OfferStatus.ACCEPTED, OfferStatus.DECLINED,
                OfferStatus.WITHDRAWN);
    }

    /** One conditional update of one proposal; empty if it no longer meets {@code condition}. */
    Optional<ProposalDocument> move(String proposalId, Criteria condition, Update update) {
        Query query = query(where("_id").is(proposalId).andOperator(condition));
        return Optional.ofNullable(mongo.findAndModify(query, update.inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), ProposalDocument.class));
    }

    static Offer toOffer(ProposalDocument p) {
        return new Offer(p.id(), p.runId(), p.requestExternalId(), p.mentorExternalId(), p.explanations(),
                p.affinity(), p.overlapMinutes(), p.statusOrDraft(), p.researcherAnswer(), p.researcherAnsweredBy(),
                p.researcherAnsweredAt(), p.mentorAnswer(), p.mentorAnsweredBy(), p.mentorAnsweredAt(),
                p.offeredAt(), p.closedAt(), p.answerBy());
    }
}
