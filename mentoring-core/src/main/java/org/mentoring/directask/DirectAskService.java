package org.mentoring.directask;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.PlainText;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.matching.solver.Explanations;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.matching.solver.Wording;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A researcher asks one mentor directly. The ask is an offer like a run's ({@link ProposalDocument}, OFFERED) that
 * belongs to no run: its {@code runId} is null and its id starts with {@value #ID_PREFIX}, so no run's queries (by
 * runId, or by the {@code <runId>-} id prefix of a run's proposals) ever read it. The researcher asked, so their answer
 * is recorded as ACCEPTED at once; the mentor answers with the same accept and decline as any offer
 * ({@link org.mentoring.lifecycle.LifecycleService}): accepted, it is an ACTIVE mentorship; declined, the request is
 * OPEN again and the mentor's place free. While it waits, the request is PROPOSED, which every run leaves alone.
 *
 * <p>Writes, in order, each undone if the next fails: the mentor's place in the ledger ({@link MentorPlaces}, guarded
 * by capacity), the offer, the request OPEN to PROPOSED (guarded by its status, so of two asks, or an ask and a
 * publication, for one request only one wins).
 */
@Service
public class DirectAskService {

    /** The start of every direct ask's id. */
    public static final String ID_PREFIX = "ask-";
    /** Days the mentor has to answer, as for a published offer by default. */
    public static final int ANSWER_WITHIN_DAYS = 14;
    /** The longest message a researcher may send with an ask. */
    public static final int MAX_MESSAGE = 2000;
    static final String ACTION = "request.direct-ask";
    static final String SUBJECT = "A researcher asks you to be their mentor";

    private final MongoTemplate mongo;
    private final RequestService requests;
    private final MentorService mentors;
    private final MentorPlaces places;
    private final NotificationService notifications;
    private final AuditService audit;
    private final DirectAskSettings settings;
    private final Clock clock;

    @Autowired
    public DirectAskService(MongoTemplate mongo, RequestService requests, MentorService mentors, MentorPlaces places,
            NotificationService notifications, AuditService audit, DirectAskSettings settings) {
        this(mongo, requests, mentors, places, notifications, audit, settings, Clock.systemUTC());
    }

