package org.mentoring.web.admin;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.lifecycle.CircleOffers;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunCircle;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.time.WeeklyOverlap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Circles" page of a run: each mentoring circle with its mentor's and members' names, meeting and reasons, and
 * each published circle fallen below its minimum before it starts, with the open requests who fit it ("Fill this
 * circle") and a button to offer each a seat (ADMIN).
 */
@Controller
class AdminRunCirclesController {

    private final MatchingRunService runs;
    private final org.mentoring.matching.run.RunReader reader;
    private final MentorService mentors;
    private final RequestService requests;
    private final CircleOffers circleOffers;

    AdminRunCirclesController(MatchingRunService runs, org.mentoring.matching.run.RunReader reader,
            MentorService mentors, RequestService requests, CircleOffers circleOffers) {
        this.runs = runs;
        this.reader = reader;
        this.mentors = mentors;
        this.requests = requests;
        this.circleOffers = circleOffers;
    }

    /** A published circle below its minimum, with the open requests who fit it. */
    record FillRow(String circleId, int number, String mentorName, int holding, int minSize, String meetingUtc,
            List<Candidate> candidates) {
    }

    /** An open request who could take a seat: name, institution and their zone in words. */
    record Candidate(String externalId, String name, String institution, String zone) {
    }

    /**
     * Offers an open request a seat in one of this run's circles that fell below its minimum: the same seat offer as
     * publication makes, through the ledger, audited. Refused with the reason named when the circle is full or the
     * request no longer fits.
     */
    @PostMapping("/admin/runs/{id}/circles/{circleId}/seats")
    String offerSeat(@PathVariable String id, @PathVariable String circleId,
            @RequestParam(defaultValue = "") String requestExternalId, HttpServletRequest http,
            RedirectAttributes redirect) {
        reader.get(id);
        if (!circleId.startsWith(id + "-") || runs.circles(id).stream().noneMatch(c -> c.id().equals(circleId))) {
            throw new NotFoundException("mentoring circle", circleId);
        }
        try {
            var seat = circleOffers.offerSeatInRun(id, circleId, requestExternalId, Viewer.current().email(),
                    http.getRemoteAddr());
            String name = requests.find(seat.requestExternalId()).map(r -> r.request().name())
                    .orElse(requestExternalId);
            redirect.addFlashAttribute("fillNotice", "A seat is offered to " + name + ": they answer it like any"
                    + " offer.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("fillError", "No seat was offered. " + e.getMessage());
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("fillError", "No seat was offered: there is no such open request.");
        }
        return "redirect:/admin/runs/" + id + "/circles";
    }

    /** One circle as the page shows it. */
    record CircleRow(int number, String mentorName, String mentorExternalId, List<String> memberNames,
            String meetingUtc, String meetingMentor, List<String> explanation) {
    }

    @GetMapping("/admin/runs/{id}/circles")
    String circles(@PathVariable String id, Model model) {
        model.addAttribute("run", reader.get(id));
        List<RunCircle> circles = runs.circles(id);
        Set<String> requestIds = new LinkedHashSet<>();
        circles.forEach(c -> requestIds.addAll(c.members()));
        Map<String, String> names = new HashMap<>();
        for (MentorshipRequest request : requests.findAll(requestIds)) {
            names.put(request.externalId(), request.name() == null ? request.externalId() : request.name());
        }
        List<CircleRow> rows = new java.util.ArrayList<>();
        for (RunCircle circle : circles) {
            Mentor mentor = mentors.find(circle.mentorExternalId()).map(StoredMentor::mentor).orElse(null);
            String utc = WeeklyOverlap.describe(circle.meetingStart(), circle.meetingStart() + circle.meetingMinutes(),
                    java.time.ZoneOffset.UTC) + " UTC";
            String local = mentor == null ? null : WeeklyOverlap.describe(circle.meetingStart(),
                    circle.meetingStart() + circle.meetingMinutes(),
                    WeeklyOverlap.offsetOn(mentor.timeZone(), circle.startDate()))
                    + " in the mentor's zone, " + org.mentoring.common.ZoneNames.of(mentor.timeZone(), circle.startDate());
            rows.add(new CircleRow(rows.size() + 1, mentor == null ? circle.mentorExternalId() : mentor.name(),
                    circle.mentorExternalId(), circle.members().stream().map(m -> names.getOrDefault(m, m)).toList(),
                    utc, local, circle.explanation()));
        }
        model.addAttribute("circles", rows);
        List<FillRow> fill = new java.util.ArrayList<>();
        for (CircleOffers.BelowMinimum below : circleOffers.belowMinimum(id)) {
            int number = 0;
            for (int i = 0; i < circles.size(); i++) {
                if (circles.get(i).id().equals(below.circle().id())) {
                    number = i + 1;
                }
            }
            List<Candidate> candidates = circleOffers.candidates(below.circle().id()).stream()
                    .map(s -> new Candidate(s.request().externalId(), s.request().name(), s.request().institution(),
                            org.mentoring.common.ZoneNames.of(s.request().timeZone(), below.circle().startDate())))
                    .toList();
            fill.add(new FillRow(below.circle().id(), number, below.mentorName(), below.seats().holding(),
                    below.minSize(), WeeklyOverlap.describe(below.circle().meetingStart(),
                            below.circle().meetingStart() + below.circle().meetingMinutes(), java.time.ZoneOffset.UTC)
                            + " UTC", candidates));
        }
        model.addAttribute("fill", fill);
        return "admin/run-circles";
    }
}
