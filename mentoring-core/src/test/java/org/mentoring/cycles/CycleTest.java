package org.mentoring.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CycleTest {

    @Test
    void aCycleIsPickedByItsNameAndRequestWindowNotByItsCode() {
        Cycle spring = new Cycle("2027-spring", "Spring 2027", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                LocalDate.of(2027, 4, 15), LocalDate.of(2027, 10, 15));

        assertThat(spring.choiceLabel()).isEqualTo("Spring 2027, requests 1 Mar 2027 to 31 Mar 2027")
                .doesNotContain("2027-spring");
        assertThat(Cycle.DEFAULT.choiceLabel()).isEqualTo("Default cycle (always open for requests)");
        assertThat(spring.label()).isEqualTo("Spring 2027 (2027-spring)");
    }
}
