package org.mentoring.taxonomy;

import java.util.List;

/** A domain with the domains inside it, as a whole taxonomy is written and read (codes are full paths). */
public record TaxonomyNode(String code, String name, List<TaxonomyNode> children) {

    public TaxonomyNode {
        children = children == null ? List.of() : children;
    }

    /** The taxonomy as its tree of roots, each parent before its children as {@link Taxonomy#domains()} orders them. */
    public static List<TaxonomyNode> roots(Taxonomy taxonomy) {
        java.util.Map<String, List<Domain>> children = new java.util.LinkedHashMap<>();
        List<Domain> roots = new java.util.ArrayList<>();
        for (Domain domain : taxonomy.domains()) {
            if (domain.parentCode() == null) {
                roots.add(domain);
            } else {
                children.computeIfAbsent(domain.parentCode(), code -> new java.util.ArrayList<>()).add(domain);
            }
        }
        return roots.stream().map(root -> of(root, children)).toList();
    }

    private static TaxonomyNode of(Domain domain, java.util.Map<String, List<Domain>> children) {
        return new TaxonomyNode(domain.code(), domain.name(), children.getOrDefault(domain.code(), List.of()).stream()
                .map(child -> of(child, children))
                .toList());
    }
}
