package org.mentoring.pins;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.solver.Explanations;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Pins a run's proposal so that the next runs keep its request with its mentor, taking one of the mentor's places,
 * and place only the rest; unpins; and, when a run reads its inputs, decides which pins it keeps and which it drops.
 *
 * <p>A pin is checked with the engine's own pair rules ({@link PairEvaluator}) and the mentor's places (active
 * mentorships, offers awaiting answers and the other pins on the mentor). A pin holds no place in the places ledger:
 * nothing is offered until a run with it is published; two pins racing for a mentor's last place are both stored,
 * and the next run keeps the older one and drops the other, saying why.
 */
@Service
public class PinService {

    static final String PIN_ACTION = "proposal.pin";
    static final String UNPIN_ACTION = "proposal.unpin";
    static final String DROP_ACTION = "pin.dropped";
    static final String PROGRAMME = "programme";

    private final MongoTemplate mongo;
    private final RequestService requests;
    private final MentorService mentors;
    private final AuditService audit;
    private final Clock clock;

    PinService(MongoTemplate mongo, RequestService requests, MentorService mentors, AuditService audit,
            Optional<Clock> clock) {
        this.mongo = mongo;
        this.requests = requests;
        this.mentors = mentors;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Pins a DRAFT proposal's request to its mentor. Pinning the same pair again changes nothing; pinning the request's
     * proposal of another run (or after an override) moves the pin to that proposal's mentor.
     *
     * @param admin the admin's email, for the audit trail
     * @throws NotFoundException if there is no such proposal, or its request or mentor is gone
     * @throws ConflictException {@code request-withdrawn}, {@code request-in-mentorship} or {@code request-offered}
     *     when the request is no longer open; {@code proposal-not-draft} when the proposal was published or answered;
     *     {@code direct-ask} for a researcher's direct ask
     * @throws InvalidInputException on {@code mentorExternalId}, naming each hard rule the pair breaks
     */
    public Pin pin(String proposalId, String admin, String address) {
        ProposalDocument proposal = proposal(proposalId);
        if (proposal.runId() == null) {
            throw new ConflictException("direct-ask", "Offer " + proposalId + " is a researcher's direct ask, not a"
                    + " run's proposal; only a run's proposal can be pinned");
        }
        String requestId = proposal.requestExternalId();
        StoredRequest stored = requests.get(requestId);
        refuseUnlessOpen(stored, proposal);
        Mentor mentor = mentors.get(proposal.mentorExternalId()).mentor();
        PinDocument existing = mongo.findById(requestId, PinDocument.class);
        if (existing != null && existing.active() && existing.mentorExternalId().equals(mentor.externalId())) {
            return toPin(existing);
        }
        List<String> broken = broken(stored.request(), mentor, declinedMentors(requestId).contains(mentor.externalId()),
                held(mentor.externalId(), requestId));
        if (!broken.isEmpty()) {
            throw new InvalidInputException("mentorExternalId", "mentorExternalId: " + mentor.externalId() + " for "
                    + requestId + " breaks " + String.join("; ", broken) + "; the pair cannot be pinned");
        }
        PinDocument pin = new PinDocument(requestId, mentor.externalId(), admin, Instant.now(clock),
                proposal.runId(), proposalId, null, null, null);
        mongo.save(pin);
        audit.record(admin, PIN_ACTION, proposalId, requestId + " -> " + mentor.externalId(), address);
        return toPin(pin);
    }

    /**
     * Removes the pin of a proposal's request, whichever mentor it names; nothing when it has none.
     *
     * @return whether a pin was removed
     * @throws NotFoundException if there is no such proposal
     */
    public boolean unpin(String proposalId, String admin, String address) {
        ProposalDocument proposal = proposal(proposalId);
        PinDocument removed = mongo.findAndRemove(query(where("_id").is(proposal.requestExternalId())),
                PinDocument.class);
        if (removed == null) {
            return false;
        }
        audit.record(admin, UNPIN_ACTION, proposalId, removed.requestExternalId() + " -> "
                + removed.mentorExternalId() + (removed.active() ? "" : " (already dropped)"), address);
        return true;
    }

    /** Every pin, those that hold first, then newest first, with both people's names. */
    public List<Pin> list() {
        List<PinDocument> all = new ArrayList<>(mongo.findAll(PinDocument.class));
        all.sort(Comparator.comparing((PinDocument p) -> !p.active())
                .thenComparing(PinDocument::pinnedAt, Comparator.reverseOrder()));
        Map<String, String> requestNames = requests.findAll(all.stream().map(PinDocument::requestExternalId)
                .toList()).stream().collect(Collectors.toMap(MentorshipRequest::externalId, MentorshipRequest::name,
                (a, b) -> a));
        Map<String, String> mentorNames = mentors.findAll(all.stream().map(PinDocument::mentorExternalId)
                .distinct().toList()).stream().collect(Collectors.toMap(Mentor::externalId, Mentor::name,
                (a, b) -> a));
        return all.stream().map(p -> toPin(p, requestNames.get(p.requestExternalId()),
                mentorNames.get(p.mentorExternalId()))).toList();
    }

    /** The pins of these requests, those that hold and those a run dropped, by request externalId. */
    public Map<String, PinDocument> ofRequests(Collection<String> requestExternalIds) {
        if (requestExternalIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(requestExternalIds)), PinDocument.class).stream()
                .collect(Collectors.toMap(PinDocument::requestExternalId, p -> p));
    }

