package org.mentoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mentoring.backup.RestoreStatus;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.notification.Delivery;
import org.mentoring.notification.DeliveryState;
import org.mentoring.people.importing.ImportRecord;
import org.mentoring.people.importing.ImportStatus;

/** What needs the coordinator: each kind, in words, with the page and the API resource that deal with it. */
class AttentionServiceTest {

    private static final Instant AT = Instant.parse("2026-06-01T09:30:00Z");

    @Test
    void nothingCutShortNeedsNothing() {
        Attention none = AttentionService.compute(RestoreStatus.IDLE, Optional.empty(),
                List.of(run("run-2", RunStatus.COMPLETED, null), run("run-1", RunStatus.FAILED, null)),
                id -> false, 0, List.of());
        assertThat(none.isEmpty()).as("only the latest run's failure counts").isTrue();
    }

    @Test
    void everyKindSaysWhatHappenedAndWhereToDealWithIt() {
        RestoreStatus restore = new RestoreStatus(RestoreStatus.State.INTERRUPTED, "first@example.org", AT, AT,
                "the application stopped");
        ImportRecord cut = new ImportRecord("i-1", "first@example.org", "CSV upload", ImportStatus.INTERRUPTED, 12,
                340, AT, null, null, null, "Send the same import again.");
        List<MatchingRun> latest = List.of(run("run-3", RunStatus.FAILED, null),
                run("run-2", RunStatus.COMPLETED, AT), run("run-1", RunStatus.COMPLETED, AT));
        List<Delivery> failed = List.of(delivery("a@example.org"), delivery("b@example.org"),
                delivery("c@example.org"));

        Attention attention = AttentionService.compute(restore, Optional.of(cut), latest, "run-1"::equals, 5,
                failed);

        assertThat(attention.items()).extracting(Attention.Item::kind).containsExactly(
                Attention.RESTORE_INTERRUPTED, Attention.IMPORT_CUT_SHORT, Attention.RUN_FAILED,
                Attention.PUBLICATION_UNFINISHED, Attention.UNDELIVERABLE_MESSAGES);
        assertThat(attention.items().get(0).text()).contains("A restore did not finish", "first@example.org",
                "1 Jun 2026, 09:30 UTC", "the application stopped");
        assertThat(attention.items().get(0).page()).as("no page restores").isNull();
        assertThat(attention.items().get(0).api()).isEqualTo("/api/v1/admin/restore");
        assertThat(attention.items().get(1)).extracting(Attention.Item::page, Attention.Item::action,
                Attention.Item::api).containsExactly("/admin/import", "Import again", "/api/v1/import");
        assertThat(attention.items().get(1).text()).startsWith("The import of 12 mentors and 340 requests (CSV upload")
                .contains("was interrupted");
        assertThat(attention.items().get(2)).extracting(Attention.Item::text, Attention.Item::page,
                Attention.Item::api).containsExactly("The latest matching run failed: out of memory",
                        "/admin/runs/run-3", "/api/v1/matching-runs/run-3");
        assertThat(attention.items().get(3).text()).as("run-1 is outdated: its publication cannot finish")
                .startsWith("Publishing run run-2 began");
        assertThat(attention.items().get(3).api()).isEqualTo("/api/v1/matching-runs/run-2/publish");
        assertThat(attention.items().get(4).text()).startsWith("5 messages could not be delivered")
                .contains("“Your offer” to a@example.org", "; ...", "The latest error: connection refused.");
        assertThat(attention.items().get(4)).extracting(Attention.Item::page, Attention.Item::api)
                .containsExactly("/admin/deliveries", "/api/v1/admin/deliveries?state=UNDELIVERABLE");
    }

    private static MatchingRun run(String id, RunStatus status, Instant publishedAt) {
        return new MatchingRun(id, status, 10, null, 1, "test", null, null, null, null, null, null, List.of(), AT,
                AT, AT, 0, status == RunStatus.FAILED ? "out of memory" : null, publishedAt, null, null);
    }

    private static Delivery delivery(String to) {
        return new Delivery("d-" + to, to, "Your offer", DeliveryState.UNDELIVERABLE, 3, "connection refused", AT,
                null, AT, null, false);
    }
}
