package org.mentoring.api.taxonomy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.mentoring.api.taxonomy.TaxonomyResponse.DomainNode;

/** A whole new taxonomy, as GET gives it, and where the people of the codes it drops go. */
@Schema(description = "The new taxonomy (the same JSON GET /api/v1/taxonomy gives) and code replacements")
public record TaxonomyUpdateRequest(
        @Schema(description = "Its name; the current one when left out", example = "Global and planetary health")
        String name,
        List<DomainNode> roots,
        @Schema(description = "Old code to new code, for each code people use that the new tree drops",
                example = "{\"planetary-health/climate-health/heat-health\": \"planetary-health/climate-health\"}")
        Map<String, String> replacedBy) {
}
