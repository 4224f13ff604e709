package org.mentoring.matching.run;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At each start, marks FAILED the runs the application was solving when it last stopped. */
@Component
class MatchingRunRecovery {

    private final MatchingRunService service;

    MatchingRunRecovery(MatchingRunService service) {
        this.service = service;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        service.recoverInterruptedRuns();
    }
}
