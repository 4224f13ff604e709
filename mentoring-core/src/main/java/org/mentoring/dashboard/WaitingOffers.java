package org.mentoring.dashboard;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.people.Mentor;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The offers waiting for an answer, longest waiting first, as the dashboard and
 * {@code GET /api/v1/admin/waiting-offers} show them: who, since when, until when, and whose answer is missing.
 */
@Service
public class WaitingOffers {

    /** How many offers are listed at most; the count covers them all. */
    public static final int LISTED = 200;

    private final MongoTemplate mongo;
    private final RequestService requests;
    private final MentorService mentors;
    private final Clock clock;

    public WaitingOffers(MongoTemplate mongo, RequestService requests, MentorService mentors) {
        this.mongo = mongo;
        this.requests = requests;
        this.mentors = mentors;
        this.clock = Clock.systemUTC();
    }

    /**
     * The offers waiting, and how many there are.
     *
     * @param total every OFFERED offer
     * @param offers the {@value #LISTED} that have waited longest, longest first
     */
    public record Waiting(long total, List<Offer> offers) {
    }

    /**
     * One offer waiting for an answer.
     *
     * @param runId the run that offered it; null for a direct ask
     * @param waitingFor how long it has waited since it was offered
     * @param waitingOn {@code both}, {@code researcher} or {@code mentor}: whose answer is missing
     * @param answerBy its deadline; null for an offer made before deadlines
     */
    public record Offer(String id, String runId, String requestExternalId, String researcherName,
            String mentorExternalId, String mentorName, Instant offeredAt, Duration waitingFor, Instant answerBy,
            String waitingOn) {
    }

    public Waiting current() {
        Query offered = query(where("status").is(OfferStatus.OFFERED));
        long total = mongo.count(offered, ProposalDocument.class);
        List<ProposalDocument> oldest = mongo.find(query(where("status").is(OfferStatus.OFFERED))
                .with(Sort.by("offeredAt").and(Sort.by("_id"))).limit(LISTED), ProposalDocument.class);
        Map<String, String> researchers = new HashMap<>();
        requests.findAll(ids(oldest, ProposalDocument::requestExternalId))
                .forEach(request -> researchers.put(request.externalId(), request.name()));
        Map<String, String> mentorNames = mentors.findAll(ids(oldest, ProposalDocument::mentorExternalId)).stream()
                .collect(Collectors.toMap(Mentor::externalId, Mentor::name, (a, b) -> a));
        Instant now = clock.instant();
        return new Waiting(total, oldest.stream().map(p -> new Offer(p.id(), p.directAskMessage() == null
                ? p.runId() : null, p.requestExternalId(), researchers.getOrDefault(p.requestExternalId(),
                        p.requestExternalId()), p.mentorExternalId(), mentorNames.getOrDefault(p.mentorExternalId(),
                        p.mentorExternalId()), p.offeredAt(), p.offeredAt() == null ? Duration.ZERO
                        : Duration.between(p.offeredAt(), now), p.answerBy(), waitingOn(p))).toList());
    }

    private static String waitingOn(ProposalDocument p) {
        boolean researcher = p.researcherAnswer() != Answer.ACCEPTED;
        boolean mentor = p.mentorAnswer() != Answer.ACCEPTED;
        return researcher && mentor ? "both" : researcher ? "researcher" : "mentor";
    }

    private static Set<String> ids(List<ProposalDocument> offers,
            java.util.function.Function<ProposalDocument, String> id) {
        return offers.stream().map(id).collect(Collectors.toSet());
    }
}
