package org.mentoring.matching.run;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At each start, marks FAILED the runs whose instance stopped while solving them, then keeps the leases: the
 * heartbeat of this instance's runs and the periodic check for runs of instances that died.
 */
@Component
class MatchingRunRecovery {

    private final RunRecovery recovery;
    private final RunLeaseKeeper leases;

    MatchingRunRecovery(RunRecovery recovery, RunLeaseKeeper leases) {
        this.recovery = recovery;
        this.leases = leases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        recovery.recoverInterruptedRuns();
        leases.startLeaseKeeping();
    }
}
