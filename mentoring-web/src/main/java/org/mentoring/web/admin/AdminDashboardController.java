package org.mentoring.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mentoring.backup.BackupService;
import org.mentoring.backup.RestoreStatus;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.web.page.DomainTree;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coordinator's overview: who is waiting, who can mentor, and where demand outruns the places; and a warning
 * when a restore was cut short and left part of a backup in the store.
 */
@Controller
class AdminDashboardController {

    /** Open requests whose first choice lies in a branch, against the places of mentors with expertise there. */
    record BranchDemand(String branch, int openRequests, int places) {
    }

    private final RequestService requests;
    private final MentorService mentors;
    private final Taxonomy taxonomy;
    private final ObjectMapper json;
    private final BackupService backups;

    AdminDashboardController(RequestService requests, MentorService mentors, Taxonomy taxonomy, ObjectMapper json,
            BackupService backups) {
        this.requests = requests;
        this.mentors = mentors;
        this.taxonomy = taxonomy;
        this.json = json;
        this.backups = backups;
    }

    @GetMapping("/admin")
    String dashboard(Model model) throws JsonProcessingException {
        List<Mentor> withCapacity = mentors.withCapacity();
        List<MentorshipRequest> open = requests.withStatus(RequestStatus.OPEN);
        int places = withCapacity.stream().mapToInt(Mentor::capacity).sum();
        long taken = requests.count(RequestStatus.PROPOSED) + requests.count(RequestStatus.MATCHED);
        List<BranchDemand> demand = demand(open, withCapacity);
        model.addAttribute("openRequests", open.size());
        model.addAttribute("mentorCount", mentors.count());
        model.addAttribute("places", places);
        model.addAttribute("freePlaces", Math.max(0, places - taken));
        model.addAttribute("demand", demand);
        model.addAttribute("chartLabels", json.writeValueAsString(demand.stream().map(BranchDemand::branch).toList()));
        model.addAttribute("chartDemand", json.writeValueAsString(
                demand.stream().map(BranchDemand::openRequests).toList()));
        model.addAttribute("chartPlaces", json.writeValueAsString(demand.stream().map(BranchDemand::places).toList()));
        RestoreStatus restore = backups.restoreStatus();
        model.addAttribute("interruptedRestore", restore.interrupted() ? restore : null);
        return "admin/dashboard";
    }

    /** Per branch in taxonomy order; a mentor's places count in every branch of their expertise. */
    List<BranchDemand> demand(List<MentorshipRequest> open, List<Mentor> withCapacity) {
        Map<String, int[]> byBranch = new LinkedHashMap<>();
        taxonomy.domains().stream().filter(domain -> domain.depth() == 2)
                .forEach(domain -> byBranch.put(domain.name(), new int[2]));
        for (MentorshipRequest request : open) {
            if (!request.domains().isEmpty()) {
                DomainTree.branch(taxonomy, request.domains().get(0))
                        .ifPresent(branch -> byBranch.computeIfAbsent(branch.name(), key -> new int[2])[0]++);
            }
        }
        for (Mentor mentor : withCapacity) {
            Set<String> branches = mentor.domains().stream()
                    .map(code -> DomainTree.branch(taxonomy, code).map(Domain::name).orElse(null))
                    .filter(name -> name != null).collect(Collectors.toSet());
            branches.forEach(name -> byBranch.computeIfAbsent(name, key -> new int[2])[1] += mentor.capacity());
        }
        return byBranch.entrySet().stream()
                .map(entry -> new BranchDemand(entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList();
    }
}
