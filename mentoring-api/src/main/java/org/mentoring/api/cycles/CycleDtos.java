package org.mentoring.api.cycles;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.mentoring.api.problem.StrictBody;
import org.mentoring.cycles.Calendar;
import org.mentoring.cycles.Cycle;
import org.mentoring.cycles.CycleInput;

/** The bodies of the cycles endpoints. */
final class CycleDtos {

    private CycleDtos() {
    }

    @Schema(description = "A new cycle: researchers ask from requestsOpen to requestsClose (both days included), its "
            + "mentorships run from startsOn to endsOn. The dates go in that order, and two cycles' request windows "
            + "may not share a day.", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    @StrictBody
    record CreateCycleRequest(
            @Schema(description = "Lowercase letters, digits and dashes, at most 40; unique; not 'default'",
                    example = "2027-spring") String code,
            @Schema(description = "What people see", example = "Spring 2027") String name,
            @Schema(description = "First day researchers may ask, yyyy-MM-dd", format = "date",
                    example = "2027-01-10") String requestsOpen,
            @Schema(description = "Last day researchers may ask, yyyy-MM-dd", format = "date",
                    example = "2027-02-15") String requestsClose,
            @Schema(description = "First day of the mentorships, yyyy-MM-dd", format = "date",
                    example = "2027-03-01") String startsOn,
            @Schema(description = "Last day of the mentorships, yyyy-MM-dd", format = "date",
                    example = "2027-08-31") String endsOn) {

        CycleInput toInput() {
            return new CycleInput(code, name, requestsOpen, requestsClose, startsOn, endsOn);
        }
    }

    @Schema(description = "A cycle. The cycle 'default' (no dates) is the single cycle of a programme that never "
            + "created one.")
    record CycleResponse(
            @Schema(example = "2027-spring") String code,
            @Schema(example = "Spring 2027") String name,
            LocalDate requestsOpen,
            LocalDate requestsClose,
            LocalDate startsOn,
            LocalDate endsOn,
            @Schema(description = "Whether researchers may ask in it today") boolean openForRequests,
            @Schema(description = "Whether its mentorships' last day has passed; nobody may be added to it then")
            boolean ended) {

        static CycleResponse of(Cycle cycle, LocalDate today) {
            return new CycleResponse(cycle.code(), cycle.name(), cycle.requestsOpen(), cycle.requestsClose(),
                    cycle.startsOn(), cycle.endsOn(), cycle.openForRequestsOn(today), cycle.endedBefore(today));
        }
    }

    @Schema(description = "The programme's cycles by the day their requests open")
    record CyclesResponse(
            @Schema(description = "Today in UTC, the day the answers are about") LocalDate today,
            @Schema(description = "The code of the cycle open for requests today; null when requests are closed",
                    example = "2027-spring") String openForRequests,
            @Schema(description = "The code of the cycle a run places and analytics show when none is named",
                    example = "2027-spring") String current,
            List<CycleResponse> cycles) {

        static CyclesResponse of(Calendar calendar) {
            return new CyclesResponse(calendar.today(),
                    calendar.openForRequests().map(Cycle::code).orElse(null), calendar.current(),
                    calendar.cycles().stream().map(cycle -> CycleResponse.of(cycle, calendar.today())).toList());
        }
    }
}
