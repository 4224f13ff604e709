package org.mentoring.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;

class FieldErrorsTest {

    @Test
    void participantFormsSayWhatToDoInWordsNotFieldCodes() {
        InvalidInputException e = new InvalidInputException("invalid", List.of(
                new FieldError("careerStage", "careerStage is required"),
                new FieldError("languages[0]", "languages[0] 'xx' is not an ISO 639-1 language code such as en"),
                new FieldError("weeklyAvailability[1].end", "weeklyAvailability[1].end '25:00' is not a time"),
                new FieldError("timeZone", "timeZone 'India' is not an IANA time zone such as Africa/Nairobi")));

        Map<String, String> words = FieldErrors.inWords(e);

        assertThat(words).containsEntry("careerStage", "Choose a career stage")
                .containsEntry("languages", "Choose your languages from the list")
                .containsEntry("weeklyAvailability", "Weekly window 2 end '25:00' is not a time")
                .containsEntry("timeZone", "Choose your time zone from the list");
        assertThat(FieldErrors.summary(words)).as("each links to the control that takes the answer")
                .containsKeys("careerStage", "languages-filter", "slot-day-0", "timeZone");
    }
}
