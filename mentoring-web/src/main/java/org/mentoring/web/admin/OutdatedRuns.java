package org.mentoring.web.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.run.RunReader;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Whether a run can no longer be published because a later publication made it stale, and why, in words. */
@Component
class OutdatedRuns {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final LifecycleService lifecycle;
    private final RunReader runs;

    OutdatedRuns(LifecycleService lifecycle, RunReader runs) {
        this.lifecycle = lifecycle;
        this.runs = runs;
    }

    /** Whether the completed, unpublished run is outdated. */
    boolean isOutdated(MatchingRun run) {
        return run.publishedAt() == null && lifecycle.isOutdated(run.id());
    }

    /** Why a run can no longer be published, naming the run published after it. */
    String why(MatchingRun run) {
        String later = runs.list(PageRequest.of(0, 50)).getContent().stream()
                .filter(other -> other.publishedAt() != null && !other.id().equals(run.id())
                        && other.publishedAt().isAfter(run.createdAt()))
                .max(Comparator.comparing(MatchingRun::publishedAt))
                .map(other -> "Run " + other.id() + " (started " + WHEN.format(other.createdAt()) + ")")
                .orElse("Another run");
        return later + " was published after this one was made, so this run's proposals no longer know which "
                + "mentors have free places. Start a new run and publish that one.";
    }
}
