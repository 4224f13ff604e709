package org.mentoring.matching.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a matching run is in its life. A run moves only forward: QUEUED to SOLVING, SOLVING to COMPLETED,
 * CANCELLED or FAILED; a queued run can also be cancelled or fail before it solves. The three ends are final.
 */
public enum RunStatus {
    /** Saved and waiting for its inputs to be read. */
    QUEUED,
    /** The solver is working; the score history grows. */
    SOLVING,
    /** Ended at its time limit; its best solution is saved. */
    COMPLETED,
    /** Stopped early; the best solution found until then is saved. */
    CANCELLED,
    /** Ended without a result; the reason says why. */
    FAILED;

    /** Queued or solving: holds the one-run-at-a-time lock. */
    public boolean isActive() {
        return this == QUEUED || this == SOLVING;
    }

    /** Whether the state machine allows the move from this status to {@code next}. */
    public boolean canMoveTo(RunStatus next) {
        return switch (this) {
            case QUEUED -> next == SOLVING || next == CANCELLED || next == FAILED;
            case SOLVING -> next == COMPLETED || next == CANCELLED || next == FAILED;
            case COMPLETED, CANCELLED, FAILED -> false;
        };
    }

    /** Every status from which a run may move to {@code target}; empty for QUEUED, where runs only begin. */
    public static Set<RunStatus> sourcesOf(RunStatus target) {
        Set<RunStatus> sources = EnumSet.noneOf(RunStatus.class);
        for (RunStatus status : values()) {
            if (status.canMoveTo(target)) {
                sources.add(status);
            }
        }
        return sources;
    }
}
