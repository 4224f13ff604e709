package org.mentoring.matching.persistence;

/** The weights a run solved with, as stored inside its run document. */
public record WeightsDocument(
        int domainAffinity,
        int goals,
        int preferredMentor,
        int extraOverlap,
        int priority,
        int crossInstitution,
        int loadBalance) {
}