    DirectAskService(MongoTemplate mongo, RequestService requests, MentorService mentors, MentorPlaces places,
            NotificationService notifications, AuditService audit, DirectAskSettings settings, Clock clock) {
        this.mongo = mongo;
        this.requests = requests;
        this.mentors = mentors;
        this.places = places;
        this.notifications = notifications;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Asks a mentor directly for a request. Who may ask for the request (its researcher, or an admin) is the
     * caller's check.
     *
     * @param actor the email of who asks, for the offer and the audit trail
     * @return the ask, waiting for the mentor's answer
     * @throws ConflictException {@code direct-asks-off} when the coordinator turned direct asks off;
     *     {@code direct-ask-pending} when the request already has an ask waiting, naming it;
     *     {@code request-not-open} unless the request is OPEN; {@value MentorPlaces#FULL} when the mentor's last
     *     place went to someone else meanwhile
     * @throws InvalidInputException on {@code message} (missing, too long, invisible characters) or on
     *     {@code mentorExternalId}: no such mentor, or one entry per hard rule the pair breaks
     * @throws org.mentoring.common.NotFoundException when there is no such request
     */
    public DirectAsk ask(String requestExternalId, String mentorExternalId, String message, String actor,
            String address) {
        if (!settings.enabled()) {
            throw new ConflictException("direct-asks-off", "The programme's coordinators have turned direct asks"
                    + " off for now; your request waits for the next matching run");
        }
        String text = checkedMessage(message);
        StoredRequest stored = requests.get(requestExternalId);
        Optional<DirectAsk> pending = pendingFor(requestExternalId);
        if (pending.isPresent()) {
            throw new ConflictException("direct-ask-pending", "This request already has a direct ask waiting: "
                    + pending.get().mentorName() + " was asked on " + day(pending.get().askedAt()) + " and answers by "
                    + day(pending.get().answerBy()) + "; one ask at a time");
        }
        if (stored.status() != RequestStatus.OPEN) {
            throw new ConflictException("request-not-open", "Only a request waiting for a mentor (OPEN) can ask one"
                    + " directly; this one is " + switch (stored.status()) {
                        case PROPOSED -> "waiting for the answers to an offer (PROPOSED)";
                        case MATCHED -> "matched: its mentorship is on (MATCHED)";
                        default -> "withdrawn (WITHDRAWN)";
                    });
        }
        StoredMentor storedMentor = mentorExternalId == null ? null : mentors.find(mentorExternalId).orElse(null);
        if (storedMentor == null) {
            throw new InvalidInputException("mentorExternalId", "There is no mentor " + mentorExternalId
                    + "; choose one from the mentor directory");
        }
        MentorshipRequest request = stored.request();
        Mentor mentor = storedMentor.mentor();
        List<BrokenRule> broken = withPause(PairRules.check(new PairEvaluator(), request, mentor, held(mentor)),
                mentor);
        if (!broken.isEmpty()) {
            throw new InvalidInputException("You cannot ask " + mentor.name() + " directly",
                    broken.stream().map(rule -> new InvalidInputException.FieldError("mentorExternalId",
                            rule.reason())).toList());
        }
        places.take(mentor.externalId(), mentor.name(), mentor.capacity());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant answerBy = org.mentoring.lifecycle.OfferDeadlines.answerBy(now, ANSWER_WITHIN_DAYS);
        ProposalDocument offer;
        try {
            offer = mongo.insert(offerOf(request, mentor, text, actor, now, answerBy));
        } catch (RuntimeException e) {
            places.release(mentor.externalId());
            throw e;
        }
        try {
            requests.changeStatus(requestExternalId, RequestStatus.OPEN, RequestStatus.PROPOSED);
        } catch (RuntimeException e) {
            // offered meanwhile by a publication or another ask: this ask never was
            if (mongo.remove(query(where("_id").is(offer.id()).and("status").is(OfferStatus.OFFERED)),
                    ProposalDocument.class).getDeletedCount() == 1) {
                places.release(mentor.externalId());
            }
            throw e;
        }
        notifications.sendOnce(offer.id() + ":offered:mentor", mentor.email(), SUBJECT,
                mentorMessage(request, mentor, text, answerBy));
        audit.record(actor, ACTION, requestExternalId, "asked " + mentor.externalId() + " (" + mentor.name()
                + ") directly; offer " + offer.id() + ", answer by " + day(answerBy), address);
        return new DirectAsk(offer.id(), requestExternalId, request.name(), mentor.externalId(), mentor.name(), text,
                now, answerBy);
    }

    /**
     * The hard rules each of these mentors would break with this request, for the directory; a mentor breaking
     * none is left out.
     */
    public Map<String, List<BrokenRule>> brokenRules(MentorshipRequest request, List<Mentor> candidates) {
        Map<String, Integer> held = mentors.placesHeld(candidates.stream().map(Mentor::externalId).toList());
        PairEvaluator evaluator = new PairEvaluator();
        Map<String, List<BrokenRule>> broken = new java.util.HashMap<>();
        for (Mentor mentor : candidates) {
            List<BrokenRule> rules = withPause(PairRules.check(evaluator, request, mentor,
                    held.getOrDefault(mentor.externalId(), 0)), mentor);
            if (!rules.isEmpty()) {
                broken.put(mentor.externalId(), rules);
            }
        }
        return broken;
    }

    /** The rules, and that the mentor takes no new mentee before a date when they paused until it. */
    private List<BrokenRule> withPause(List<BrokenRule> rules, Mentor mentor) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        java.util.Optional<java.time.LocalDate> until = mentors.pausedUntil(mentor.externalId())
                .filter(today::isBefore);
        if (until.isEmpty()) {
            return rules;
        }
        List<BrokenRule> all = new java.util.ArrayList<>(rules);
        all.add(new BrokenRule(org.mentoring.matching.domain.HardRule.CAPACITY, mentor.name()
                + " takes no new mentee before " + until.get().format(java.time.format.DateTimeFormatter
                .ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)) + " (a pause they chose)"));
        return all;
    }

