package org.mentoring.api.taxonomy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The research-domain taxonomy as a tree. */
@Schema(description = "The research-domain taxonomy: roots, branches, leaves")
public record TaxonomyResponse(
        @Schema(example = "Global and planetary health") String name,
        List<DomainNode> roots) {

    /** A domain with the domains inside it. */
    @Schema(description = "A domain; its code is what mentors' and requests' domains name")
    public record DomainNode(
            @Schema(description = "Full code, the path from its root",
                    example = "planetary-health/climate-health/heat-health") String code,
            @Schema(example = "Heat and health") String name,
            List<DomainNode> children) {
    }
}
