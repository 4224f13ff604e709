package org.mentoring.backup;

import java.time.Instant;

/**
 * Whether a restore is writing into this store, or one was cut short and left part of a backup in it.
 *
 * @param state idle, running or interrupted
 * @param startedBy who started the restore; null when idle
 * @param startedAt when it began writing; null when idle
 * @param lastSignOfLife when it last wrote its heartbeat; null when idle
 * @param problem what happened to an interrupted restore, in words; null otherwise
 */
public record RestoreStatus(State state, String startedBy, Instant startedAt, Instant lastSignOfLife,
        String problem) {

    /** No restore is writing and none was cut short. */
    public static final RestoreStatus IDLE = new RestoreStatus(State.IDLE, null, null, null, null);

    /** What the store's restore marker says. */
    public enum State {
        /** No marker: the store holds no partial restore. */
        IDLE,
        /** A restore is writing now. */
        RUNNING,
        /**
         * A restore stopped before it finished (the application stopped or writing failed): the store holds part
         * of a backup, and the next restore replaces it.
         */
        INTERRUPTED
    }

    /** Whether a restore stopped before it finished and left part of a backup in the store. */
    public boolean interrupted() {
        return state == State.INTERRUPTED;
    }
}
