package org.mentoring.people.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImportRecordTest {

    private static ImportRecord holding(int mentors, int requests) {
        return new ImportRecord("i-1", "coordinator@example.org", "JSON", ImportStatus.COMPLETED, mentors, requests,
                Instant.EPOCH, Instant.EPOCH, 0, 0, null);
    }

    @Test
    void itsContentsNameOnlyWhatItHeldWithThousandsSeparated() {
        assertThat(holding(12, 340).contents()).isEqualTo("12 mentors and 340 requests");
        assertThat(holding(0, 8000).contents()).isEqualTo("8,000 requests");
        assertThat(holding(1, 0).contents()).isEqualTo("1 mentor");
        assertThat(holding(0, 1).contents()).isEqualTo("1 request");
    }
}
