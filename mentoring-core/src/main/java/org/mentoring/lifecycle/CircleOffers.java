package org.mentoring.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.common.ZoneNames;
import org.mentoring.matching.circles.CircleSettings;
import org.mentoring.matching.circles.Meetings;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunCircleDocument;
import org.mentoring.matching.persistence.RunCircleStore;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.mentoring.time.WeeklyOverlap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Published mentoring circles as their people and the coordinator see them: who holds a seat, the meeting in a
 * reader's own zone, how the seats stand; a circle that fell below its minimum before it starts, the open requests
 * who fit it, and a seat offered to one of them (the same seat offer as publication makes, held through the ledger).
 */
@Component
public class CircleOffers {

    /** The audit action of a seat offered by hand to fill a circle. */
    public static final String OFFER_SEAT_ACTION = "circle.seat.offer";

    /** How a circle's seats stand: accepted, waiting for the member's answer, and declined (or expired, withdrawn). */
    public record SeatCounts(int accepted, int waiting, int declined) {

        /** Seats that still count towards the circle: accepted or waiting. */
        public int holding() {
            return accepted + waiting;
        }
    }

    /** A member of a circle as others read them. */
    public record Member(String requestExternalId, String name, String institution) {

        /** "Name (Institution)", or the name alone. */
        public String inWords() {
            return institution == null || institution.isBlank() ? name : name + " (" + institution + ")";
        }
    }

    /** A published circle whose accepted or waiting seats are fewer than its minimum, before its start date. */
    public record BelowMinimum(RunCircleDocument circle, String mentorName, SeatCounts seats, int minSize) {
    }

    private final MongoTemplate mongo;
    private final RunCircleStore circles;
    private final RequestService requests;
    private final MentorService mentors;
    private final MentorPlaces places;
    private final NotificationService notifications;
    private final AuditService audit;
    private final Clock clock;

