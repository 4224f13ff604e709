package org.mentoring.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.model.UnmatchedRequest;

class UnmatchedCategoryTest {

    @Test
    void eachRequestCountsOnceUnderTheClosestAnyMentorCame() {
        UnmatchedRequest full = new UnmatchedRequest("r-1", List.of(
                "3 mentors share the request's first-choice domain heat-health: 2 are at capacity; 1 shares no"
                        + " language with the researcher",
                "Both mentors who fit the request's languages, dates and time are at capacity",
                "1 mentor shares no language with the researcher"));
        UnmatchedRequest noTime = new UnmatchedRequest("r-2", List.of(
                "2 mentors share a language and are available, but have less than 1 hour a week overlapping the"
                        + " researcher's availability",
                "1 mentor shares no language with the researcher"));
        UnmatchedRequest noLanguage = new UnmatchedRequest("r-3", List.of(
                "No mentor shares a language with the researcher (who speaks Portuguese)"));
        UnmatchedRequest dates = new UnmatchedRequest("r-4", List.of(
                "2 mentors are not available on the request's start date 2027-01-15"));
        UnmatchedRequest excluded = new UnmatchedRequest("r-5", List.of(
                "1 mentor is excluded as a conflict of interest"));
        UnmatchedRequest cutShort = new UnmatchedRequest("r-6", List.of(
                "1 mentor could still take this request: the run ended before placing it; run again with a longer"
                        + " time limit", "1 mentor is excluded as a conflict of interest"));

        assertThat(UnmatchedCategory.primary(full.reasons())).isEqualTo(UnmatchedCategory.CAPACITY);
        assertThat(UnmatchedCategory.primary(noTime.reasons())).isEqualTo(UnmatchedCategory.TIME);
        assertThat(UnmatchedCategory.primary(noLanguage.reasons())).isEqualTo(UnmatchedCategory.LANGUAGE);
        assertThat(UnmatchedCategory.primary(dates.reasons())).isEqualTo(UnmatchedCategory.DATES);
        assertThat(UnmatchedCategory.primary(excluded.reasons())).isEqualTo(UnmatchedCategory.EXCLUDED);
        assertThat(UnmatchedCategory.primary(cutShort.reasons())).isEqualTo(UnmatchedCategory.TIME_LIMIT);
        assertThat(UnmatchedCategory.primary(List.of("no mentor placed"))).isEqualTo(UnmatchedCategory.OTHER);
        // asked for a circle: no circle formed, none led on the start date, or the fitting ones full
        assertThat(List.of("you asked for a mentoring circle, and this run formed no circles",
                "no mentor leads a circle starting on 2027-01-15",
                "the circles that fit your week and language were full, or too few others could join one"))
                .allSatisfy(reason -> assertThat(UnmatchedCategory.primary(List.of(reason)))
                        .isEqualTo(UnmatchedCategory.CIRCLE));
        // a circle reason that names the rule it missed counts under that rule
        assertThat(UnmatchedCategory.primary(List.of("you excluded every mentor who leads a circle in your language")))
                .isEqualTo(UnmatchedCategory.EXCLUDED);
        assertThat(UnmatchedCategory.primary(List.of("no circle shares your language")))
                .isEqualTo(UnmatchedCategory.LANGUAGE);
        assertThat(UnmatchedCategory.primary(List.of("no circle meeting time fits your week")))
                .isEqualTo(UnmatchedCategory.TIME);
        assertThat(UnmatchedCategory.CIRCLE.label()).isEqualTo("No circle could take them");

        Map<UnmatchedCategory, Long> counts = UnmatchedCategory.count(List.of(full, noLanguage, noTime,
                new UnmatchedRequest("r-7", List.of("No mentor shares a language with the researcher (who speaks"
                        + " Swahili)")), dates, excluded, cutShort));
        assertThat(counts).containsExactly(Map.entry(UnmatchedCategory.LANGUAGE, 2L),
                Map.entry(UnmatchedCategory.TIME_LIMIT, 1L), Map.entry(UnmatchedCategory.CAPACITY, 1L),
                Map.entry(UnmatchedCategory.TIME, 1L), Map.entry(UnmatchedCategory.DATES, 1L),
                Map.entry(UnmatchedCategory.EXCLUDED, 1L));
        assertThat(UnmatchedCategory.LANGUAGE.label()).isEqualTo("No language shared");
    }
}
