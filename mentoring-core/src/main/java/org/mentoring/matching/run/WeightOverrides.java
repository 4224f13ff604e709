package org.mentoring.matching.run;

import java.util.ArrayList;
import java.util.List;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.matching.domain.MatchingWeights;

/**
 * The weights an admin changes for one run, any subset: a null keeps the default. Each is between 0 (the
 * preference is off) and {@link MatchingWeights#MAX_WEIGHT}.
 */
public record WeightOverrides(
        Integer domainAffinity,
        Integer goals,
        Integer preferredMentor,
        Integer extraOverlap,
        Integer priority,
        Integer crossInstitution,
        Integer loadBalance) {

    /** No change: every default. */
    public static WeightOverrides none() {
        return new WeightOverrides(null, null, null, null, null, null, null);
    }

    /** Every weight out of range, each named {@code <prefix>.<weight>}. */
    List<FieldError> errors(String prefix) {
        Integer[] values = values();
        List<String> names = WeightSetting.names();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Integer value = values[i];
            if (value != null && (value < 0 || value > MatchingWeights.MAX_WEIGHT)) {
                errors.add(new FieldError(prefix + "." + names.get(i),
                        "must be between 0 and " + MatchingWeights.MAX_WEIGHT + ", not " + value));
            }
        }
        return errors;
    }

    /** {@code base} with these overrides applied; call only when {@link #errors} is empty. */
    MatchingWeights applyTo(MatchingWeights base) {
        return new MatchingWeights(
                domainAffinity == null ? base.domainAffinity() : domainAffinity,
                goals == null ? base.goals() : goals,
                preferredMentor == null ? base.preferredMentor() : preferredMentor,
                extraOverlap == null ? base.extraOverlap() : extraOverlap,
                priority == null ? base.priority() : priority,
                crossInstitution == null ? base.crossInstitution() : crossInstitution,
                loadBalance == null ? base.loadBalance() : loadBalance);
    }

    /** In the order of {@link WeightSetting#names()}. */
    private Integer[] values() {
        return new Integer[] {domainAffinity, goals, preferredMentor, extraOverlap, priority, crossInstitution,
            loadBalance};
    }
}
