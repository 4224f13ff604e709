package org.mentoring.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.springframework.http.ProblemDetail;

class InvalidInputProblemTest {

    private final ApiProblemHandler handler = new ApiProblemHandler();

    @Test
    void oneFieldWhoseProblemIsTheWholeMessageIsSaidOnce() {
        ProblemDetail problem = handler.invalidInput(new InvalidInputException("cycle",
                "cycle: there is no cycle 'nope' (the cycles are 2026-05, 2027-01)"));

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getDetail()).isEqualTo("cycle: there is no cycle 'nope' (the cycles are 2026-05, 2027-01)");
        assertThat(problem.getProperties()).containsKey("errors");
    }

    @Test
    void aSummaryIsFollowedByEachFieldsProblem() {
        ProblemDetail problem = handler.invalidInput(new InvalidInputException("The matching run settings are not"
                + " valid", List.of(new FieldError("timeLimitSeconds", "must be between 1 and 3600 seconds"),
                        new FieldError("weights.goals", "must be between 0 and 1000, not -1"))));

        assertThat(problem.getDetail()).isEqualTo("The matching run settings are not valid: must be between 1 and"
                + " 3600 seconds; must be between 0 and 1000, not -1");
        assertThat(problem.getProperties()).extractingByKey("errors").asList().hasSize(2);
    }
}
