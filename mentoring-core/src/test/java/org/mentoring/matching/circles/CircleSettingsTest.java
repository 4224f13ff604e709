package org.mentoring.matching.circles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;

class CircleSettingsTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    @Test
    void missingSettingsTakeTheDefaults() {
        assertThat(CircleSettings.of(null, null, null, null, DAY)).isEqualTo(new CircleSettings(3, 6, 60, DAY));
        assertThat(CircleSettings.of(2, 12, 180, DAY.plusDays(7), DAY))
                .isEqualTo(new CircleSettings(2, 12, 180, DAY.plusDays(7)));
    }

    @Test
    void eachWrongSettingIsNamed() {
        assertThatThrownBy(() -> CircleSettings.of(1, 13, 50, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("circles.minSize", "circles.maxSize", "circles.meetingMinutes",
                                "circles.startDate"));
        assertThatThrownBy(() -> CircleSettings.of(5, 4, 60, DAY, DAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new InvalidInputException.FieldError("circles.maxSize",
                                "the largest circle (4) cannot be smaller than the smallest (5)")));
        assertThatThrownBy(() -> CircleSettings.of(3, 6, 195, DAY, DAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("circles.meetingMinutes"));
        assertThatThrownBy(() -> CircleSettings.of(3, 6, 20, DAY, DAY)).isInstanceOf(InvalidInputException.class);
        assertThat(CircleSettings.of(3, 6, 45, DAY, DAY).meetingMinutes()).isEqualTo(45);
    }

    @Test
    void theAdapterTakesFormatsAndCirclesAsMaps() {
        MentorshipRequest a = People.request("a", "UTC", People.slots("TUE 14:00-16:00"));
        MentorshipRequest b = People.request("b", "UTC", People.slots("TUE 14:00-16:00"));
        assertThat(CircleInputs.requests(List.of(a, b), Map.of("b", RequestFormat.CIRCLE)))
                .extracting(CircleRequest::format).containsExactly(RequestFormat.ONE_TO_ONE, RequestFormat.CIRCLE);
        var m = People.mentor("m", "UTC", java.util.Set.of("en"), 1, People.slots("TUE 14:00-16:00"));
        var n = People.mentor("n", "UTC", java.util.Set.of("en"), 1, People.slots("TUE 14:00-16:00"));
        assertThat(CircleInputs.mentors(List.of(m, n), Map.of("n", 2))).extracting(CircleMentor::circles)
                .containsExactly(0, 2);
    }
}
