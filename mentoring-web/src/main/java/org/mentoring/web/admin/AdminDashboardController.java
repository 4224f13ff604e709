package org.mentoring.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mentoring.backup.BackupService;
import org.mentoring.backup.RestoreStatus;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.matching.run.MatchingRun;
import org.mentoring.matching.run.MatchingRunService;
import org.mentoring.matching.run.RunStatus;
import org.mentoring.notification.Delivery;
import org.mentoring.notification.DeliveryState;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.importing.ImportJournal;
import org.mentoring.people.importing.ImportStatus;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.web.page.DomainTree;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coordinator's overview: who is waiting, who can mentor, and where demand outruns the places; and what the
 * application could not finish by itself.
 */
@Controller
class AdminDashboardController {

    /** Open requests whose first choice lies in a branch, against the places of mentors with expertise there. */
    record BranchDemand(String branch, int openRequests, int places) {
    }

    /** Something that went wrong and needs the coordinator, with where to deal with it (none when no page does). */
    record Attention(String text, String href, String action) {
    }

    /** How many of the latest runs are checked for a failure or an unfinished publication. */
    static final int RUNS_CHECKED = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final RequestService requests;
    private final MentorService mentors;
    private final Taxonomy taxonomy;
    private final ObjectMapper json;
    private final ImportJournal imports;
    private final MatchingRunService runs;
    private final BackupService backups;
    private final LifecycleService lifecycle;
    private final NotificationService notifications;

    AdminDashboardController(RequestService requests, MentorService mentors, Taxonomy taxonomy, ObjectMapper json,
            ImportJournal imports, MatchingRunService runs, BackupService backups, LifecycleService lifecycle,
            NotificationService notifications) {
        this.requests = requests;
        this.mentors = mentors;
        this.taxonomy = taxonomy;
        this.json = json;
        this.imports = imports;
        this.runs = runs;
        this.backups = backups;
        this.lifecycle = lifecycle;
        this.notifications = notifications;
    }

    @GetMapping("/admin")
    String dashboard(Model model) throws JsonProcessingException {
        List<Mentor> withCapacity = mentors.withCapacity();
        List<MentorshipRequest> open = requests.withStatus(RequestStatus.OPEN);
        int places = withCapacity.stream().mapToInt(Mentor::capacity).sum();
        long taken = requests.count(RequestStatus.PROPOSED) + requests.count(RequestStatus.MATCHED);
        List<BranchDemand> demand = demand(open, withCapacity);
        model.addAttribute("attention", attention());
        model.addAttribute("openRequests", open.size());
        model.addAttribute("mentorCount", mentors.count());
        model.addAttribute("places", places);
        model.addAttribute("freePlaces", Math.max(0, places - taken));
        model.addAttribute("demand", demand);
        model.addAttribute("chartLabels", json.writeValueAsString(demand.stream().map(BranchDemand::branch).toList()));
        model.addAttribute("chartDemand", json.writeValueAsString(
                demand.stream().map(BranchDemand::openRequests).toList()));
        model.addAttribute("chartPlaces", json.writeValueAsString(demand.stream().map(BranchDemand::places).toList()));
        return "admin/dashboard";
    }

    /**
     * What the application could not finish by itself: a restore cut short, the latest import when it was cut short,
     * the latest run when it failed, and publications that have not gone through every proposal and still can.
     */
    List<Attention> attention() {
        List<Attention> notes = new ArrayList<>();
        RestoreStatus restore = backups.restoreStatus();
        if (restore.interrupted()) {
            notes.add(new Attention("A restore did not finish. The restore started by " + restore.startedBy()
                    + " at " + when(restore.startedAt()) + " stopped: " + restore.problem() + ". The store holds part"
                    + " of a backup: restore the backup again (POST /api/v1/admin/restore), which replaces what is"
                    + " there.", null, null));
        }
        imports.cutShort().ifPresent(cut -> notes.add(new Attention("The import of " + cut.contents() + " ("
                + cut.source() + ", by " + cut.actor() + ", started " + when(cut.startedAt()) + ") "
                + (cut.status() == ImportStatus.INTERRUPTED ? "was interrupted. " : "failed. ") + cut.reason(),
                "/admin/import", "Import again")));
        List<MatchingRun> latest = runs.list(PageRequest.of(0, RUNS_CHECKED, Sort.by(Sort.Direction.DESC,
                "createdAt"))).getContent();
        if (!latest.isEmpty() && latest.get(0).status() == RunStatus.FAILED) {
            MatchingRun failed = latest.get(0);
            notes.add(new Attention("The latest matching run failed: " + failed.reason(),
                    "/admin/runs/" + failed.id(), "See the run"));
        }
        latest.stream().filter(MatchingRun::publishUnfinished).filter(run -> !lifecycle.isOutdated(run.id()))
                .forEach(run -> notes.add(new Attention(
                "Publishing run " + run.id() + " began " + when(run.publishedAt()) + " and has not gone through every "
                        + "proposal: it is still going, or the application stopped during it.",
                "/admin/runs/" + run.id(), "Finish publishing")));
        undeliverable().ifPresent(notes::add);
        return notes;
    }

    /** The messages that could not be delivered after every attempt, the latest three named. */
    private java.util.Optional<Attention> undeliverable() {
        long count = notifications.undeliverable();
        if (count == 0) {
            return java.util.Optional.empty();
        }
        List<Delivery> latest = notifications.deliveries(DeliveryState.UNDELIVERABLE, 0, 3).getContent();
        String named = latest.stream().map(d -> "“" + d.subject() + "” to " + d.to()).collect(Collectors.joining("; "));
        return java.util.Optional.of(new Attention((count == 1 ? "1 message" : count + " messages")
                + " could not be delivered after every attempt: " + named + (count > latest.size() ? "; ..." : "")
                + ". The latest error: " + latest.get(0).lastError() + ".", "/admin/deliveries", "See and retry them"));
    }

    private static String when(Instant instant) {
        return instant == null ? "an unknown time" : WHEN.format(instant);
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
