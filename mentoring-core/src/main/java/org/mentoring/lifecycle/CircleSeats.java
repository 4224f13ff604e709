package org.mentoring.lifecycle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mentoring.common.ConflictException;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunCircleDocument;
import org.mentoring.matching.persistence.RunCircleStore;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.Mentor;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.mentoring.time.WeeklyOverlap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes the mentoring circles of a run: each circle is held in its mentor's ledger line
 * ({@link MentorPlaces#takeCircle}, never more than the circles they lead), each member whose request is still OPEN is
 * offered a seat (an offer like a pair's, its id {@code seat-<circleId>-<n>}, its {@code circleId} set, the mentor's
 * answer given by leading the circle), answered with the same endpoints and deadlines, and the mentor is told of the
 * circle once. A declined or expired seat frees itself ({@link MentorPlaces#releaseFor}).
 */
final class CircleSeats {

    static final String SEAT_SUBJECT = "A seat in a mentoring circle for you";
    static final String SEAT_TEXT = "You are offered a seat in a mentoring circle: a small group who meet a mentor"
            + " together every week. Sign in to read why and to accept or decline it.";
    /** Who gave the mentor's answer of a seat: the mentor leads the circle, so each seat is theirs already. */
    static final String LEADS_CIRCLE = "the circle's mentor (leads the circle)";

    private final MongoTemplate mongo;
    private final RunCircleStore circles;
    private final RequestService requests;
    private final MentorService mentors;
    private final MentorPlaces places;
    private final NotificationService notifications;

    CircleSeats(MongoTemplate mongo, RunCircleStore circles, RequestService requests, MentorService mentors,
            MentorPlaces places, NotificationService notifications) {
        this.mongo = mongo;
        this.circles = circles;
        this.requests = requests;
        this.mentors = mentors;
        this.places = places;
        this.notifications = notifications;
    }

    /**
     * Offers the seats of every circle of a run not offered yet; idempotent (a seat offered before is left as it is).
     *
     * @param full collects why a circle was not offered (its mentor leads no more circles)
     * @return seats offered now
     */
    int publish(String runId, Instant now, Instant answerBy, List<String> full) {
        int offered = 0;
        for (RunCircleDocument circle : circles.circles(runId)) {
            Optional<Mentor> mentor = mentors.find(circle.mentorExternalId()).map(StoredMentor::mentor);
            if (mentor.isEmpty()) {
                continue;
            }
            List<String> open = circle.members().stream().filter(this::isOpen).toList();
            boolean any = false;
            for (int n = 1; n <= circle.members().size(); n++) {
                any |= mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(MentorPlaces.seatId(circle.id(), n))), ProposalDocument.class);
            }
            if (open.isEmpty() && !any) {
                continue;
            }
            try {
                places.takeCircle(mentor.get().externalId(), mentor.get().name(), mentor.get().capacity(),
                        mentor.get().circles(), circle.id());
            } catch (ConflictException e) {
                full.add(e.getMessage());
                continue;
            }
            int seatsNow = 0;
            for (int n = 1; n <= circle.members().size(); n++) {
                String member = circle.members().get(n - 1);
                if (!open.contains(member)) {
                    continue;
                }
                ProposalDocument seat = seat(runId, circle, n, member, now, answerBy);
                try {
                    mongo.insert(seat);
                } catch (DuplicateKeyException offeredBefore) {
                    continue;
                }
                if (requests.changeStatus(List.of(member), RequestStatus.OPEN, RequestStatus.PROPOSED) == 1) {
                    seatsNow++;
                    requests.find(member).ifPresent(r -> notifications.sendOnce("seat-offered:" + seat.id(),
                            r.request().email(), SEAT_SUBJECT, SEAT_TEXT + "\n\n" + String.join("\n",
                                    seat.explanation())));
                } else {
                    mongo.remove(seat);
                }
            }
            offered += seatsNow;
            if (seatsNow > 0) {
                notifications.sendOnce("circle-offered:" + circle.id(), mentor.get().email(),
                        "A mentoring circle for you to lead", mentorText(circle, mentor.get()));
            }
            places.releaseFor(MentorPlaces.seatId(circle.id(), 0), mentor.get().externalId());
        }
        return offered;
    }

    private boolean isOpen(String requestExternalId) {
        return requests.find(requestExternalId).map(s -> s.status() == RequestStatus.OPEN).orElse(false);
    }

    static ProposalDocument seat(String runId, RunCircleDocument circle, int n, String member, Instant now,
            Instant answerBy) {
        List<String> own = circle.memberExplanations().getOrDefault(member, List.of());
        List<String> admin = new ArrayList<>();
        int index = circle.members().indexOf(member);
        if (index >= 0 && index < circle.explanation().size()) {
            admin.add(circle.explanation().get(index));
        }
        return new ProposalDocument(MentorPlaces.seatId(circle.id(), n), runId, member, circle.mentorExternalId(),
                own, admin, admin, 0, circle.meetingMinutes(), true, OfferStatus.OFFERED, null, null, null,
                Answer.ACCEPTED, LEADS_CIRCLE, now, now, null, answerBy, null, null, null, null, circle.id());
    }

    private static String mentorText(RunCircleDocument circle, Mentor mentor) {
        String meeting = WeeklyOverlap.describe(circle.meetingStart(), circle.meetingStart() + circle.meetingMinutes(),
                WeeklyOverlap.offsetOn(mentor.timeZone(), circle.startDate()));
        String utc = WeeklyOverlap.describe(circle.meetingStart(), circle.meetingStart() + circle.meetingMinutes(),
                ZoneOffset.UTC);
        return "You are to lead a mentoring circle of " + circle.members().size() + " members, meeting every week "
                + meeting + " your time (" + mentor.timeZone().getId() + "; " + utc + " UTC), from "
                + circle.startDate() + ". Each member is offered a seat and answers it; sign in to see who joins.\n\n"
                + String.join("\n", circle.explanation());
    }
}
