package org.mentoring.matching.run;

import org.mentoring.cycles.CycleService;
import org.springframework.stereotype.Component;

/**
 * Which cycle a new run places: the one its settings name, else the cycle whose requests are open today, else the one
 * whose requests closed most recently, else {@code default} (see {@link org.mentoring.cycles.Calendar#forRun}).
 */
@Component
public class RunCycle {

    private final CycleService cycles;

    RunCycle(CycleService cycles) {
        this.cycles = cycles;
    }

    /**
     * @param requested the cycle the settings name, or null
     * @throws org.mentoring.common.InvalidInputException naming {@code cycle} when no cycle has that code
     */
    public String resolve(String requested) {
        return cycles.calendar().forRun(requested);
    }

    /** The day a cycle's mentorships start, or the calendar's today when there is no such cycle. */
    public java.time.LocalDate startsOn(String code) {
        org.mentoring.cycles.Calendar calendar = cycles.calendar();
        return calendar.find(code).map(org.mentoring.cycles.Cycle::startsOn).filter(java.util.Objects::nonNull)
                .orElse(calendar.today());
    }
}
