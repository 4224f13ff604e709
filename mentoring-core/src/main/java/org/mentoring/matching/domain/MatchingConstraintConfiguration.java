package org.mentoring.matching.domain;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The per-run soft weights as OptaPlanner reads them, one per configurable constraint. */
@ConstraintConfiguration(constraintPackage = MatchingConstraintConfiguration.PACKAGE)
public class MatchingConstraintConfiguration {

    public static final String PACKAGE = "org.mentoring.matching";
    public static final String DOMAIN_AFFINITY = "Research-domain affinity";
    public static final String GOALS = "Goals met by mentoring topics";
    public static final String PREFERRED_MENTOR = "Preferred mentor";
    public static final String EXTRA_OVERLAP = "More time together";
    public static final String PRIORITY = "Priority request matched";
    public static final String CROSS_INSTITUTION = "Crosses institutions and countries";
    public static final String LOAD_BALANCE = "Balanced mentor load";

    @ConstraintWeight(DOMAIN_AFFINITY)
    private HardMediumSoftLongScore domainAffinity;
    @ConstraintWeight(GOALS)
    private HardMediumSoftLongScore goals;
    @ConstraintWeight(PREFERRED_MENTOR)
    private HardMediumSoftLongScore preferredMentor;
    @ConstraintWeight(EXTRA_OVERLAP)
    private HardMediumSoftLongScore extraOverlap;
    @ConstraintWeight(PRIORITY)
    private HardMediumSoftLongScore priority;
    @ConstraintWeight(CROSS_INSTITUTION)
    private HardMediumSoftLongScore crossInstitution;
    @ConstraintWeight(LOAD_BALANCE)
    private HardMediumSoftLongScore loadBalance;
    private MatchingWeights weights;

    public MatchingConstraintConfiguration() {
        this(MatchingWeights.defaults());
    }

    public MatchingConstraintConfiguration(MatchingWeights weights) {
        this.weights = weights;
        domainAffinity = soft(weights.domainAffinity());
        goals = soft(weights.goals());
        preferredMentor = soft(weights.preferredMentor());
        extraOverlap = soft(weights.extraOverlap());
        priority = soft(weights.priority());
        crossInstitution = soft(weights.crossInstitution());
        loadBalance = soft(weights.loadBalance());
    }

    private static HardMediumSoftLongScore soft(int weight) {
        return HardMediumSoftLongScore.ofSoft(weight);
    }

    /** The weights this configuration was made from. */
    public MatchingWeights weights() {
        return weights;
    }

    public HardMediumSoftLongScore getDomainAffinity() {
        return domainAffinity;
    }

    public HardMediumSoftLongScore getGoals() {
        return goals;
    }

    public HardMediumSoftLongScore getPreferredMentor() {
        return preferredMentor;
    }

    public HardMediumSoftLongScore getExtraOverlap() {
        return extraOverlap;
    }

    public HardMediumSoftLongScore getPriority() {
        return priority;
    }

    public HardMediumSoftLongScore getCrossInstitution() {
        return crossInstitution;
    }

    public HardMediumSoftLongScore getLoadBalance() {
        return loadBalance;
    }
}
