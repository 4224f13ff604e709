package org.mentoring.web.offer;

import java.util.List;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.lifecycle.OfferStatus;
import org.mentoring.lifecycle.Side;
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
     * still answer.
     */
    record OfferRow(String id, String otherName, String otherId, List<String> explanation, OfferStatus status,
            String yourAnswer, String theirAnswer, boolean canAnswer) {

        /** The offer's status in words. */
        public String statusText() {
            return switch (status) {
                case DRAFT -> "Not published";
                case OFFERED -> "Waiting for answers";
                case ACCEPTED -> "Both accepted";
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

    private final LifecycleService lifecycle;
    private final RequestService requests;
    private final MentorService mentors;

    OfferModel(LifecycleService lifecycle, RequestService requests, MentorService mentors) {
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.mentors = mentors;
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
            List<String> own = requests.find(RequestFilter.ALL.ownedBy(viewer.email()), PageRequest.of(0, 50))
                    .map(stored -> stored.request().externalId()).getContent();
            return lifecycle.forRequests(own).stream().filter(OfferModel::published)
                    .map(offer -> new OfferRow(offer.id(), mentorName(offer.mentorExternalId()),
                            offer.mentorExternalId(), offer.explanationFor(Side.RESEARCHER), offer.status(),
                            text(offer.researcherAnswer()), text(offer.mentorAnswer()),
                            offer.status() == OfferStatus.OFFERED && offer.researcherAnswer() == null))
                    .toList();
        }
        if (viewer.role() == Role.MENTOR && viewer.personExternalId() != null) {
            return lifecycle.forMentor(viewer.personExternalId()).stream().filter(OfferModel::published)
                    .map(offer -> new OfferRow(offer.id(), requestName(offer.requestExternalId()),
                            offer.requestExternalId(), offer.explanationFor(Side.MENTOR), offer.status(),
                            text(offer.mentorAnswer()), text(offer.researcherAnswer()),
                            offer.status() == OfferStatus.OFFERED && offer.mentorAnswer() == null))
                    .toList();
        }
        return List.of();
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
