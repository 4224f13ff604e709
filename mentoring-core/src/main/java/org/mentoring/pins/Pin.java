package org.mentoring.pins;

import java.time.Instant;

/**
 * A pin as a coordinator reads it, with both people's names.
 *
 * @param active true while later runs keep the pair; false once a run dropped it
 * @param droppedByRun the run that dropped it, when one did
 * @param droppedReason why the run could no longer keep it, in plain words
 */
public record Pin(String requestExternalId, String requestName, String mentorExternalId, String mentorName,
        String pinnedBy, Instant pinnedAt, String runId, String proposalId, boolean active, Instant droppedAt,
        String droppedByRun, String droppedReason) {
}
