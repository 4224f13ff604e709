package org.mentoring.web.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mentoring.audit.AuditEvent;
import org.mentoring.audit.AuditService;
import org.mentoring.feedback.Feedback;
import org.mentoring.feedback.FeedbackService;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.mentorship.MentorshipService;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * A person's history for the coordinator, in time order: their request or profile created, offers and each side's
 * answer, mentorships begun and ended, feedback given, and what coordinators did to them (from the audit trail).
 */
@Component
class PersonHistory {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int MOST = 200;

    /** One thing that happened, with a link to the other person when there is one. */
    record Item(Instant at, String when, String what, String otherName, String otherHref) {
    }

    private final LifecycleService lifecycle;
    private final MentorshipService mentorships;
    private final FeedbackService feedback;
    private final AuditService audit;
    private final RequestService requests;
    private final MentorService mentors;

    PersonHistory(LifecycleService lifecycle, MentorshipService mentorships, FeedbackService feedback,
            AuditService audit, RequestService requests, MentorService mentors) {
        this.lifecycle = lifecycle;
        this.mentorships = mentorships;
        this.feedback = feedback;
        this.audit = audit;
        this.requests = requests;
        this.mentors = mentors;
    }

    /** The history of a request: the researcher's side. */
    List<Item> ofRequest(String externalId, Instant created, String email) {
        List<Item> items = new ArrayList<>();
        add(items, created, "Request created", null, null);
        List<Offer> offers = lifecycle.forRequests(List.of(externalId));
        List<Mentorship> theirs = mentorships.list(externalId, null, null, PageRequest.of(0, MOST)).getContent();
        Map<String, String> mentorNames = mentorNames(offers.stream().map(Offer::mentorExternalId).toList(),
                theirs.stream().map(Mentorship::mentorExternalId).toList());
        for (Offer offer : offers) {
            String mentor = mentorNames.getOrDefault(offer.mentorExternalId(), offer.mentorExternalId());
            String href = "/admin/mentors/" + AdminLists.path(offer.mentorExternalId());
            offerItems(items, offer, "Offered the mentor", mentor, href);
        }
        for (Mentorship m : theirs) {
            String mentor = mentorNames.getOrDefault(m.mentorExternalId(), m.mentorExternalId());
            mentorshipItems(items, m, mentor, "/admin/mentors/" + AdminLists.path(m.mentorExternalId()));
        }
        auditItems(items, externalId, email);
        return sorted(items);
    }

    /** The history of a mentor. */
    List<Item> ofMentor(String externalId, Instant created, String email) {
        List<Item> items = new ArrayList<>();
        add(items, created, "Profile created", null, null);
        List<Offer> offers = lifecycle.forMentor(externalId);
        List<Mentorship> theirs = mentorships.list(null, externalId, null, PageRequest.of(0, MOST)).getContent();
        Map<String, String> requestNames = requestNames(offers.stream().map(Offer::requestExternalId).toList(),
                theirs.stream().map(Mentorship::requestExternalId).toList());
        for (Offer offer : offers) {
            String researcher = requestNames.getOrDefault(offer.requestExternalId(), offer.requestExternalId());
            offerItems(items, offer, "Offered as mentor to", researcher,
                    "/admin/requests/" + AdminLists.path(offer.requestExternalId()));
        }
        for (Mentorship m : theirs) {
            String researcher = requestNames.getOrDefault(m.requestExternalId(), m.requestExternalId());
            mentorshipItems(items, m, researcher, "/admin/requests/" + AdminLists.path(m.requestExternalId()));
        }
        auditItems(items, externalId, email);
        return sorted(items);
    }

    private void offerItems(List<Item> items, Offer offer, String offered, String other, String href) {
        add(items, offer.offeredAt(), offered, other, href);
        answer(items, offer.researcherAnswer(), offer.researcherAnsweredAt(), offer.researcherAnsweredBy(),
                "The researcher", other, href);
        answer(items, offer.mentorAnswer(), offer.mentorAnsweredAt(), offer.mentorAnsweredBy(), "The mentor", other,
                href);
        if (offer.closedAt() != null && offer.status() != null) {
            switch (offer.status()) {
                case EXPIRED -> add(items, offer.closedAt(), "The offer expired without both answers", other, href);
                case WITHDRAWN -> add(items, offer.closedAt(), "The offer was withdrawn", other, href);
                default -> {
                    // accepted and declined show as the answers
                }
            }
        }
    }

    private static void answer(List<Item> items, Answer answer, Instant at, String by, String side, String other,
            String href) {
        if (answer == null) {
            return;
        }
        String what = side + (answer == Answer.ACCEPTED ? " accepted the offer" : " declined the offer")
                + (by == null ? "" : " (recorded by " + by + ")");
        add(items, at, what, other, href);
    }

    private void mentorshipItems(List<Item> items, Mentorship m, String other, String href) {
        add(items, start(m.startDate()), "Mentorship began with", other, href);
        if (m.endDate() != null && m.status() != MentorshipStatus.ACTIVE) {
            add(items, start(m.endDate()), m.status() == MentorshipStatus.COMPLETED ? "Mentorship completed with"
                    : "Mentorship ended early with", other, href);
        }
        for (Feedback f : feedback.of(m.id())) {
            add(items, f.createdAt(), "Feedback from the " + f.side().name().toLowerCase(Locale.ROOT) + " ("
                    + (f.stage().name().equals("MID") ? "midway" : "at the end") + "): " + f.rating() + " of 5"
                    + (f.comment() == null || f.comment().isBlank() ? "" : ", “" + f.comment() + "”")
                    + ", on the mentorship with", other, href);
        }
    }

    private void auditItems(List<Item> items, String externalId, String email) {
        Set<String> targets = new LinkedHashSet<>(List.of(externalId));
        if (email != null) {
            targets.add(email);
        }
        for (AuditEvent event : audit.about(targets, MOST)) {
            add(items, event.at(), AuditWords.of(event.action()) + " (by " + event.actor() + ")"
                    + (event.detail() == null || event.detail().isBlank() ? "" : ": " + event.detail()), null, null);
        }
    }

    private Map<String, String> mentorNames(List<String> a, List<String> b) {
        Map<String, String> names = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>(a);
        ids.addAll(b);
        for (Mentor mentor : mentors.findAll(ids)) {
            names.put(mentor.externalId(), mentor.name());
        }
        return names;
    }

    private Map<String, String> requestNames(List<String> a, List<String> b) {
        Map<String, String> names = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>(a);
        ids.addAll(b);
        for (MentorshipRequest request : requests.findAll(ids)) {
            names.put(request.externalId(), request.name());
        }
        return names;
    }

    private static Instant start(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void add(List<Item> items, Instant at, String what, String other, String href) {
        if (at != null) {
            items.add(new Item(at, WHEN.format(at), what, other, href));
        }
    }

    private static List<Item> sorted(List<Item> items) {
        items.sort(Comparator.comparing(Item::at));
        return items;
    }
}
