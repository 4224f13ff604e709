package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.matching.persistence.UnmatchedDocument;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.matching.solver.Explanations;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.matching.solver.Wording;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * An admin's hand on a proposal: the mentors a request could have, ranked by fit with what each would break, and
 * the replacement of a proposal's mentor, refused when the new pair breaks a hard rule.
 */
@Service
public class OverrideService {

    static final String OVERRIDE_ACTION = "proposal.override";
    static final String PAIR_ACTION = "proposal.pair";
    private static final int MAX_MENTORS = 10_000;

    private final MongoTemplate mongo;
    private final RequestService requests;
    private final MentorService mentors;
    private final AuditService audit;
    private final MentorPlaces places;
    private final RunResultStore results;

    OverrideService(MongoTemplate mongo, RequestService requests, MentorService mentors, AuditService audit,
            MentorPlaces places, RunResultStore results) {
        this.places = places;
        this.results = results;
        this.mongo = mongo;
        this.requests = requests;
        this.mentors = mentors;
        this.audit = audit;
    }

    /**
     * Every stored mentor for a request: the allowed ones first, then by affinity, time together and goals met.
     *
     * @throws NotFoundException if there is no such request
     */
    public List<Candidate> candidates(String requestExternalId) {
        return candidates(requestExternalId, null);
    }