    /**
     * Which pins a run keeps, as it reads its inputs: a pin holds while its request is open and not offered or
     * mentored, its mentor still takes mentees and has a place left (counting the settled pairs and the older pins),
     * and the pair passes every pair-wise hard rule with the records as they are now. A pin of an open request of
     * another cycle than the run's is neither kept nor dropped.
     *
     * @param open the run's open requests, each excluding the mentors it declined
     * @param settled request externalId to mentor externalId of every active mentorship and open offer
     * @param runMentors the mentors the run places, with the places they have now
     */
    public PinResolution resolve(List<MentorshipRequest> open, Map<String, String> settled, List<Mentor> runMentors) {
        List<PinDocument> pins = new ArrayList<>(mongo.findAll(PinDocument.class));
        pins.removeIf(p -> !p.active());
        if (pins.isEmpty()) {
            return PinResolution.none();
        }
        pins.sort(Comparator.comparing(PinDocument::pinnedAt).thenComparing(PinDocument::requestExternalId));
        Map<String, MentorshipRequest> openById = new HashMap<>();
        open.forEach(r -> openById.put(r.externalId(), r));
        Map<String, Mentor> mentorById = new HashMap<>();
        runMentors.forEach(m -> mentorById.put(m.externalId(), m));
        Map<String, Integer> held = new HashMap<>();
        settled.values().forEach(m -> held.merge(m, 1, Integer::sum));
        PairEvaluator evaluator = new PairEvaluator();
        Map<String, String> kept = new LinkedHashMap<>();
        Map<String, String> dropped = new LinkedHashMap<>();
        for (PinDocument pin : pins) {
            String requestId = pin.requestExternalId();
            String mentorId = pin.mentorExternalId();
            if (settled.containsKey(requestId)) {
                dropped.put(requestId, settled.get(requestId).equals(mentorId)
                        ? "the pair was offered, so the offer now keeps it"
                        : "the request was offered to or is mentored by another mentor");
                continue;
            }
            MentorshipRequest request = openById.get(requestId);
            if (request == null) {
                Optional<StoredRequest> stored = requests.find(requestId);
                if (stored.isEmpty()) {
                    dropped.put(requestId, "the request was deleted");
                } else if (stored.get().status() != RequestStatus.OPEN) {
                    dropped.put(requestId, "the request is " + words(stored.get().status()));
                }
                // an open request of another cycle: its own cycle's runs keep the pin
                continue;
            }
            Mentor mentor = mentorById.get(mentorId);
            if (mentor == null) {
                dropped.put(requestId, mentors.find(mentorId).isEmpty() ? "the mentor " + mentorId + " was deleted"
                        : "the mentor " + mentorId + " takes no mentee now (no places, or paused)");
                continue;
            }
            List<String> broken = broken(request, mentor, false, held.getOrDefault(mentorId, 0));
            if (!broken.isEmpty()) {
                dropped.put(requestId, "the pair with " + mentor.name() + " now breaks " + String.join("; ", broken));
                continue;
            }
            held.merge(mentorId, 1, Integer::sum);
            kept.put(requestId, mentorId);
        }
        return new PinResolution(kept, dropped);
    }

    /**
     * Marks the pins a run could not keep as dropped by it, with the reason, and records each in the audit trail.
     */
    public void drop(String runId, Map<String, String> dropped) {
        Instant now = Instant.now(clock);
        dropped.forEach((requestId, reason) -> {
            PinDocument pin = mongo.findById(requestId, PinDocument.class);
            if (pin == null || !pin.active()) {
                return;
            }
            mongo.save(new PinDocument(pin.requestExternalId(), pin.mentorExternalId(), pin.pinnedBy(),
                    pin.pinnedAt(), pin.runId(), pin.proposalId(), now, runId, reason));
            audit.record(PROGRAMME, DROP_ACTION, requestId, "run " + runId + " dropped the pin to "
                    + pin.mentorExternalId() + ": " + reason, null);
        });
    }

    private ProposalDocument proposal(String proposalId) {
        ProposalDocument proposal = mongo.findById(proposalId, ProposalDocument.class);
        if (proposal == null) {
            throw new NotFoundException("proposal", proposalId);
        }
        return proposal;
    }

