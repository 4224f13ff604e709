package org.mentoring.analytics;

import java.util.Map;
import org.mentoring.common.NotFoundException;
import org.mentoring.cycles.Calendar;
import org.mentoring.cycles.Cycle;
import org.mentoring.cycles.CycleService;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.RequestService;
import org.springframework.stereotype.Service;

/** Counts the requests of a cycle by where they stand, and compares a cycle with the previous one. */
@Service
public class CycleAnalytics {

    private final CycleService cycles;
    private final RequestService requests;

    CycleAnalytics(CycleService cycles, RequestService requests) {
        this.cycles = cycles;
        this.requests = requests;
    }

    /**
     * The cycle against the previous one.
     *
     * @param code a cycle's code; null for the current cycle (the one a run places by default)
     * @throws NotFoundException when no cycle has this code
     */
    public CycleComparison compare(String code) {
        Calendar calendar = cycles.calendar();
        Cycle cycle = code == null || code.isBlank() ? calendar.find(calendar.current()).orElse(Cycle.DEFAULT)
                : calendar.find(code.strip()).orElseThrow(() -> new NotFoundException("cycle", code));
        return new CycleComparison(summary(cycle),
                calendar.previous(cycle.code()).map(this::summary).orElse(null));
    }

    private CycleSummary summary(Cycle cycle) {
        Map<RequestStatus, int[]> counts = requests.countsInCycle(cycle.code());
        int total = 0;
        int priority = 0;
        for (int[] count : counts.values()) {
            total += count[0];
            priority += count[1];
        }
        return new CycleSummary(cycle.code(), cycle.name(), total, count(counts, RequestStatus.MATCHED, 0),
                count(counts, RequestStatus.PROPOSED, 0), count(counts, RequestStatus.OPEN, 0),
                count(counts, RequestStatus.WITHDRAWN, 0), priority, count(counts, RequestStatus.MATCHED, 1));
    }

    private static int count(Map<RequestStatus, int[]> counts, RequestStatus status, int index) {
        int[] count = counts.get(status);
        return count == null ? 0 : count[index];
    }
}
