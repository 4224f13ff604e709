package org.mentoring.web.offer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.lifecycle.CircleOffers;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.lifecycle.OfferDeadlines;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in researcher's or mentor's published offers on their own page. */
@ControllerAdvice(basePackages = {"org.mentoring.web.request", "org.mentoring.web.mentor"})
class OfferModel {

    /**
     * An offer as its reader sees it: who the other person is, why in the reader's own words, and whether they may
     * still answer, and by when (in the reader's time zone; null for an offer without a deadline or one answered).
     */
    record OfferRow(String id, String otherName, String otherId, List<String> explanation, OfferStatus status,
            String yourAnswer, String theirAnswer, boolean canAnswer, String deadline, SeatCircle circle) {

        /** The offer's status in words. */
        public String statusText() {
            return switch (status) {
                case DRAFT -> "Not published";
                case OFFERED -> circle != null ? "Waiting for your answer" : "Waiting for answers";
                case ACCEPTED -> circle != null ? "Seat confirmed" : "Both accepted";
                case DECLINED -> "Declined";
                case WITHDRAWN -> "Withdrawn";
                case EXPIRED -> "No answer in time";
            };
        }

        /** Whether both sides accepted: the mentorship is on. */
        public boolean on() {
            return status == OfferStatus.ACCEPTED;
        }
    }

    /**
     * The circle a seat offer is in, as the member reads it: its mentor, the other members holding seats (name and
     * institution), and the weekly meeting in the member's own zone.
     */
    record SeatCircle(String mentorName, List<String> others, String meeting, String startDate) {

        /** How many others hold a seat, in words: "No other member holds a seat yet", "2 other members hold seats". */
        public String othersInWords() {
            return switch (others.size()) {
                case 0 -> "No other member holds a seat yet";
                case 1 -> "1 other member holds a seat";
                default -> others.size() + " other members hold seats";
            };
        }
    }

    /** A circle the signed-in mentor leads: members holding seats by name, the meeting in their zone, the seats. */
    record LedCircle(String id, List<String> members, String meeting, String startDate, int accepted, int waiting,
            int declined) {
    }

    private final LifecycleService lifecycle;
    private final RequestService requests;
    private final MentorService mentors;
    private final CircleOffers circleOffers;

    OfferModel(LifecycleService lifecycle, RequestService requests, MentorService mentors,
            CircleOffers circleOffers) {
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.mentors = mentors;
        this.circleOffers = circleOffers;
    }

    /** The circles the signed-in mentor leads through published seats; empty for anyone else. */
    @ModelAttribute("ledCircles")
    List<LedCircle> ledCircles() {
        Viewer viewer;
        try {
            viewer = Viewer.current();
        } catch (RuntimeException notSignedIn) {
            return List.of();
        }
        if (viewer.role() != Role.MENTOR || viewer.personExternalId() == null) {
            return List.of();
        }
        ZoneId zone = mentors.find(viewer.personExternalId()).map(stored -> stored.mentor().timeZone()).orElse(null);
        return circleOffers.ledBy(viewer.personExternalId()).stream().map(circle -> {
            CircleOffers.SeatCounts counts = circleOffers.counts(circle.id());
            return new LedCircle(circle.id(), circleOffers.members(circle.id()).stream()
                    .map(CircleOffers.Member::inWords).toList(), CircleOffers.meetingIn(circle, zone),
                    org.mentoring.common.Days.inWords(circle.startDate()), counts.accepted(), counts.waiting(),
                    counts.declined());
        }).toList();
    }

    /** The circle of a seat offer as the member reads it; null for a pair's offer. */
    private SeatCircle seatCircle(Offer offer, ZoneId zone) {
        return circleOffers.circleOfSeat(offer.id()).map(circle -> new SeatCircle(
                mentorName(circle.mentorExternalId()),
                circleOffers.members(circle.id()).stream()
                        .filter(member -> !member.requestExternalId().equals(offer.requestExternalId()))
                        .map(CircleOffers.Member::inWords).toList(),
                CircleOffers.meetingIn(circle, zone), org.mentoring.common.Days.inWords(circle.startDate())))
                .orElse(null);
    }

    @ModelAttribute("offers")
    List<OfferRow> offers() {
        Viewer viewer;
        try {
            viewer = Viewer.current();
        } catch (RuntimeException notSignedIn) {
            return List.of();
        }
        if (viewer.role() == Role.RESEARCHER) {
            Map<String, ZoneId> own = new HashMap<>();
            requests.find(RequestFilter.ALL.ownedBy(viewer.email()), PageRequest.of(0, 50))
                    .forEach(stored -> own.put(stored.request().externalId(), stored.request().timeZone()));
            return lifecycle.forRequests(own.keySet()).stream().filter(OfferModel::published)
                    .map(offer -> new OfferRow(offer.id(), mentorName(offer.mentorExternalId()),
                            offer.mentorExternalId(), offer.explanationFor(Side.RESEARCHER), offer.status(),
                            text(offer.researcherAnswer()), text(offer.mentorAnswer()),
                            open(offer) && offer.researcherAnswer() == null,
                            deadline(offer, own.get(offer.requestExternalId())),
                            seatCircle(offer, own.get(offer.requestExternalId()))))
                    .toList();
        }
        if (viewer.role() == Role.MENTOR && viewer.personExternalId() != null) {
            ZoneId zone = mentors.find(viewer.personExternalId()).map(stored -> stored.mentor().timeZone())
                    .orElse(null);
            // seats are the circle's, which the mentor leads already: "Your circles" shows them, not one by one
            return lifecycle.forMentor(viewer.personExternalId()).stream().filter(OfferModel::published)
                    .filter(offer -> !offer.id().startsWith(org.mentoring.matching.persistence.ProposalDocument
                            .SEAT_PREFIX))
                    .map(offer -> new OfferRow(offer.id(), requestName(offer.requestExternalId()),
                            offer.requestExternalId(), offer.explanationFor(Side.MENTOR), offer.status(),
                            text(offer.mentorAnswer()), text(offer.researcherAnswer()),
                            open(offer) && offer.mentorAnswer() == null,
                            deadline(offer, zone), null))
                    .toList();
        }
        return List.of();
    }

    /** "Answer by 15 December 2026, 02:00" while it waits, "Expired on ..." once expired, in the reader's zone. */
    private static String deadline(Offer offer, ZoneId zone) {
        if (offer.answerBy() == null) {
            return null;
        }
        String when = OfferDeadlines.inWords(offer.answerBy(), zone) + (zone == null ? " UTC" : " (your time: "
                + org.mentoring.common.ZoneNames.flat(zone, offer.answerBy().atZone(zone).toLocalDate()) + ")");
        return switch (offer.status()) {
            case OFFERED -> open(offer) ? "Answer by " + when : "Expired on " + when + ", before both of you had"
                    + " answered";
            case EXPIRED -> "Expired on " + when + ", before both of you had answered";
            default -> null;
        };
    }

    /** Whether the offer may still be answered: OFFERED and its deadline not passed (it expires within a minute). */
    private static boolean open(Offer offer) {
        return offer.status() == OfferStatus.OFFERED && !OfferDeadlines.passed(offer.answerBy(), Instant.now());
    }

    private static boolean published(Offer offer) {
        return offer.status() != OfferStatus.DRAFT;
    }

    private String mentorName(String id) {
        return mentors.find(id).map(stored -> stored.mentor().name()).orElse(id);
    }

    private String requestName(String id) {
        return requests.find(id).map(stored -> stored.request().name()).orElse(id);
    }

    private static String text(Object answer) {
        return answer == null ? "not yet" : answer.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
