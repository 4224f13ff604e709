package org.mentoring.web.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.common.InvalidInputException;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.mentorship.MentorshipSearch;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.PeopleSearch;
import org.mentoring.people.persistence.RequestService;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator's list of mentorships: the search finds a mentorship by its researcher or its mentor (name, email,
 * institution, country), the domain by the request's domains, and the status; each row names both people, linked
 * to their pages.
 */
@Controller
class AdminMentorshipsController {

    /** The most people a search or a domain narrows the mentorships to. */
    static final int MOST_FOUND = 5000;

    private final MentorshipSearch mentorships;
    private final PeopleSearch people;
    private final RequestService requests;
    private final MentorService mentors;

    AdminMentorshipsController(MentorshipSearch mentorships, PeopleSearch people, RequestService requests,
            MentorService mentors) {
        this.mentorships = mentorships;
        this.people = people;
        this.requests = requests;
        this.mentors = mentors;
    }

    /** A row: the mentorship and the names of its two people. */
    record Row(Mentorship mentorship, String researcher, String mentor) {
    }

    @GetMapping("/admin/mentorships")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        MentorshipStatus chosen = AdminLists.parse(MentorshipStatus.class, status);
        boolean searching = q != null && !q.isBlank();
        List<String> inDomain = null;
        if (domain != null && !domain.isBlank()) {
            try {
                inDomain = people.requestIds(null, domain, MOST_FOUND);
            } catch (InvalidInputException e) {
                model.addAttribute("filterError", "Pick a research domain from the list.");
                domain = null;
            }
        }
        Page<Mentorship> found = mentorships.find(searching ? people.requestIds(q, null, MOST_FOUND) : null,
                searching ? people.mentorIds(q, MOST_FOUND) : null, inDomain, chosen, page, PageLinks.PAGE_SIZE);
        Map<String, String> researchers = new HashMap<>();
        for (MentorshipRequest request : requests.findAll(
                found.map(Mentorship::requestExternalId).getContent())) {
            researchers.put(request.externalId(), request.name());
        }
        Map<String, String> mentorNames = new HashMap<>();
        for (Mentor mentor : mentors.findAll(found.map(Mentorship::mentorExternalId).getContent())) {
            mentorNames.put(mentor.externalId(), mentor.name());
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("domain", domain);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", MentorshipStatus.values());
        model.addAttribute("found", found);
        model.addAttribute("rows", found.map(m -> new Row(m,
                researchers.getOrDefault(m.requestExternalId(), m.requestExternalId()),
                mentorNames.getOrDefault(m.mentorExternalId(), m.mentorExternalId()))).getContent());
        model.addAttribute("pages", PageLinks.of(found, "/admin/mentorships",
                AdminLists.params(q, domain, "status", chosen)));
        return "admin/mentorships";
    }
}