    /**
     * The candidates for a request as a run sees them: each mentor's places taken also count the run's DRAFT
     * proposals of other requests, as {@link #pairWith} and {@link #override} of a draft count them, so that a mentor
     * the run already filled is shown breaking the capacity rule rather than offered and then refused.
     *
     * @param runId the run, or {@code null} for the places held outside any unpublished run only
     * @throws NotFoundException if there is no such request
     */
    public List<Candidate> candidates(String requestExternalId, String runId) {
        MentorshipRequest request = requests.get(requestExternalId).request();
        Map<String, Integer> load = loads();
        if (runId != null) {
            mongo.find(query(where("runId").is(runId)), ProposalDocument.class).stream()
                    .filter(p -> p.statusOrDraft() == OfferStatus.DRAFT)
                    .filter(p -> !p.requestExternalId().equals(requestExternalId))
                    .forEach(p -> load.merge(p.mentorExternalId(), 1, Integer::sum));
        }
        Set<String> declined = declinedMentors(requestExternalId);
        PairEvaluator evaluator = new PairEvaluator();
        List<Candidate> candidates = new ArrayList<>();
        for (StoredMentor stored : mentors.find(MentorFilter.ALL, PageRequest.of(0, MAX_MENTORS)).getContent()) {
            candidates.add(candidate(evaluator, request, stored.mentor(), load.getOrDefault(
                    stored.mentor().externalId(), 0), declined));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !c.allowed())
                .thenComparing(Comparator.comparingInt(Candidate::affinity).reversed())
                .thenComparing(Comparator.comparingInt(Candidate::overlapMinutes).reversed())
                .thenComparing(Comparator.comparingInt(Candidate::goalsMet).reversed())
                .thenComparing(Candidate::mentorExternalId));
        return candidates;
    }

    /**
     * Gives a DRAFT or OFFERED proposal another mentor. An OFFERED one is offered afresh: both answers are cleared.
     *
     * @param admin the admin's email, for the audit trail
     * @throws NotFoundException if there is no such proposal or mentor
     * @throws InvalidInputException on {@code mentorExternalId}, naming each hard rule the new pair breaks
     * @throws ConflictException {@code offer-not-open} when the proposal is accepted, declined or withdrawn, or
     *     changed meanwhile; {@code direct-ask} for a researcher's direct ask, which names its mentor
     */
    public Offer override(String proposalId, String mentorExternalId, String admin, String address) {
        ProposalDocument proposal = mongo.findById(proposalId, ProposalDocument.class);
        if (proposal == null) {
            throw new NotFoundException("proposal", proposalId);
        }
        OfferStatus status = proposal.statusOrDraft();
        if (status != OfferStatus.DRAFT && status != OfferStatus.OFFERED) {
            throw new ConflictException("offer-not-open", "Proposal " + proposalId + " is " + status
                    + "; only a DRAFT or OFFERED proposal can be given another mentor");
        }
        if (proposal.isSeat()) {
            throw new ConflictException("circle-seat", "Offer " + proposalId + " is a seat in a mentoring circle, whose"
                    + " mentor leads the circle; it cannot be given another mentor");
        }
        if (proposal.runId() == null && proposal.directAskMessage() != null) {
            throw new ConflictException("direct-ask", "Offer " + proposalId + " is a researcher's direct ask to the"
                    + " mentor they chose; it cannot be given another mentor (the mentor declines, or the ask expires)");
        }
        MentorshipRequest request = requests.get(proposal.requestExternalId()).request();
        Mentor mentor = mentors.get(mentorExternalId).mentor();
        boolean sameMentor = mentorExternalId.equals(proposal.mentorExternalId());
        int load = sameMentor ? 0 : loads().getOrDefault(mentorExternalId, 0);
        if (status == OfferStatus.DRAFT && !sameMentor) {
            load += draftsOf(proposal.runId(), mentorExternalId);
        }
        PairEvaluator evaluator = new PairEvaluator();
        Candidate candidate = candidate(evaluator, request, mentor, load,
                declinedMentors(proposal.requestExternalId()));
        if (!candidate.allowed()) {
            throw new InvalidInputException("mentorExternalId", "mentorExternalId: " + mentorExternalId + " for "
                    + request.externalId() + " breaks " + candidate.broken().stream().map(rule -> describe(rule,
                    candidate)).collect(Collectors.joining("; ")));
        }
        Explanation explanation = Explanation.of(List.of(Wording.same("Chosen by an admin."),
                Explanations.domains(request, mentor), Explanations.time(request, mentor, candidate.overlapMinutes())));
        Update update = new Update().set("mentorExternalId", mentorExternalId)
                .set("explanation", explanation.researcher()).set("mentorExplanation", explanation.mentor())
                .set("adminExplanation", explanation.admin())
                .set("affinity", candidate.affinity()).set("overlapMinutes", candidate.overlapMinutes())
                .set("valid", true).unset("researcherAnswer").unset("researcherAnsweredBy")
                .unset("researcherAnsweredAt").unset("mentorAnswer").unset("mentorAnsweredBy")
                .unset("mentorAnsweredAt").inc("version", 1);
        // the place first, then the proposal: two admins racing for a mentor's last place never both get it
        if (!sameMentor) {
            takePlace(proposal, status, request, mentor);
        }
        ProposalDocument changed = mongo.findAndModify(query(where("_id").is(proposalId)
                        .and("version").is(proposal.version())), update,
                FindAndModifyOptions.options().returnNew(true), ProposalDocument.class);
        if (changed == null) {
            if (!sameMentor) {
                givePlaceBack(proposal.runId(), status, mentorExternalId);
            }
            throw new ConflictException("offer-not-open", "Proposal " + proposalId
                    + " changed while you overrode it; read it again");
        }
        if (!sameMentor) {
            givePlaceBack(proposal.runId(), status, proposal.mentorExternalId());
        }
        audit.record(admin, OVERRIDE_ACTION, proposalId, proposal.mentorExternalId() + " -> " + mentorExternalId,
                address);
        return LifecycleService.toOffer(changed);
    }

    /**
     * Pairs a request a run left unmatched with a mentor by hand, before the run is published: the pair becomes one
     * of the run's DRAFT proposals (published with the others) and the request leaves the run's unmatched list.
     * Refused when the pair breaks a hard rule, counting the run's other proposals on the mentor against their
     * capacity.
     *
     * @param admin the admin's email, for the audit trail
     * @throws NotFoundException if there is no such run, request or mentor
     * @throws InvalidInputException on {@code mentorExternalId}, naming each hard rule the pair breaks
     * @throws ConflictException {@code run-not-completed} unless the run is COMPLETED, {@code run-published} once it
     *     was published, {@code not-unmatched} when the run did not leave the request unmatched (or it was paired
     *     meanwhile)
     */
    public Offer pairWith(String runId, String requestExternalId, String mentorExternalId, String admin,
            String address) {
        MatchingRunDocument run = mongo.findById(runId, MatchingRunDocument.class);
        if (run == null) {
            throw new NotFoundException("matching run", runId);
        }
        if (run.status() != RunStatus.COMPLETED) {
            throw new ConflictException("run-not-completed", "Run " + runId + " is " + run.status()
                    + "; only a completed run's unmatched requests can be paired by hand");
        }
        if (run.publishedAt() != null) {
            throw new ConflictException("run-published", "Run " + runId + " is published; pair a request by hand"
                    + " before publishing, or start a new run for the requests still open");
        }
        UnmatchedDocument unmatched = results.unmatched(runId).stream()
                .filter(u -> u.requestExternalId().equals(requestExternalId)).findFirst()
                .orElseThrow(() -> new ConflictException("not-unmatched", "Run " + runId + " did not leave request "
                        + requestExternalId + " unmatched"));
        MentorshipRequest request = requests.get(requestExternalId).request();
        Mentor mentor = mentors.get(mentorExternalId).mentor();
        int load = loads().getOrDefault(mentorExternalId, 0) + draftsOf(runId, mentorExternalId);
        Candidate candidate = candidate(new PairEvaluator(), request, mentor, load,
                declinedMentors(requestExternalId));
        if (!candidate.allowed()) {
            throw new InvalidInputException("mentorExternalId", "mentorExternalId: " + mentorExternalId + " for "
                    + requestExternalId + " breaks " + candidate.broken().stream().map(rule -> describe(rule,
                    candidate)).collect(Collectors.joining("; ")));
        }
        Explanation explanation = Explanation.of(List.of(Wording.same("Chosen by an admin."),
                Explanations.domains(request, mentor), Explanations.time(request, mentor, candidate.overlapMinutes())));
        try {
            places.takeForDraft(runId, mentorExternalId, mentor.name(), mentor.capacity(),
                    () -> draftsOf(runId, mentorExternalId));
        } catch (ConflictException full) {
            throw new InvalidInputException("mentorExternalId", "mentorExternalId: " + mentorExternalId + " for "
                    + requestExternalId + " breaks CAPACITY (rule 1): " + full.getMessage());
        }
        // the id follows the unmatched entry's: two admins pairing the same request at once cannot both insert it
        String id = runId + "-h" + unmatched.id().substring(runId.length() + 1);
        ProposalDocument proposal = ProposalDocument.draft(id, runId, requestExternalId, mentorExternalId,
                explanation, candidate.affinity(), candidate.overlapMinutes(), true);
        try {
            mongo.insert(proposal);
        } catch (DuplicateKeyException e) {
            places.releaseDraft(runId, mentorExternalId);
            throw new ConflictException("not-unmatched", "Request " + requestExternalId
                    + " was paired meanwhile; read the run again");
        }
        mongo.remove(query(where("_id").is(unmatched.id())), UnmatchedDocument.class);
        audit.record(admin, PAIR_ACTION, id, requestExternalId + " -> " + mentorExternalId, address);
        return LifecycleService.toOffer(mongo.findById(id, ProposalDocument.class));
    }

    /**
     * Takes the new mentor's place in the ledger: a place held for an offer, or one of the places the run's drafts
     * may use.
     *
     * @throws InvalidInputException on {@code mentorExternalId} naming CAPACITY and the mentor when none is free
     */
    private void takePlace(ProposalDocument proposal, OfferStatus status, MentorshipRequest request, Mentor mentor) {
        try {
            if (status == OfferStatus.OFFERED) {
                places.take(mentor.externalId(), mentor.name(), mentor.capacity());
            } else {
                places.takeForDraft(proposal.runId(), mentor.externalId(), mentor.name(), mentor.capacity(),
                        () -> draftsOf(proposal.runId(), mentor.externalId()));
            }
        } catch (ConflictException full) {
            throw new InvalidInputException("mentorExternalId", "mentorExternalId: " + mentor.externalId() + " for "
                    + request.externalId() + " breaks CAPACITY (rule 1): " + full.getMessage());
        }
    }

    private void givePlaceBack(String runId, OfferStatus status, String mentorExternalId) {
        if (status == OfferStatus.OFFERED) {
            places.release(mentorExternalId);
        } else {
            places.releaseDraft(runId, mentorExternalId);
        }
    }

    /** The run's proposals still DRAFT on this mentor. */
    private int draftsOf(String runId, String mentorExternalId) {
        return (int) mongo.find(query(where("runId").is(runId).and("mentorExternalId").is(mentorExternalId)),
                ProposalDocument.class).stream().filter(p -> p.statusOrDraft() == OfferStatus.DRAFT).count();
    }

    private static String describe(HardRule rule, Candidate candidate) {
        return switch (rule) {
            case CAPACITY -> "CAPACITY (rule 1): " + candidate.load() + " of " + candidate.capacity()
                    + " places already taken, " + candidate.name() + " (" + candidate.mentorExternalId() + ") has no"
                    + " free place";
            case TIME_TOGETHER -> "TIME_TOGETHER (rule 2): " + candidate.overlapMinutes()
                    + " weekly minutes together, fewer than the request's minimum";
            case DATES -> "DATES (rule 3): the mentor is not available on the request's start date";
            case CONFLICT -> "CONFLICT (rule 4): the request excludes this mentor (or declined an offer with them),"
                    + " or it is the same person";
            case LANGUAGE -> "LANGUAGE (rule 5): no shared language";
        };
    }

    private static Candidate candidate(PairEvaluator evaluator, MentorshipRequest request, Mentor mentor, int load,
            Set<String> declined) {
        PairFit fit = evaluator.fit(request, mentor);
        Set<HardRule> broken = EnumSet.noneOf(HardRule.class);
        broken.addAll(fit.broken());
        if (declined.contains(mentor.externalId())) {
            broken.add(HardRule.CONFLICT);
        }
        if (load >= mentor.capacity()) {
            broken.add(HardRule.CAPACITY);
        }
        return new Candidate(mentor.externalId(), mentor.name(), fit.affinity(), fit.overlapMinutes(),
                fit.goalsMet(), fit.preferenceRank(), load, mentor.capacity(), List.copyOf(broken));
    }

    /** The mentors of the offers this request declined: a declined pair counts as excluded. */
    private Set<String> declinedMentors(String requestExternalId) {
        return mongo.find(query(where("requestExternalId").is(requestExternalId).and("status")
                .is(OfferStatus.DECLINED)), ProposalDocument.class).stream()
                .map(ProposalDocument::mentorExternalId).collect(Collectors.toSet());
    }

    /** Each mentor's active mentorships plus open offers. */
    private Map<String, Integer> loads() {
        Map<String, Integer> load = new HashMap<>();
        // a seat in a circle holds no one-to-one place (MentorPlaces#isSeat)
        for (MentorshipDocument m : mongo.find(query(where("status").is(MentorshipStatus.ACTIVE)),
                MentorshipDocument.class)) {
            if (!MentorPlaces.isSeat(m.id())) {
                load.merge(m.mentorExternalId(), 1, Integer::sum);
            }
        }
        for (ProposalDocument p : mongo.find(query(where("status").is(OfferStatus.OFFERED)),
                ProposalDocument.class)) {
            if (!p.isSeat()) {
                load.merge(p.mentorExternalId(), 1, Integer::sum);
            }
        }
        return load;
    }
}
