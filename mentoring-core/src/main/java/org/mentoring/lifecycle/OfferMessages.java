package org.mentoring.lifecycle;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.solver.Audience;
import org.mentoring.matching.solver.Explanation;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;

/**
 * What the two sides of an offer are told, through the outbox: each message once per offer, event and side (its key
 * is {@code <offer>:<event>:<side>}), so that repeating a step after a crash, or two instances doing it at once,
 * tells nobody twice. Each side reads why in their own words and the deadline in their own time zone.
 */
final class OfferMessages {

    static final String REMINDER_SUBJECT = "Your mentorship offer is waiting for your answer";
    static final String EXPIRED_SUBJECT = "A mentorship offer expired";

    private final RequestService requests;
    private final MentorService mentors;
    private final NotificationService notifications;

    OfferMessages(RequestService requests, MentorService mentors, NotificationService notifications) {
        this.requests = requests;
        this.mentors = mentors;
        this.notifications = notifications;
    }

    /** Sends each side the same news with the reasons for the pair in their own words. */
    void tellBothSides(ProposalDocument proposal, String event, String subject, String text) {
        researcher(proposal).ifPresent(request -> notifications.sendOnce(key(proposal, event, Side.RESEARCHER),
                request.email(), subject, body(proposal, text, Audience.RESEARCHER, request.timeZone())));
        mentor(proposal).ifPresent(mentor -> notifications.sendOnce(key(proposal, event, Side.MENTOR),
                mentor.email(), subject, body(proposal, text, Audience.MENTOR, mentor.timeZone())));
    }

    /**
     * Reminds whichever side has not answered that the deadline is near.
     *
     * @return how many messages were written (0 when both have answered)
     */
    int remind(ProposalDocument offer) {
        int written = 0;
        if (offer.researcherAnswer() == null) {
            Optional<MentorshipRequest> request = researcher(offer);
            if (request.isPresent()) {
                notifications.sendOnce(key(offer, "reminder", Side.RESEARCHER), request.get().email(),
                        REMINDER_SUBJECT, reminder(offer, request.get().timeZone(), mentorName(offer)));
                written++;
            }
        }
        if (offer.mentorAnswer() == null) {
            Optional<Mentor> mentor = mentor(offer);
            if (mentor.isPresent()) {
                notifications.sendOnce(key(offer, "reminder", Side.MENTOR), mentor.get().email(), REMINDER_SUBJECT,
                        reminder(offer, mentor.get().timeZone(), researcherName(offer)));
                written++;
            }
        }
        return written;
    }

    /** Tells both sides that the offer expired, that the place is free and that the pair may be proposed again. */
    void expired(ProposalDocument offer) {
        researcher(offer).ifPresent(request -> notifications.sendOnce(key(offer, "expired", Side.RESEARCHER),
                request.email(), EXPIRED_SUBJECT, expiredText(offer, request.timeZone(), mentorName(offer),
                        "Your request is open again: a later matching run may propose this mentor again, or"
                                + " another.")));
        mentor(offer).ifPresent(mentor -> notifications.sendOnce(key(offer, "expired", Side.MENTOR), mentor.email(),
                EXPIRED_SUBJECT, expiredText(offer, mentor.timeZone(), researcherName(offer),
                        "The place it held is free again: a later matching run may propose this researcher again,"
                                + " or another.")));
    }

    private static String reminder(ProposalDocument offer, ZoneId zone, String other) {
        return "Your mentorship offer with " + other + " is waiting for your answer. Please accept or decline it by "
                + OfferDeadlines.inWordsWithZone(offer.answerBy(), zone) + "; after that it expires and the place"
                + " goes to someone else. Sign in to read why you are proposed as a pair and to answer.\n\nOffer: "
                + offer.id() + "\n";
    }

    private static String expiredText(ProposalDocument offer, ZoneId zone, String other, String next) {
        return "The mentorship offer with " + other + " expired on " + OfferDeadlines.inWordsWithZone(
                offer.answerBy(), zone) + ": it was not answered by both of you in time, so it can no longer be"
                + " accepted or declined. " + next + "\n\nOffer: " + offer.id() + "\n";
    }

    /** The researcher's message of an offer as publishing sends it (without a deadline yet): subject, then text. */
    java.util.List<String> preview(ProposalDocument proposal, String subject, String text) {
        ZoneId zone = researcher(proposal).map(MentorshipRequest::timeZone).orElse(java.time.ZoneOffset.UTC);
        return java.util.List.of(subject, body(proposal, text, Audience.RESEARCHER, zone));
    }

    private static String body(ProposalDocument proposal, String text, Audience reader, ZoneId zone) {
        Explanation why = proposal.explanations();
        String deadline = proposal.answerBy() == null ? "" : "\nAnswer by: "
                + OfferDeadlines.inWordsWithZone(proposal.answerBy(), zone);
        return text + "\n\nRequest: " + proposal.requestExternalId() + "\nMentor: " + proposal.mentorExternalId()
                + "\nOffer: " + proposal.id() + deadline + "\n\nWhy this pair:\n- "
                + String.join("\n- ", why.to(reader)) + "\n";
    }

    private static String key(ProposalDocument proposal, String event, Side side) {
        return proposal.id() + ":" + event + ":" + (side == Side.RESEARCHER ? "researcher" : "mentor");
    }

    private Optional<MentorshipRequest> researcher(ProposalDocument proposal) {
        return requests.find(proposal.requestExternalId()).map(StoredRequest::request);
    }

    private Optional<Mentor> mentor(ProposalDocument proposal) {
        return mentors.find(proposal.mentorExternalId()).map(StoredMentor::mentor);
    }

    private String mentorName(ProposalDocument proposal) {
        return mentor(proposal).map(Mentor::name).orElse(proposal.mentorExternalId());
    }

    private String researcherName(ProposalDocument proposal) {
        return researcher(proposal).map(MentorshipRequest::name).orElse(proposal.requestExternalId());
    }
}
