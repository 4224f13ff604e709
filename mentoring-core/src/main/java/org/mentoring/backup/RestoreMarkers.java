package org.mentoring.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.mentoring.common.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds the restore lock, and whether that restore is still writing: a restore counts as stopped when it failed
 * while writing, when this instance runs the embedded store and the restore began before this instance started (no
 * other process can be writing into it), or when its heartbeat is older than {@code staleAfter}.
 */
final class RestoreMarkers {

    private static final Logger log = LoggerFactory.getLogger(RestoreMarkers.class);

    private final RestoreLock lock;
    private final boolean ownStore;
    private final Duration staleAfter;
    private final BooleanSupplier holdsData;
    private final Instant bootedAt = Instant.now();
    /** This instance, as a restore marker names it: the process id and a random part, new at each start. */
    private final String instanceId = ProcessHandle.current().pid() + "-"
            + java.util.UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> ownRestores = ConcurrentHashMap.newKeySet();

    RestoreMarkers(RestoreLock lock, boolean ownStore, Duration staleAfter, BooleanSupplier holdsData) {
        this.lock = lock;
        this.ownStore = ownStore;
        this.staleAfter = staleAfter;
        this.holdsData = holdsData;
    }

    String instanceId() {
        return instanceId;
    }

    /** Marks a restore of this instance as writing, until {@link #finished}. */
    void started(String token) {
        ownRestores.add(token);
    }

    void finished(String token) {
        ownRestores.remove(token);
    }

    Optional<RestoreLock.Marker> find() {
        return lock.find();
    }

    RestoreStatus status(RestoreLock.Marker marker) {
        if (running(marker)) {
            return new RestoreStatus(RestoreStatus.State.RUNNING, marker.startedBy(), marker.startedAt(),
                    marker.heartbeatAt(), null);
        }
        String problem;
        if (marker.failure() != null) {
            problem = "it failed while writing: " + marker.failure();
        } else if (instanceId.equals(marker.instance())) {
            problem = "it stopped on this instance without removing its marker";
        } else if (ownStore) {
            problem = "the application stopped while it was writing";
        } else {
            problem = "its instance " + marker.instance() + " gave no sign of life for more than " + staleAfter
                    + "; it stopped while writing";
        }
        return new RestoreStatus(RestoreStatus.State.INTERRUPTED, marker.startedBy(), marker.startedAt(),
                marker.heartbeatAt(), problem);
    }

    boolean running(RestoreLock.Marker marker) {
        if (marker.failure() != null) {
            return false;
        }
        if (instanceId.equals(marker.instance())) {
            return ownRestores.contains(marker.token());
        }
        if (ownStore && marker.startedAt().isBefore(bootedAt)) {
            return false;
        }
        return !lock.silent(marker.token(), staleAfter);
    }

    /**
     * Takes the restore lock with {@code mine}, or takes over the marker of a restore that stopped.
     *
     * @return the interrupted restore replaced, or null when the lock was free
     */
    RestoreStatus take(RestoreLock.Marker mine) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<RestoreLock.Marker> current = lock.find();
            if (current.isEmpty()) {
                if (!lock.tryAcquire(mine)) {
                    continue;
                }
                if (holdsData.getAsBoolean()) {
                    lock.release(mine.token());
                    throw storeNotEmpty();
                }
                return null;
            }
            if (running(current.get())) {
                throw inProgress(current.get());
            }
            RestoreStatus replaced = status(current.get());
            if (lock.tryTakeOver(current.get().token(), mine)) {
                log.warn("Restore by {} replaces what the restore started by {} at {} left ({})", mine.startedBy(),
                        replaced.startedBy(), replaced.startedAt(), replaced.problem());
                return replaced;
            }
        }
        throw new ConflictException(BackupService.IN_PROGRESS, "Another restore is starting; try again once it has finished.");
    }

    void failQuietly(String token, String reason) {
        try {
            lock.fail(token, reason.length() > 500 ? reason.substring(0, 500) + "…" : reason);
        } catch (RuntimeException e) {
            log.error("The restore marker could not record the failure; it counts as stopped once its heartbeat is"
                    + " older than {}", staleAfter, e);
        }
    }

    void releaseQuietly(String token) {
        try {
            if (!lock.release(token)) {
                log.error("The restore finished, but its marker had been taken over by another restore");
            }
        } catch (RuntimeException e) {
            log.error("The restore finished, but its marker could not be removed: the store will report an"
                    + " interrupted restore, and restoring again clears it", e);
        }
    }

    static ConflictException storeNotEmpty() {
        return new ConflictException("store-not-empty", "The store already holds data; a backup is restored only"
                + " into an empty instance (a fresh one, with no people, runs or mentorships).");
    }

    static ConflictException inProgress(RestoreLock.Marker marker) {
        return new ConflictException(BackupService.IN_PROGRESS, "A restore started by " + marker.startedBy() + " at "
                + marker.startedAt() + " is writing into this store; wait for it to finish (GET"
                + " /api/v1/admin/restore/status).");
    }

}
