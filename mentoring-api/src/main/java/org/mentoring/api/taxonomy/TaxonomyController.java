package org.mentoring.api.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.mentoring.api.security.Viewer;
import org.mentoring.api.taxonomy.TaxonomyResponse.DomainNode;
import org.mentoring.audit.AuditService;
import org.mentoring.taxonomy.ProgrammeTaxonomy;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.taxonomy.TaxonomyNode;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/taxonomy", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Taxonomy", description = "The research domains mentors and requests name: the programme's own")
class TaxonomyController {

    private final ProgrammeTaxonomy programme;
    private final AuditService audit;

    TaxonomyController(ProgrammeTaxonomy programme, AuditService audit) {
        this.programme = programme;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The research-domain taxonomy", description = "The programme's taxonomy as a tree (the "
            + "shipped global and planetary health taxonomy until an admin replaces it). A filter or a record may "
            + "name a root, a branch or a leaf; a filter on a code matches it and everything inside it.")
    TaxonomyResponse taxonomy() {
        return tree(programme.current());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the taxonomy (ADMIN)", description = "Takes the JSON GET gives (codes as full "
            + "paths: a child's code is its parent's code, '/' and one part of letters, digits, '-' or '_'; at most "
            + "three levels) and replaces the tree. A code that mentors' or requests' domains use can only go with "
            + "\"replacedBy\": {\"old/code\": \"new/code\"} beside roots, which moves everyone's domains to the new "
            + "code (a record that then names a code twice keeps it once, at its first rank). Audited.")
    @ApiResponse(responseCode = "200", description = "The taxonomy now in force")
    @ApiResponse(responseCode = "422", description = "Nothing changed: duplicate codes, a child not under its "
            + "parent's path, a blank name, a replacedBy target not in the new tree, or codes in use dropped "
            + "without replacedBy; each named")
    @ApiResponse(responseCode = "409", description = "Someone else changed the taxonomy meanwhile")
    TaxonomyResponse replace(@RequestBody TaxonomyUpdateRequest body) {
        ProgrammeTaxonomy.Change change = programme.replaceTaxonomy(body.name(), nodes(body.roots()),
                body.replacedBy(), Viewer.actorName());
        audit.record(Viewer.actorName(), "taxonomy.replace", "taxonomy", change.detail(), null);
        return tree(programme.current());
    }

    private static List<TaxonomyNode> nodes(List<DomainNode> given) {
        return given == null ? null : given.stream()
                .map(node -> node == null ? null : new TaxonomyNode(node.code(), node.name(), nodes(node.children())))
                .toList();
    }

    static TaxonomyResponse tree(Taxonomy taxonomy) {
        return new TaxonomyResponse(taxonomy.name(), TaxonomyNode.roots(taxonomy).stream()
                .map(TaxonomyController::node).toList());
    }

    private static DomainNode node(TaxonomyNode node) {
        return new DomainNode(node.code(), node.name(), node.children().stream().map(TaxonomyController::node)
                .toList());
    }
}
