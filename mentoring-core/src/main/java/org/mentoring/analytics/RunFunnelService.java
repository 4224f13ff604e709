package org.mentoring.analytics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunResultStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Counts a run's funnel from its proposals as they stand now and the mentorships they became. */
@Service
public class RunFunnelService {

    private final MongoTemplate mongo;
    private final RunResultStore results;

    RunFunnelService(MongoTemplate mongo, RunResultStore results) {
        this.mongo = mongo;
        this.results = results;
    }

    /** The funnel of a run; all zeros for a run without proposals. */
    public RunFunnel of(String runId) {
        List<ProposalDocument> proposals = results.proposals(runId);
        int offered = 0;
        int withdrawn = 0;
        int waiting = 0;
        int accepted = 0;
        int declined = 0;
        int expired = 0;
        for (ProposalDocument proposal : proposals) {
            OfferStatus status = proposal.statusOrDraft();
            if (proposal.offeredAt() != null) {
                offered++;
            }
            switch (status) {
                case WITHDRAWN -> withdrawn++;
                case OFFERED -> waiting++;
                case ACCEPTED -> accepted++;
                case DECLINED -> declined++;
                case EXPIRED -> expired++;
                default -> {
                }
            }
        }
        List<String> ids = proposals.stream().map(ProposalDocument::id).toList();
        int active = 0;
        int completed = 0;
        int endedEarly = 0;
        if (!ids.isEmpty()) {
            // a mentorship has the id of the proposal it was accepted from
            for (MentorshipDocument mentorship : mongo.find(query(where("_id").in(ids)),
                    MentorshipDocument.class)) {
                switch (mentorship.status()) {
                    case ACTIVE -> active++;
                    case COMPLETED -> completed++;
                    case ENDED_EARLY -> endedEarly++;
                    default -> {
                    }
                }
            }
        }
        return new RunFunnel(proposals.size(), offered, withdrawn, waiting, accepted, declined, expired, active,
                completed, endedEarly);
    }
}
