package org.mentoring.pins;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A coordinator's pin: the request (its id, so one pin per request) kept with a mentor by the next runs. A pin that a
 * run could no longer keep stays here, dropped, with the run and the reason, so that the coordinator can see why.
 *
 * @param requestExternalId the pinned request; the document's id, so a request has at most one pin
 * @param runId the run whose proposal was pinned
 * @param proposalId the proposal that was pinned
 * @param droppedAt when a run dropped it; null while it holds
 * @param droppedByRun the run that dropped it; null while it holds
 * @param droppedReason why, in plain words; null while it holds
 */
@Document(PinDocument.COLLECTION)
public record PinDocument(
        @Id String requestExternalId,
        String mentorExternalId,
        String pinnedBy,
        Instant pinnedAt,
        String runId,
        String proposalId,
        Instant droppedAt,
        String droppedByRun,
        String droppedReason) {

    public static final String COLLECTION = "pins";

    /** Whether later runs keep it. */
    public boolean active() {
        return droppedAt == null;
    }
}
