package org.mentoring.web.admin;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** The "Circles" page of a run: each mentoring circle with its mentor's and members' names, meeting and reasons. */
@Controller
class AdminRunCirclesController {

    private final MatchingRunService runs;
    private final org.mentoring.matching.run.RunReader reader;
    private final MentorService mentors;
    private final RequestService requests;

    AdminRunCirclesController(MatchingRunService runs, org.mentoring.matching.run.RunReader reader,
            MentorService mentors, RequestService requests) {
        this.runs = runs;
        this.reader = reader;
        this.mentors = mentors;
        this.requests = requests;
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
        return "admin/run-circles";
    }
}
