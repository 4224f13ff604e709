package org.mentoring.web.mentorship;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.feedback.FeedbackStage;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.mentorship.Introduction;
import org.mentoring.mentorship.Introductions;
import org.mentoring.mentorship.MentorshipEndings;
import org.mentoring.mentorship.MentorshipService;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.persistence.RequestService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in researcher's or mentor's own mentorships on their page: for each, the introduction to the other
 * person (their contact only ever goes to the two people of the mentorship), whether it can still be ended, and the
 * feedback that is due from the reader.
 */
@ControllerAdvice(basePackages = {"org.mentoring.web.request", "org.mentoring.web.mentor"})
class MentorshipModel {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    /**
     * One mentorship as its reader sees it.
     *
     * @param state in words, for example "Active until 1 August 2026" or "Ended early on 3 March 2026"
     * @param feedbackDue the stage whose feedback is asked of the reader now, or null
     */
    record MentorshipCard(String id, Introduction introduction, boolean active, String state, String endNote,
            FeedbackStage feedbackDue) {

        /** "mid-point" or "end-of-mentorship", for the feedback form's heading. */
        public String feedbackName() {
            return feedbackDue == FeedbackStage.MID ? "mid-point" : "end-of-mentorship";
        }
    }

    private final MentorshipService mentorships;
    private final Introductions introductions;
    private final MentorshipEndings endings;
    private final RequestService requests;

    MentorshipModel(MentorshipService mentorships, Introductions introductions, MentorshipEndings endings,
            RequestService requests) {
        this.mentorships = mentorships;
        this.introductions = introductions;
        this.endings = endings;
        this.requests = requests;
    }

    @ModelAttribute("mentorships")
    List<MentorshipCard> mentorships() {
        Viewer viewer;
        try {
            viewer = Viewer.current();
        } catch (RuntimeException notSignedIn) {
            return List.of();
        }
        if (!viewer.emailVerified()) {
            return List.of();
        }
        PageRequest page = PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "startDate").and(Sort.by("id")));
        List<Mentorship> own = new ArrayList<>();
        Side side;
        if (viewer.role() == Role.RESEARCHER) {
            side = Side.RESEARCHER;
            requests.find(RequestFilter.ALL.ownedBy(viewer.email()), PageRequest.of(0, 50))
                    .filter(stored -> viewer.ownsRequest(stored.request().email()))
                    .forEach(stored -> own.addAll(mentorships.list(stored.request().externalId(), null, null, page)
                            .getContent()));
        } else if (viewer.role() == Role.MENTOR && viewer.personExternalId() != null) {
            side = Side.MENTOR;
            own.addAll(mentorships.list(null, viewer.personExternalId(), null, page).getContent());
        } else {
            return List.of();
        }
        List<MentorshipCard> cards = new ArrayList<>();
        for (Mentorship mentorship : own) {
            introductions.of(mentorship, side).ifPresent(introduction -> cards.add(new MentorshipCard(
                    mentorship.id(), introduction, mentorship.status() == MentorshipStatus.ACTIVE, state(mentorship),
                    mentorship.endNote(), endings.feedbackDue(mentorship, side).orElse(null))));
        }
        return cards;
    }

    private static String state(Mentorship mentorship) {
        String end = mentorship.endDate() == null ? "" : DATE.format(mentorship.endDate());
        return switch (mentorship.status()) {
            case ACTIVE -> "Active since " + DATE.format(mentorship.startDate()) + ", until " + end;
            case COMPLETED -> "Completed on " + end;
            case ENDED_EARLY -> "Ended early on " + end;
        };
    }
}
