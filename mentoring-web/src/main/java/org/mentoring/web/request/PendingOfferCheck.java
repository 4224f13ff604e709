package org.mentoring.web.request;

import java.util.ArrayList;
import java.util.List;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.Offer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.solver.Explanations;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.input.Checked;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.time.WeeklyOverlap;
import org.springframework.stereotype.Component;

/**
 * Says, before a researcher's change is saved, which of their offers still waiting for answers the changed request
 * would no longer fit (less time together than asked, no shared language, the mentor not available on the start
 * date, the mentor excluded), so that the page can warn and ask to confirm.
 */
@Component
class PendingOfferCheck {

    private final LifecycleService lifecycle;
    private final MentorService mentors;
    private final PeopleInputValidator validator;

    PendingOfferCheck(LifecycleService lifecycle, MentorService mentors, PeopleInputValidator validator) {
        this.lifecycle = lifecycle;
        this.mentors = mentors;
        this.validator = validator;
    }

    /**
     * Whether the request's offer now in force (waiting for answers while PROPOSED, accepted while MATCHED) is a seat in
     * a mentoring circle rather than a pair.
     */
    boolean isSeat(String requestExternalId, org.mentoring.people.RequestStatus status) {
        OfferStatus wanted = status == org.mentoring.people.RequestStatus.PROPOSED ? OfferStatus.OFFERED
                : status == org.mentoring.people.RequestStatus.MATCHED ? OfferStatus.ACCEPTED : null;
        if (wanted == null) {
            return false;
        }
        List<Offer> current = lifecycle.forRequests(List.of(requestExternalId)).stream()
                .filter(offer -> offer.status() == wanted).toList();
        return !current.isEmpty() && current.stream().allMatch(offer -> offer.id()
                .startsWith(org.mentoring.matching.persistence.ProposalDocument.SEAT_PREFIX));
    }

    /** One sentence per broken rule of each pending offer; empty when the change is invalid or breaks nothing. */
    List<String> wouldBreak(String requestExternalId, RequestInput input) {
        List<Offer> pending = lifecycle.forRequests(List.of(requestExternalId)).stream()
                .filter(offer -> offer.status() == OfferStatus.OFFERED).toList();
        if (pending.isEmpty()) {
            return List.of();
        }
        Checked<MentorshipRequest> checked = validator.request(input);
        if (!checked.valid()) {
            return List.of();
        }
        MentorshipRequest request = checked.value();
        List<String> broken = new ArrayList<>();
        for (Offer offer : pending) {
            Mentor mentor = mentors.find(offer.mentorExternalId()).map(stored -> stored.mentor()).orElse(null);
            if (mentor == null) {
                continue;
            }
            String who = mentor.name();
            int together = WeeklyOverlap.minutes(request.weeklyAvailability(), request.timeZone(),
                    mentor.weeklyAvailability(), mentor.timeZone(), request.startDate());
            if (together < request.minOverlapMinutes()) {
                broken.add("You and " + who + " would share " + Explanations.duration(together)
                        + " a week, less than the " + Explanations.duration(request.minOverlapMinutes())
                        + " you would now ask for.");
            }
            if (!PairEvaluator.sharesLanguage(request, mentor)) {
                broken.add("You and " + who + " would no longer share a language.");
            }
            if (!mentor.isAvailableOn(request.startDate())) {
                broken.add(who + " is not available on your new start date, " + request.startDate() + ".");
            }
            if (request.excludedMentorIds().contains(mentor.externalId())) {
                broken.add("You would exclude " + who + ", whose offer is waiting for answers.");
            }
        }
        return broken;
    }
}
