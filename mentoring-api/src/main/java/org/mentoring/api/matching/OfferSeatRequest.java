package org.mentoring.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mentoring.api.problem.StrictBody;

/** Whom to offer a free seat in a mentoring circle. */
@Schema(description = "The open request to offer a seat in the circle.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@StrictBody
record OfferSeatRequest(
        @Schema(description = "The externalId of an OPEN request open to circles (format CIRCLE or EITHER).",
                example = "r-17", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200)
        String requestExternalId) {
}
