package org.mentoring.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.mentoring.backup.BackupService;
import org.mentoring.backup.RestoreStatus;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.run.RunReader;
import org.mentoring.notification.Delivery;
import org.mentoring.notification.DeliveryState;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.importing.ImportJournal;
import org.mentoring.people.importing.ImportRecord;
import org.mentoring.people.importing.ImportStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * What the application could not finish by itself, as the dashboard and {@code GET /api/v1/admin/attention} show
 * it: a restore cut short, the latest import when it was cut short, the latest run when it failed, publications
 * that have not gone through every proposal and still can, messages that could not be delivered, and published
 * mentoring circles fallen below their minimum before they start.
 */
@Service
public class AttentionService {

    /** How many of the latest runs are checked for a failure or an unfinished publication. */
    public static final int RUNS_CHECKED = 20;
    /** How many undeliverable messages are named. */
    static final int MESSAGES_NAMED = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ImportJournal imports;
    private final RunReader runs;
    private final BackupService backups;
    private final LifecycleService lifecycle;
    private final NotificationService notifications;

    public AttentionService(ImportJournal imports, RunReader runs, BackupService backups,
            LifecycleService lifecycle, NotificationService notifications) {
        this.imports = imports;
        this.runs = runs;
        this.backups = backups;
        this.lifecycle = lifecycle;
        this.notifications = notifications;
    }

    private org.mentoring.lifecycle.CircleOffers circles;

    /** The published circles, whose ones below their minimum need the coordinator; set by Spring. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setCircleOffers(org.mentoring.lifecycle.CircleOffers circles) {
        this.circles = circles;
    }

    /** What needs the coordinator now, from the store. */
    public Attention current() {
        Attention attention = withoutCircles();
        if (circles == null) {
            return attention;
        }
        List<Attention.Item> items = new ArrayList<>(attention.items());
        for (org.mentoring.lifecycle.CircleOffers.BelowMinimum below : circles.belowMinimum()) {
            String runId = below.circle().runId();
            items.add(new Attention.Item(Attention.CIRCLE_BELOW_MINIMUM, "The mentoring circle led by "
                    + below.mentorName() + " (from " + org.mentoring.common.Days.inWords(below.circle().startDate()) + ") has "
                    + below.seats().holding() + " seat" + (below.seats().holding() == 1 ? "" : "s")
                    + " accepted or waiting, below its minimum of " + below.minSize()
                    + ": offer a seat to someone who fits its meeting time.",
                    "/admin/runs/" + runId + "/circles#circle-" + below.circle().id(), "Fill this circle",
                    "/api/v1/matching-runs/" + runId + "/circles"));
        }
        return new Attention(items);
    }

    private Attention withoutCircles() {
        List<MatchingRun> latest = runs.list(PageRequest.of(0, RUNS_CHECKED, Sort.by(Sort.Direction.DESC,
                "createdAt"))).getContent();
        // one query gives both the count and the first few to name
        Page<Delivery> undeliverable = notifications.deliveries(DeliveryState.UNDELIVERABLE, 0, MESSAGES_NAMED);
        return compute(backups.restoreStatus(), imports.cutShort(), latest, lifecycle::isOutdated,
                undeliverable.getTotalElements(), undeliverable.getContent());
    }

    /**
     * What needs the coordinator, from these facts.
     *
     * @param latest the latest runs, newest first
     * @param outdated whether a run (by id) is outdated, so that its unfinished publication can no longer finish
     * @param undeliverable how many messages could not be delivered after every attempt
     * @param latestUndeliverable the latest of them, newest first
     */
    public static Attention compute(RestoreStatus restore, Optional<ImportRecord> cutShort, List<MatchingRun> latest,
            Predicate<String> outdated, long undeliverable, List<Delivery> latestUndeliverable) {
        List<Attention.Item> items = new ArrayList<>();
        if (restore.interrupted()) {
            items.add(new Attention.Item(Attention.RESTORE_INTERRUPTED, "A restore did not finish. The restore"
                    + " started by " + restore.startedBy() + " at " + when(restore.startedAt()) + " stopped: "
                    + restore.problem() + ". The store holds part of a backup: restore the backup again"
                    + " (POST /api/v1/admin/restore), which replaces what is there.", null, null,
                    "/api/v1/admin/restore"));
        }
        cutShort.ifPresent(cut -> items.add(new Attention.Item(Attention.IMPORT_CUT_SHORT, "The import of "
                + cut.contents() + " (" + cut.source() + ", by " + cut.actor() + ", started " + when(cut.startedAt())
                + ") " + (cut.status() == ImportStatus.INTERRUPTED ? "was interrupted. " : "failed. ") + cut.reason(),
                "/admin/import", "Import again", "/api/v1/import")));
        if (!latest.isEmpty() && latest.get(0).status() == RunStatus.FAILED) {
            MatchingRun failed = latest.get(0);
            items.add(new Attention.Item(Attention.RUN_FAILED, "The latest matching run failed: " + failed.reason(),
                    "/admin/runs/" + failed.id(), "See the run", "/api/v1/matching-runs/" + failed.id()));
        }
        latest.stream().filter(MatchingRun::publishUnfinished).filter(run -> !outdated.test(run.id()))
                .forEach(run -> items.add(new Attention.Item(Attention.PUBLICATION_UNFINISHED, "Publishing run "
                        + run.id() + " began " + when(run.publishedAt()) + " and has not gone through every"
                        + " proposal: it is still going, or the application stopped during it.",
                        "/admin/runs/" + run.id(), "Finish publishing",
                        "/api/v1/matching-runs/" + run.id() + "/publish")));
        if (undeliverable > 0 && !latestUndeliverable.isEmpty()) {
            String named = latestUndeliverable.stream().map(d -> "“" + d.subject() + "” to " + d.to())
                    .collect(Collectors.joining("; "));
            items.add(new Attention.Item(Attention.UNDELIVERABLE_MESSAGES, (undeliverable == 1 ? "1 message"
                    : undeliverable + " messages") + " could not be delivered after every attempt: " + named
                    + (undeliverable > latestUndeliverable.size() ? "; ..." : "") + ". The latest error: "
                    + latestUndeliverable.get(0).lastError() + ".", "/admin/deliveries", "See and retry them",
                    "/api/v1/admin/deliveries?state=UNDELIVERABLE"));
        }
        return new Attention(items);
    }

    private static String when(Instant instant) {
        return instant == null ? "an unknown time" : WHEN.format(instant);
    }
}
