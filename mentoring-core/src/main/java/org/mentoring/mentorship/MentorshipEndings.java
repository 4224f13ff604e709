package org.mentoring.mentorship;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mentoring.accounts.AccountDocument;
import org.mentoring.accounts.Role;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.common.NotFoundException;
import org.mentoring.common.PlainText;
import org.mentoring.feedback.Feedback;
import org.mentoring.feedback.FeedbackService;
import org.mentoring.feedback.FeedbackStage;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * How mentorships end and what each side is asked along the way. A side or a coordinator ends an ACTIVE mentorship
 * ({@link #end}: COMPLETED, or ENDED_EARLY with a note); one that nobody ended is COMPLETED by itself on its agreed
 * end date ({@link #sweep}, run by the sweeper of every instance); at its mid-point both sides are asked for
 * mid-point feedback.
 *
 * <p>Nothing needs a transaction or a lock: the end is one conditional update from ACTIVE (of two callers ending the
 * same mentorship only one wins), the mentor's place is given back in the ledger ({@link MentorPlaces}) by whoever
 * sets the mentorship's {@code placeFreedAt} marker, once, and every message goes through
 * {@link NotificationService#sendOnce} under a key of the mentorship, before its marker is set. So several instances
 * sweeping at once, or a sweep after a restart that missed the moment or a crash half-way, complete each mentorship
 * once, free its place once and tell each person once. The request of an ended mentorship stays MATCHED: it is not
 * placed again; the researcher asks again in a later cycle.
 */
@Service
public class MentorshipEndings {

    /** The audit action of an end by a person. */
    public static final String END_ACTION = "mentorship.end";
    /** The audit action of a mentorship completed by itself on its end date. */
    public static final String COMPLETE_ACTION = "mentorship.complete";
    /** Who {@code endedBy} names when a mentorship completed by itself. */
    public static final String PROGRAMME = "programme";
    /** The longest note accepted, in characters. */
    public static final int MAX_NOTE = 2000;
    /** How long after an end a sweep still finishes what a crash left of it. */
    static final java.time.Duration FINISH_WITHIN = java.time.Duration.ofDays(2);

    private static final Logger log = LoggerFactory.getLogger(MentorshipEndings.class);
    private static final String STATUS = "status";

    /** What one sweep did. */
    public record Sweep(int completed, int finished, int midFeedbackAsked) {
    }

    private final MongoTemplate mongo;
    private final MentorPlaces places;
    private final NotificationService notifications;
    private final AuditService audit;
    private final RequestService requests;
    private final MentorService mentors;
    private final FeedbackService feedback;
    private final MatchingPersistenceMapper mapper;
    private final String publicUrl;
    private final Clock clock;

    @Autowired
    public MentorshipEndings(MongoTemplate mongo, MentorPlaces places, NotificationService notifications,
            AuditService audit, RequestService requests, MentorService mentors, FeedbackService feedback,
            MatchingPersistenceMapper mapper, @Value("${mentoring.public-url:http://localhost:8080}") String publicUrl) {
        this(mongo, places, notifications, audit, requests, mentors, feedback, mapper, publicUrl, Clock.systemUTC());
    }

    MentorshipEndings(MongoTemplate mongo, MentorPlaces places, NotificationService notifications, AuditService audit,
            RequestService requests, MentorService mentors, FeedbackService feedback,
            MatchingPersistenceMapper mapper, String publicUrl, Clock clock) {
        this.mongo = mongo;
        this.places = places;
        this.notifications = notifications;
        this.audit = audit;
        this.requests = requests;
        this.mentors = mentors;
        this.feedback = feedback;
        this.mapper = mapper;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /** A copy of this service that reads the time from another clock (tests, and the sweeper's own). */
    MentorshipEndings withClock(Clock other) {
        return new MentorshipEndings(mongo, places, notifications, audit, requests, mentors, feedback, mapper,
                publicUrl, other);
    }

    /**
     * A mentorship by id, to check who may end it or read it.
     *
     * @throws NotFoundException if there is no such mentorship
     */
    public Mentorship get(String mentorshipId) {
        return mapper.toMentorship(document(mentorshipId));
    }

    /**
     * Ends an ACTIVE mentorship: COMPLETED, or ENDED_EARLY with a note saying why. The mentor's place is free again,
     * both sides (asked for their end feedback) and the coordinators are told, and the end is in the audit trail.
     * Who may end it (either side or a coordinator) is the caller's check.
     *
     * @param reason {@code COMPLETED} or {@code ENDED_EARLY}
     * @param note up to {@value #MAX_NOTE} characters of plain text, shown to both sides and the coordinators;
     *     required for ENDED_EARLY
     * @param actor the email of who ends it
     * @throws InvalidInputException naming {@code reason} and {@code note} when they are wrong (nothing changes)
     * @throws NotFoundException if there is no such mentorship
     * @throws ConflictException {@code mentorship-not-active} when it has ended already
     */
    public Mentorship end(String mentorshipId, String reason, String note, String actor, String address) {
        List<FieldError> errors = new ArrayList<>();
        MentorshipStatus status = null;
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "reason: say whether the mentorship is COMPLETED or ENDED_EARLY"));
        } else if (reason.equals(MentorshipStatus.COMPLETED.name())) {
            status = MentorshipStatus.COMPLETED;
        } else if (reason.equals(MentorshipStatus.ENDED_EARLY.name())) {
            status = MentorshipStatus.ENDED_EARLY;
        } else {
            errors.add(new FieldError("reason", "reason: COMPLETED (it ran its course) or ENDED_EARLY (it stops before"
                    + " its agreed end), not '" + shown(reason) + "'"));
        }
        String text = note == null ? "" : note.strip().replace("\r\n", "\n");
        if (text.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "note: at most " + MAX_NOTE + " characters, not " + text.length()));
        } else {
            PlainText.multiLineProblem(text).ifPresent(problem -> errors.add(new FieldError("note", "note " + problem)));
        }
        if (status == MentorshipStatus.ENDED_EARLY && text.isEmpty() && errors.stream()
                .noneMatch(error -> error.field().equals("note"))) {
            errors.add(new FieldError("note", "note: say in a few words why the mentorship ends early; both of you"
                    + " and the programme coordinators read it"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The mentorship cannot be ended so", errors);
        }
        MentorshipDocument current = document(mentorshipId);
        requireActive(current);
        Instant now = now();
        MentorshipDocument ended = mongo.findAndModify(
                query(where("_id").is(mentorshipId).and(STATUS).is(MentorshipStatus.ACTIVE)),
                new Update().set(STATUS, status).set("endedAt", now).set("endedBy", actor)
                        .set("endNote", text.isEmpty() ? null : text).set("endDate", LocalDate.ofInstant(now,
                                ZoneOffset.UTC)).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), MentorshipDocument.class);
        if (ended == null) {
            requireActive(document(mentorshipId));
            throw notActive(mentorshipId, null);
        }
        audit.record(actor, END_ACTION, mentorshipId, status + (text.isEmpty() ? "" : ": " + text), address);
        finish(ended, true);
        return mapper.toMentorship(document(mentorshipId));
    }

    /**
     * Completes every ACTIVE mentorship whose agreed end date has come, finishes any ending a crash cut short, and
     * asks both sides of every ACTIVE mentorship past its mid-point for mid-point feedback, each once. Safe to run on
     * several instances at once.
     */
    public Sweep sweep() {
        LocalDate today = today();
        int completed = 0;
        for (MentorshipDocument due : mongo.find(query(where(STATUS).is(MentorshipStatus.ACTIVE).and("endDate")
                .lte(today)), MentorshipDocument.class)) {
            if (due.endDate() == null || due.endDate().isAfter(today)) {
                continue;
            }
            MentorshipDocument ended = mongo.findAndModify(
                    query(where("_id").is(due.id()).and(STATUS).is(MentorshipStatus.ACTIVE)),
                    new Update().set(STATUS, MentorshipStatus.COMPLETED).set("endedAt", now())
                            .set("endedBy", PROGRAMME).inc("version", 1),
                    FindAndModifyOptions.options().returnNew(true), MentorshipDocument.class);
            if (ended != null) {
                completed++;
                audit.record(PROGRAMME, COMPLETE_ACTION, ended.id(), "COMPLETED on its agreed end date "
                        + ended.endDate(), null);
                try {
                    finish(ended, false);
                } catch (RuntimeException e) {
                    log.warn("Mentorship {} completed, but what follows failed; the next sweep finishes it",
                            ended.id(), e);
                }
            }
        }
        int finished = 0;
        // an ending this app began lately and a crash cut short (older ones, and mentorships ended before this
        // version, are left alone: the ledger's reconciliation at start counts places from the facts)
        Criteria unfinished = where("endedAt").gte(now().minus(FINISH_WITHIN)).orOperator(
                where("placeFreedAt").is(null), where("endFeedbackAskedAt").is(null));
        for (MentorshipDocument cutShort : mongo.find(query(unfinished), MentorshipDocument.class)) {
            if (cutShort.status() != MentorshipStatus.ACTIVE) {
                try {
                    finish(cutShort, cutShort.endedBy() != null && !PROGRAMME.equals(cutShort.endedBy()));
                    finished++;
                } catch (RuntimeException e) {
                    log.warn("Could not finish the ending of mentorship {}; trying again at the next sweep",
                            cutShort.id(), e);
                }
            }
        }
        int asked = 0;
        for (MentorshipDocument active : mongo.find(query(where(STATUS).is(MentorshipStatus.ACTIVE)
                .and("midFeedbackAskedAt").is(null).and("startDate").lte(today)), MentorshipDocument.class)) {
            Optional<LocalDate> midpoint = midpoint(active.startDate(), active.endDate());
            try {
                if (midpoint.isPresent() && !midpoint.get().isAfter(today) && askForMidFeedback(active)) {
                    asked++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not ask for mid-point feedback on mentorship {}; trying again at the next sweep",
                        active.id(), e);
            }
        }
        if (completed + finished + asked > 0) {
            log.info("Mentorships: {} completed on their end date, {} endings finished, {} asked for mid-point"
                    + " feedback", completed, finished, asked);
        }
        return new Sweep(completed, finished, asked);
    }

    /**
     * The feedback a side of a mentorship is asked for now and has not given: END once it has ended, MID from its
     * mid-point while it runs; empty otherwise.
     */
    public Optional<FeedbackStage> feedbackDue(Mentorship mentorship, Side side) {
        FeedbackStage stage;
        if (mentorship.status() != MentorshipStatus.ACTIVE) {
            stage = FeedbackStage.END;
        } else {
            Optional<LocalDate> midpoint = midpoint(mentorship.startDate(), mentorship.endDate());
            if (midpoint.isEmpty() || midpoint.get().isAfter(today())) {
                return Optional.empty();
            }
            stage = FeedbackStage.MID;
        }
        for (Feedback given : feedback.of(mentorship.id())) {
            if (given.side() == side && given.stage() == stage) {
                return Optional.empty();
            }
        }
        return Optional.of(stage);
    }

    /** The day halfway between the start and the agreed end; empty without both. */
    static Optional<LocalDate> midpoint(LocalDate start, LocalDate end) {
        if (start == null || end == null || end.isBefore(start)) {
            return Optional.empty();
        }
        return Optional.of(start.plusDays(ChronoUnit.DAYS.between(start, end) / 2));
    }

    /**
     * What follows an end, each step once whoever repeats it: the mentor's place back in the ledger (by whoever sets
     * {@code placeFreedAt}), then both sides told and asked for their end feedback, and the coordinators told of an
     * end by a person.
     */
    private void finish(MentorshipDocument ended, boolean byPerson) {
        Instant now = now();
        if (ended.placeFreedAt() == null && mongo.updateFirst(query(where("_id").is(ended.id())
                .and("placeFreedAt").is(null)), new Update().set("placeFreedAt", now), MentorshipDocument.class)
                .getModifiedCount() == 1) {
            places.releaseFor(ended.id(), ended.mentorExternalId());
        }
        if (ended.endFeedbackAskedAt() != null) {
            return;
        }
        Optional<MentorshipRequest> request = requests.find(ended.requestExternalId()).map(StoredRequest::request);
        Optional<Mentor> mentor = mentors.find(ended.mentorExternalId()).map(StoredMentor::mentor);
        String researcherName = request.map(MentorshipRequest::name).orElse(ended.requestExternalId());
        String mentorName = mentor.map(Mentor::name).orElse(ended.mentorExternalId());
        String how = how(ended, request, mentor);
        request.ifPresent(r -> notifications.sendOnce(ended.id() + ":ended:researcher", r.email(),
                "Your mentorship with " + mentorName + " has ended",
                endText(r.name(), mentorName, ended, how, "/my-request")));
        mentor.ifPresent(m -> notifications.sendOnce(ended.id() + ":ended:mentor", m.email(),
                "Your mentorship with " + researcherName + " has ended",
                endText(m.name(), researcherName, ended, how, "/mentor")));
        if (byPerson) {
            for (String admin : coordinators()) {
                notifications.sendOnce(ended.id() + ":ended:coordinator:" + admin, admin, "A mentorship ended: "
                        + researcherName + " and " + mentorName, "The mentorship of " + researcherName + " (request "
                        + ended.requestExternalId() + ") with " + mentorName + " (" + ended.mentorExternalId()
                        + ") ended on " + date(ended.endDate()) + ": " + words(ended.status())
                        + ", " + how + "." + noteText(ended) + "\n\nThe mentor's place is free again.\n");
            }
        }
        mongo.updateFirst(query(where("_id").is(ended.id()).and("endFeedbackAskedAt").is(null)),
                new Update().set("endFeedbackAskedAt", now), MentorshipDocument.class);
    }

    private boolean askForMidFeedback(MentorshipDocument active) {
        Optional<MentorshipRequest> request = requests.find(active.requestExternalId()).map(StoredRequest::request);
        Optional<Mentor> mentor = mentors.find(active.mentorExternalId()).map(StoredMentor::mentor);
        String researcherName = request.map(MentorshipRequest::name).orElse(active.requestExternalId());
        String mentorName = mentor.map(Mentor::name).orElse(active.mentorExternalId());
        request.ifPresent(r -> notifications.sendOnce(active.id() + ":feedback-mid:researcher", r.email(),
                "Halfway through your mentorship: how is it going?",
                midText(r.name(), mentorName, active, "/my-request")));
        mentor.ifPresent(m -> notifications.sendOnce(active.id() + ":feedback-mid:mentor", m.email(),
                "Halfway through your mentorship: how is it going?",
                midText(m.name(), researcherName, active, "/mentor")));
        return mongo.updateFirst(query(where("_id").is(active.id()).and("midFeedbackAskedAt").is(null)),
                new Update().set("midFeedbackAskedAt", now()), MentorshipDocument.class).getModifiedCount() == 1;
    }

    private String midText(String reader, String other, MentorshipDocument mentorship, String page) {
        return "Hello " + reader + ",\n\nYou are halfway through your mentorship with " + other + " ("
                + date(mentorship.startDate()) + " to "
                + date(mentorship.endDate()) + "). How is it going? Please give your mid-point"
                + " feedback, a rating from 1 to 5 and a few words, on your page: " + publicUrl + page
                + "\n\nThe programme coordinators read it to support you both.\n";
    }

    private String endText(String reader, String other, MentorshipDocument ended, String how, String page) {
        return "Hello " + reader + ",\n\nYour mentorship with " + other + " ended on "
                + date(ended.endDate()) + ": " + words(ended.status()) + ", " + how + "."
                + noteText(ended) + "\n\nHow did it go? Please give your end-of-mentorship feedback, a rating from 1"
                + " to 5 and a few words, on your page: " + publicUrl + page + "\nIt helps the programme match people"
                + " well. Thank you for taking part.\n";
    }

    private static String date(LocalDate date) {
        return date == null ? "(date unknown)" : Introductions.DATE.format(date);
    }

    private static String noteText(MentorshipDocument ended) {
        return ended.endNote() == null ? "" : "\n\nThe note given: " + ended.endNote();
    }

    private static String words(MentorshipStatus status) {
        return status == MentorshipStatus.ENDED_EARLY ? "ended early" : "completed";
    }

    /** Who ended it, in words both sides understand. */
    private static String how(MentorshipDocument ended, Optional<MentorshipRequest> request, Optional<Mentor> mentor) {
        String by = ended.endedBy();
        if (by == null || PROGRAMME.equals(by)) {
            return "on its agreed end date";
        }
        if (request.isPresent() && EmailAddress.owns(by, request.get().email())) {
            return "ended by " + request.get().name();
        }
        if (mentor.isPresent() && EmailAddress.owns(by, mentor.get().email())) {
            return "ended by " + mentor.get().name();
        }
        return "ended by the programme coordinator";
    }

    /** The emails of the enabled ADMIN accounts. */
    private List<String> coordinators() {
        return mongo.find(query(where("role").is(Role.ADMIN).and("enabled").is(true)), AccountDocument.class)
                .stream().map(AccountDocument::getEmail).toList();
    }

    private MentorshipDocument document(String mentorshipId) {
        MentorshipDocument document = mentorshipId == null ? null
                : mongo.findById(mentorshipId, MentorshipDocument.class);
        if (document == null) {
            throw new NotFoundException("mentorship", mentorshipId);
        }
        return document;
    }

    private static void requireActive(MentorshipDocument document) {
        if (document.status() != MentorshipStatus.ACTIVE) {
            throw notActive(document.id(), document.status());
        }
    }

    private static ConflictException notActive(String id, MentorshipStatus status) {
        return new ConflictException("mentorship-not-active", "Mentorship " + id + " has ended already"
                + (status == null ? "" : " (" + status.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
                + "; only an active mentorship can be ended");
    }

    private static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "\u2026";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