    private void refuseUnlessOpen(StoredRequest stored, ProposalDocument proposal) {
        String requestId = stored.request().externalId();
        if (stored.status() == RequestStatus.WITHDRAWN) {
            throw new ConflictException("request-withdrawn", "Request " + requestId + " was withdrawn; a withdrawn"
                    + " request cannot be pinned");
        }
        // by the request's index alone: a request has few mentorships
        boolean mentored = stored.status() == RequestStatus.MATCHED || mongo.find(query(where("requestExternalId")
                .is(requestId)), MentorshipDocument.class).stream().anyMatch(m -> m.status() == MentorshipStatus.ACTIVE);
        if (mentored) {
            throw new ConflictException("request-in-mentorship", "Request " + requestId + " is already in a"
                    + " mentorship; it needs no pin");
        }
        if (stored.status() == RequestStatus.PROPOSED || mongo.exists(query(where("requestExternalId").is(requestId)
                .and("status").is(OfferStatus.OFFERED)), ProposalDocument.class)) {
            throw new ConflictException("request-offered", "Request " + requestId + " has an offer awaiting answers;"
                    + " later runs keep it until it is answered");
        }
        if (proposal.statusOrDraft() != OfferStatus.DRAFT) {
            throw new ConflictException("proposal-not-draft", "Proposal " + proposal.id() + " is "
                    + proposal.statusOrDraft() + "; only a run's DRAFT proposal can be pinned");
        }
    }

    /** Each hard rule the pair breaks, in words, counting {@code held} places taken already; empty when none. */
    private static List<String> broken(MentorshipRequest request, Mentor mentor, boolean declined, int held) {
        List<String> broken = new ArrayList<>();
        if (held >= mentor.capacity()) {
            broken.add("CAPACITY (rule 1): " + Math.min(held, mentor.capacity()) + " of " + mentor.capacity()
                    + " places already taken, " + mentor.name() + " (" + mentor.externalId() + ") has no free place");
        }
        PairFit fit = new PairEvaluator().fit(request, mentor);
        for (HardRule rule : fit.broken()) {
            String words = Explanations.broken(rule, request, mentor, fit).admin();
            broken.add(switch (rule) {
                case TIME_TOGETHER -> "TIME_TOGETHER (rule 2): " + words;
                case DATES -> "DATES (rule 3): " + words;
                case CONFLICT -> "CONFLICT (rule 4): " + words;
                case LANGUAGE -> "LANGUAGE (rule 5): " + words;
                case CAPACITY -> "CAPACITY (rule 1): " + words;
            });
        }
        if (declined && !fit.breaks(HardRule.CONFLICT)) {
            broken.add("CONFLICT (rule 4): the researcher declined an offer with this mentor");
        }
        return broken;
    }

    /**
     * The places the mentor holds for others: active mentorships, offers awaiting answers and the pins on them that
     * hold, the request's own left out.
     */
    private int held(String mentorExternalId, String requestExternalId) {
        Set<String> requestIds = new java.util.HashSet<>();
        mongo.find(query(where("status").is(MentorshipStatus.ACTIVE)), MentorshipDocument.class).stream()
                .filter(m -> m.mentorExternalId().equals(mentorExternalId))
                .forEach(m -> requestIds.add(m.requestExternalId()));
        mongo.find(query(where("mentorExternalId").is(mentorExternalId).and("status").is(OfferStatus.OFFERED)),
                ProposalDocument.class).forEach(p -> requestIds.add(p.requestExternalId()));
        mongo.findAll(PinDocument.class).stream()
                .filter(p -> p.active() && p.mentorExternalId().equals(mentorExternalId))
                .forEach(p -> requestIds.add(p.requestExternalId()));
        requestIds.remove(requestExternalId);
        return requestIds.size();
    }

    private Set<String> declinedMentors(String requestExternalId) {
        return mongo.find(query(where("requestExternalId").is(requestExternalId).and("status")
                .is(OfferStatus.DECLINED)), ProposalDocument.class).stream()
                .map(ProposalDocument::mentorExternalId).collect(Collectors.toSet());
    }

    private static String words(RequestStatus status) {
        return switch (status) {
            case OPEN -> "open";
            case PROPOSED -> "offered a mentor";
            case MATCHED -> "in a mentorship";
            case WITHDRAWN -> "withdrawn";
        };
    }

    private Pin toPin(PinDocument pin) {
        return toPin(pin, requests.find(pin.requestExternalId()).map(r -> r.request().name()).orElse(null),
                mentors.find(pin.mentorExternalId()).map(StoredMentor::mentor).map(Mentor::name).orElse(null));
    }

    private static Pin toPin(PinDocument pin, String requestName, String mentorName) {
        return new Pin(pin.requestExternalId(), requestName, pin.mentorExternalId(), mentorName, pin.pinnedBy(),
                pin.pinnedAt(), pin.runId(), pin.proposalId(), pin.active(), pin.droppedAt(), pin.droppedByRun(),
                pin.droppedReason());
    }
}
