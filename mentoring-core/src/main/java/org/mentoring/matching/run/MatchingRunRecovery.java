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

    private final MatchingRunService service;

    MatchingRunRecovery(MatchingRunService service) {
        this.service = service;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        service.recoverInterruptedRuns();
        service.startLeaseKeeping();
    }
}