    public CircleOffers(MongoTemplate mongo, RunCircleStore circles, RequestService requests, MentorService mentors,
            MentorPlaces places, NotificationService notifications, AuditService audit) {
        this.mongo = mongo;
        this.circles = circles;
        this.requests = requests;
        this.mentors = mentors;
        this.places = places;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /** The circle an offer is a seat of; empty for a pair's offer. */
    public Optional<RunCircleDocument> circleOfSeat(String offerId) {
        if (offerId == null || !offerId.startsWith(ProposalDocument.SEAT_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(offerId, ProposalDocument.class))
                .map(ProposalDocument::circleId).flatMap(circles::find);
    }

    /** The published seats of a circle, in their order. */
    public List<ProposalDocument> seats(String circleId) {
        // seat ids begin with the circle's (seat-<circleId>-<n>): read through the id index, not every proposal
        return mongo.find(query(where("_id").regex("^" + java.util.regex.Pattern.quote(
                ProposalDocument.SEAT_PREFIX + circleId + "-"))).addCriteria(where("circleId").is(circleId)),
                ProposalDocument.class).stream()
                .filter(seat -> seat.status() != null && seat.status() != OfferStatus.DRAFT)
                .sorted(java.util.Comparator.comparing(ProposalDocument::id)).toList();
    }

    public SeatCounts counts(String circleId) {
        int accepted = 0;
        int waiting = 0;
        int declined = 0;
        for (ProposalDocument seat : seats(circleId)) {
            switch (seat.status()) {
                case ACCEPTED -> accepted++;
                case OFFERED -> waiting++;
                default -> declined++;
            }
        }
        return new SeatCounts(accepted, waiting, declined);
    }

    /** The members holding a seat (accepted or waiting), by name and institution. */
    public List<Member> members(String circleId) {
        List<Member> members = new ArrayList<>();
        for (ProposalDocument seat : seats(circleId)) {
            if (seat.status() == OfferStatus.ACCEPTED || seat.status() == OfferStatus.OFFERED) {
                requests.find(seat.requestExternalId()).map(StoredRequest::request).ifPresent(r -> members.add(
                        new Member(r.externalId(), r.name(), r.institution())));
            }
        }
        return members;
    }

    /** The circles a mentor leads through published seats, newest run first. */
    public List<RunCircleDocument> ledBy(String mentorExternalId) {
        Set<String> ids = new LinkedHashSet<>();
        mongo.find(query(where("mentorExternalId").is(mentorExternalId).and("circleId").ne(null)),
                ProposalDocument.class).stream().filter(seat -> seat.status() != OfferStatus.DRAFT)
                .forEach(seat -> ids.add(seat.circleId()));
        List<RunCircleDocument> led = new ArrayList<>();
        ids.stream().sorted(java.util.Comparator.reverseOrder()).forEach(id -> circles.find(id).ifPresent(led::add));
        return led;
    }

    /**
     * The weekly meeting in a reader's zone, for example "Tuesdays ... Tue 17:00-18:00 your time (Nairobi, East
     * Africa Time, UTC+03:00)", its offset taken on the circle's start date; UTC without a zone.
     */
    public static String meetingIn(RunCircleDocument circle, ZoneId zone) {
        ZoneId at = zone == null ? ZoneOffset.UTC : zone;
        String when = WeeklyOverlap.describe(circle.meetingStart(), circle.meetingStart() + circle.meetingMinutes(),
                WeeklyOverlap.offsetOn(at, circle.startDate()));
        return when + (zone == null ? " UTC" : " your time (" + ZoneNames.flat(zone, circle.startDate()) + ")");
    }

    /** The fewest members the circle may have (its run's minSize). */
    public static int minSize(RunCircleDocument circle) {
        return circle.minSize() == null ? CircleSettings.DEFAULT_MIN_SIZE : circle.minSize();
    }

    /** The most members the circle may have (its run's maxSize). */
    public static int maxSize(RunCircleDocument circle) {
        return circle.maxSize() == null ? CircleSettings.DEFAULT_MAX_SIZE : circle.maxSize();
    }

    /** Published circles, not started yet, whose accepted or waiting seats are below their minimum. */
    public List<BelowMinimum> belowMinimum() {
        LocalDate today = LocalDate.now(clock);
        Set<String> ids = new LinkedHashSet<>();
        // only the seats (their ids begin with seat-), and of them only the circle and the status
        org.springframework.data.mongodb.core.query.Query seatsOnly = query(where("_id").regex("^"
                + java.util.regex.Pattern.quote(ProposalDocument.SEAT_PREFIX)).and("status").ne(OfferStatus.DRAFT));
        seatsOnly.fields().include("circleId");
        mongo.find(seatsOnly, org.bson.Document.class, ProposalDocument.COLLECTION)
                .forEach(seat -> ids.add(seat.getString("circleId")));
        ids.remove(null);
        List<BelowMinimum> below = new ArrayList<>();
        for (String id : ids) {
            Optional<RunCircleDocument> circle = circles.find(id);
            if (circle.isEmpty() || (circle.get().startDate() != null && !today.isBefore(circle.get().startDate()))) {
                continue;
            }
            SeatCounts counts = counts(id);
            if (counts.holding() < minSize(circle.get())) {
                below.add(new BelowMinimum(circle.get(), mentorName(circle.get().mentorExternalId()), counts,
                        minSize(circle.get())));
            }
        }
        return below;
    }

    /** Below-minimum circles of one run. */
    public List<BelowMinimum> belowMinimum(String runId) {
        return belowMinimum().stream().filter(b -> runId.equals(b.circle().runId())).toList();
    }

    /**
     * The open requests who could take a seat: format CIRCLE or EITHER, the meeting inside their week, a language
     * shared with the mentor and the members holding seats, the mentor not excluded, no seat of this circle before.
     */
    public List<StoredRequest> candidates(String circleId) {
        RunCircleDocument circle = circles.find(circleId)
                .orElseThrow(() -> new NotFoundException("mentoring circle", circleId));
        Optional<Mentor> mentor = mentors.find(circle.mentorExternalId()).map(StoredMentor::mentor);
        if (mentor.isEmpty()) {
            return List.of();
        }
        List<String> seated = seats(circleId).stream().map(ProposalDocument::requestExternalId).toList();
        List<MentorshipRequest> holding = members(circleId).stream()
                .map(m -> requests.find(m.requestExternalId()).map(StoredRequest::request).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        List<StoredRequest> fit = new ArrayList<>();
        for (StoredRequest stored : requests.find(new RequestFilter(null, RequestStatus.OPEN, null),
                PageRequest.of(0, 10_000, org.springframework.data.domain.Sort.by("name")))) {
            MentorshipRequest r = stored.request();
            if (!seated.contains(r.externalId()) && whyNot(circle, mentor.get(), holding, r) == null) {
                fit.add(stored);
            }
        }
        return fit;
    }

    /** Why this request cannot take a seat of the circle, in words; null when it fits. */
    static String whyNot(RunCircleDocument circle, Mentor mentor, List<MentorshipRequest> holding,
            MentorshipRequest r) {
        if (!r.format().acceptsCircle()) {
            return "asks for one-to-one mentoring only";
        }
        if (PairEvaluator.isConflict(r, mentor)) {
            return "excludes this circle's mentor";
        }
        int[] week = WeeklyOverlap.toUtcWeek(r.weeklyAvailability(), WeeklyOverlap.offsetOn(r.timeZone(),
                circle.startDate()));
        if (!Meetings.covers(week, circle.meetingStart(), circle.meetingMinutes())) {
            return "the circle's meeting time is not inside their week";
        }
        Set<String> common = new java.util.HashSet<>(mentor.languages());
        holding.forEach(m -> common.retainAll(m.languages()));
        common.retainAll(r.languages());
        if (common.isEmpty()) {
            return "shares no language with the mentor and the members";
        }
        return null;
    }

    /**
     * {@link #offerSeat} for a circle named through its run (the coordinator's page and the API): a circle of another
     * run, or none, is not found.
     *
     * @throws NotFoundException "mentoring circle" when the circle is not one of this run's, "request" when no request
     *     has this externalId
     */
    public ProposalDocument offerSeatInRun(String runId, String circleId, String requestExternalId, String admin,
            String address) {
        if (circleId == null || !circleId.startsWith(runId + "-")
                || circles.find(circleId).filter(c -> runId.equals(c.runId())).isEmpty()) {
            throw new NotFoundException("mentoring circle", circleId);
        }
        return offerSeat(circleId, requestExternalId, admin, address);
    }

    /**
     * Offers an open request a seat in a circle below its minimum, as publication does: the seat counted in the
     * circle the mentor's ledger line holds, the request PROPOSED, the member told, the act audited.
     *
     * @throws ConflictException "circle-full" when the circle has maxSize seats accepted or waiting, "seat-unfit"
     *     when the request is no longer open or no longer fits (the reason named), "circle-started" once it started
     */
    public ProposalDocument offerSeat(String circleId, String requestExternalId, String admin, String address) {
        RunCircleDocument circle = circles.find(circleId)
                .orElseThrow(() -> new NotFoundException("mentoring circle", circleId));
        Mentor mentor = mentors.find(circle.mentorExternalId()).map(StoredMentor::mentor)
                .orElseThrow(() -> new ConflictException("seat-unfit", "The circle's mentor is no longer listed."));
        if (circle.startDate() != null && !LocalDate.now(clock).isBefore(circle.startDate())) {
            throw new ConflictException("circle-started", "This circle started on " + circle.startDate()
                    + ": no seat is offered any more.");
        }
        List<ProposalDocument> seats = seats(circleId);
        if (seats.isEmpty()) {
            throw new ConflictException("seat-unfit", "This circle was never published: publish its run first.");
        }
        SeatCounts counts = counts(circleId);
        if (counts.holding() >= maxSize(circle)) {
            throw new ConflictException("circle-full", "This circle is full: " + counts.holding() + " of "
                    + maxSize(circle) + " seats are accepted or waiting.");
        }
        StoredRequest stored = requests.find(requestExternalId)
                .orElseThrow(() -> new NotFoundException("request", requestExternalId));
        String name = stored.request().name();
        if (stored.status() != RequestStatus.OPEN) {
            throw new ConflictException("seat-unfit", "requestExternalId", name + " no longer fits: their request is not open any more.");
        }
        if (seats.stream().anyMatch(s -> s.requestExternalId().equals(requestExternalId))) {
            throw new ConflictException("seat-unfit", "requestExternalId", name + " was offered a seat in this circle before.");
        }
        List<MentorshipRequest> holding = members(circleId).stream()
                .map(m -> requests.find(m.requestExternalId()).map(StoredRequest::request).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        String why = whyNot(circle, mentor, holding, stored.request());
        if (why != null) {
            throw new ConflictException("seat-unfit", "requestExternalId", name + " no longer fits this circle: " + why + ".");
        }
        // the circle stays held by its mentor while any seat waits or is accepted; take it again if it was freed
        places.takeCircle(mentor.externalId(), mentor.name(), mentor.capacity(), mentor.circles(), circleId);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        int n = seats.stream().mapToInt(s -> seatNumber(s.id())).max().orElse(0) + 1;
        List<String> lines = new ArrayList<>();
        lines.add(org.mentoring.matching.solver.Explanations.domains(stored.request(), mentor).researcher());
        lines.add("The circle meets every week, " + meetingIn(circle, stored.request().timeZone()) + ", from "
                + org.mentoring.common.Days.inWords(circle.startDate()));
        lines.add("A seat came free and the programme coordinator offered it to you");
        List<String> adminLines = List.of(stored.request().name() + ": offered a free seat by " + admin);
        Instant answerBy = OfferDeadlines.answerBy(now, OfferDeadlines.days(null));
        ProposalDocument seat = new ProposalDocument(MentorPlaces.seatId(circleId, n), circle.runId(),
                requestExternalId, circle.mentorExternalId(), lines, adminLines, adminLines, 0, circle.meetingMinutes(), true,
                OfferStatus.OFFERED, null, null, null, org.mentoring.matching.model.Answer.ACCEPTED,
                CircleSeats.LEADS_CIRCLE, now, now, null, answerBy, null, null, null, null, circleId);
        try {
            mongo.insert(seat);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("seat-unfit", "Another seat was offered at the same moment: reload and try"
                    + " again.");
        }
        if (requests.changeStatus(List.of(requestExternalId), RequestStatus.OPEN, RequestStatus.PROPOSED) != 1) {
            mongo.remove(seat);
            places.releaseFor(seat.id(), mentor.externalId());
            throw new ConflictException("seat-unfit", "requestExternalId", name + " no longer fits: their request is not open any more.");
        }
        notifications.sendOnce("seat-offered:" + seat.id(), stored.request().email(), CircleSeats.SEAT_SUBJECT,
                CircleSeats.SEAT_TEXT + "\n\n" + String.join("\n", lines));
        audit.record(admin, OFFER_SEAT_ACTION, seat.id(), requestExternalId + " -> circle " + circleId, address);
        return seat;
    }

    private static int seatNumber(String seatId) {
        try {
            return Integer.parseInt(seatId.substring(seatId.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String mentorName(String id) {
        return mentors.find(id).map(s -> s.mentor().name()).orElse(id);
    }
}