    /** Every direct ask waiting for its mentor's answer, newest first. */
    public List<DirectAsk> pending() {
        return asks(query(where("_id").regex("^" + ID_PREFIX).and("status").is(OfferStatus.OFFERED))
                .with(Sort.by(Sort.Direction.DESC, "offeredAt")));
    }

    /** The direct ask of this request waiting for its mentor's answer, if there is one. */
    public Optional<DirectAsk> pendingFor(String requestExternalId) {
        return asks(query(where("requestExternalId").is(requestExternalId).and("status").is(OfferStatus.OFFERED)
                .and("_id").regex("^" + ID_PREFIX))).stream().findFirst();
    }

    /** Whether this offer is a direct ask rather than a run's proposal. */
    public static boolean isDirectAsk(String offerId) {
        return offerId != null && offerId.startsWith(ID_PREFIX);
    }

    private List<DirectAsk> asks(Query query) {
        List<ProposalDocument> offers = mongo.find(query, ProposalDocument.class);
        if (offers.isEmpty()) {
            return List.of();
        }
        Map<String, String> researchers = requests.findAll(offers.stream().map(ProposalDocument::requestExternalId)
                .toList()).stream().collect(Collectors.toMap(MentorshipRequest::externalId, MentorshipRequest::name,
                (a, b) -> a));
        Map<String, String> mentorNames = mentors.findAll(offers.stream().map(ProposalDocument::mentorExternalId)
                .toList()).stream().collect(Collectors.toMap(Mentor::externalId, Mentor::name, (a, b) -> a));
        List<DirectAsk> asks = new ArrayList<>();
        for (ProposalDocument offer : offers) {
            asks.add(new DirectAsk(offer.id(), offer.requestExternalId(),
                    researchers.getOrDefault(offer.requestExternalId(), "a researcher no longer stored"),
                    offer.mentorExternalId(), mentorNames.getOrDefault(offer.mentorExternalId(),
                    "a mentor no longer stored"), offer.directAskMessage(), offer.offeredAt(), offer.answerBy()));
        }
        return asks;
    }

    private int held(Mentor mentor) {
        return mentors.placesHeld(List.of(mentor.externalId())).getOrDefault(mentor.externalId(), 0);
    }

    private static String checkedMessage(String message) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("message", "Write a few words to the mentor: why you ask them and what"
                    + " you hope to work on together");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidInputException("message", "The message has " + text.length() + " characters; keep it"
                    + " to " + MAX_MESSAGE);
        }
        PlainText.multiLineProblem(text).ifPresent(problem -> {
            throw new InvalidInputException("message", "The message " + problem);
        });
        return text;
    }

    private static ProposalDocument offerOf(MentorshipRequest request, Mentor mentor, String message, String actor,
            Instant now, Instant answerBy) {
        PairFit fit = new PairEvaluator().fit(request, mentor);
        Explanation why = Explanation.of(List.of(new Wording("You asked " + mentor.name() + " directly",
                        request.name() + " asked you directly, writing: \u201c" + message + "\u201d",
                        request.name() + " asked " + mentor.name() + " directly"),
                Explanations.domains(request, mentor), Explanations.time(request, mentor, fit.overlapMinutes()),
                Explanations.languages(request, mentor)));
        return new ProposalDocument(ID_PREFIX + UUID.randomUUID(), null, request.externalId(), mentor.externalId(),
                why.researcher(), why.mentor(), why.admin(), fit.affinity(), fit.overlapMinutes(), true,
                OfferStatus.OFFERED, Answer.ACCEPTED, actor, now, null, null, null, now, null, answerBy, null,
                message, null);
    }

    private static String mentorMessage(MentorshipRequest request, Mentor mentor, String message, Instant answerBy) {
        return "Dear " + mentor.name() + ",\n\n" + request.name()
                + (request.institution() == null ? "" : " (" + request.institution() + ")")
                + " found you in the programme's mentor directory and asks you to be their mentor. Their message:\n\n"
                + message.lines().map(line -> "> " + line).collect(Collectors.joining("\n"))
                + "\n\nPlease sign in and accept or decline by " + day(answerBy) + ". If you decline, their request"
                + " goes back to the next matching run.\n";
    }

    static String day(Instant instant) {
        return instant == null ? "an unknown day" : PairRules.DAY.format(instant.atZone(ZoneOffset.UTC));
    }
}
