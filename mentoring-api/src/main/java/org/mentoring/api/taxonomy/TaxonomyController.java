package org.mentoring.api.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.api.taxonomy.TaxonomyResponse.DomainNode;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/taxonomy", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Taxonomy", description = "The research domains mentors and requests name")
class TaxonomyController {

    private final TaxonomyResponse response;

    TaxonomyController(Taxonomy taxonomy) {
        this.response = tree(taxonomy);
    }

    @GetMapping
    @Operation(summary = "The research-domain taxonomy", description = "The shipped global and planetary health "
            + "taxonomy as a tree. A filter or a record may name a root, a branch or a leaf; a filter on a code "
            + "matches it and everything inside it.")
    TaxonomyResponse taxonomy() {
        return response;
    }

    private static TaxonomyResponse tree(Taxonomy taxonomy) {
        Map<String, List<Domain>> children = new LinkedHashMap<>();
        List<Domain> roots = new ArrayList<>();
        for (Domain domain : taxonomy.domains()) {
            if (domain.parentCode() == null) {
                roots.add(domain);
            } else {
                children.computeIfAbsent(domain.parentCode(), code -> new ArrayList<>()).add(domain);
            }
        }
        return new TaxonomyResponse(taxonomy.name(), roots.stream().map(root -> node(root, children)).toList());
    }

    private static DomainNode node(Domain domain, Map<String, List<Domain>> children) {
        return new DomainNode(domain.code(), domain.name(), children.getOrDefault(domain.code(), List.of()).stream()
                .map(child -> node(child, children))
                .toList());
    }
}
