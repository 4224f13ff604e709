package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;

/** The weights a run solves with. */
@Schema(description = "The weights a run solves with.")
record WeightsResponse(
        int domainAffinity,
        int goals,
        int preferredMentor,
        int extraOverlap,
        int priority,
        int crossInstitution,
        int loadBalance) {
}
