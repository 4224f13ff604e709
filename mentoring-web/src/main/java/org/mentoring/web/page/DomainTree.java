package org.mentoring.web.page;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;

/** The taxonomy as a tree for a page's checkboxes, and the branch each code belongs to. */
public final class DomainTree {

    /** A domain with the domains inside it, in the taxonomy's order. */
    public record Node(String code, String name, List<Node> children) {

        /** Whether any of these codes lies inside this domain (so that its branch opens to show it). */
        public boolean hasAnyBelow(Collection<String> codes) {
            return codes != null && codes.stream().anyMatch(other -> other.startsWith(code + "/"));
        }
    }

    private DomainTree() {
    }

    /** The root domains, each with its descendants. */
    public static List<Node> of(Taxonomy taxonomy) {
        Map<String, List<Domain>> childrenOf = new LinkedHashMap<>();
        List<Domain> roots = new ArrayList<>();
        for (Domain domain : taxonomy.domains()) {
            if (domain.parentCode() == null) {
                roots.add(domain);
            } else {
                childrenOf.computeIfAbsent(domain.parentCode(), key -> new ArrayList<>()).add(domain);
            }
        }
        return roots.stream().map(root -> node(root, childrenOf)).toList();
    }

    private static Node node(Domain domain, Map<String, List<Domain>> childrenOf) {
        return new Node(domain.code(), domain.name(), childrenOf.getOrDefault(domain.code(), List.of()).stream()
                .map(child -> node(child, childrenOf)).toList());
    }

    /** The branch (second level, for example Climate and health) a code lies in; a root is its own. */
    public static Optional<Domain> branch(Taxonomy taxonomy, String code) {
        Optional<Domain> domain = taxonomy.find(code);
        while (domain.isPresent() && domain.get().depth() > 2 && domain.get().parentCode() != null) {
            domain = taxonomy.find(domain.get().parentCode());
        }
        return domain;
    }

    /** The names of these codes, the code itself where the taxonomy does not know it. */
    public static List<String> names(Taxonomy taxonomy, Collection<String> codes) {
        return codes.stream().map(code -> taxonomy.find(code).map(Domain::name).orElse(code)).toList();
    }
}
