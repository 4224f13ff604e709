package org.mentoring.matching.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.matching.domain.MatchingWeights;

class RunSettingsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 3601, 86_400})
    void aTimeLimitOutsideOneSecondToAnHourIsRefusedNamingTheField(int seconds) {
        assertThatThrownBy(() -> RunSettings.withTimeLimit(seconds).resolve(1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("timeLimitSeconds"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 30, 3600})
    void aTimeLimitFromOneSecondToAnHourIsKept(int seconds) {
        assertThat(RunSettings.withTimeLimit(seconds).resolve(1).timeLimitSeconds()).isEqualTo(seconds);
    }

    @Test
    void nothingGivenMeansThirtySecondsTheDefaultWeightsAndTheRandomSeed() {
        RunSettings.Resolved resolved = new RunSettings(null, null, null).resolve(42);

        assertThat(resolved.timeLimitSeconds()).isEqualTo(RunSettings.DEFAULT_TIME_LIMIT_SECONDS);
        assertThat(resolved.weights()).isEqualTo(MatchingWeights.defaults());
        assertThat(resolved.seed()).isEqualTo(42);
    }

    @Test
    void aGivenSeedWinsOverTheRandomOne() {
        assertThat(new RunSettings(5, null, 7L).resolve(42).seed()).isEqualTo(7);
    }

    @Test
    void weightsGivenReplaceTheirDefaultsAndTheOthersStay() {
        WeightOverrides overrides = new WeightOverrides(null, 0, null, null, 50, null, null);

        MatchingWeights weights = new RunSettings(5, overrides, null).resolve(1).weights();

        MatchingWeights defaults = MatchingWeights.defaults();
        assertThat(weights).isEqualTo(new MatchingWeights(defaults.domainAffinity(), 0, defaults.preferredMentor(),
                defaults.extraOverlap(), 50, defaults.crossInstitution(), defaults.loadBalance()));
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        WeightOverrides overrides = new WeightOverrides(-1, null, 1001, null, null, null, 2000);

        assertThatThrownBy(() -> new RunSettings(0, overrides, null).resolve(1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("timeLimitSeconds", "weights.domainAffinity", "weights.preferredMentor",
                                "weights.loadBalance"));
    }

    @Test
    void everyWeightHasADefaultAndADescription() {
        assertThat(WeightSetting.all()).extracting(WeightSetting::name).containsExactly("domainAffinity", "goals",
                "preferredMentor", "extraOverlap", "priority", "crossInstitution", "loadBalance");
        assertThat(WeightSetting.all()).allSatisfy(w -> assertThat(w.description()).isNotBlank());
        assertThat(WeightSetting.all()).filteredOn(w -> w.name().equals("priority"))
                .extracting(WeightSetting::defaultWeight).containsExactly(MatchingWeights.defaults().priority());
    }
}
