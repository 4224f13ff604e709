package org.mentoring.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.common.InvalidInputException;

/**
 * One change an admin makes on a page (add, rename, move or retire a domain; add, rename or retire a topic), turned
 * into the whole new list and its code replacements, which {@link ProgrammeTaxonomy} then checks and writes like a
 * {@code PUT}. Moving a domain changes its code and the codes inside it, so everyone using them follows it.
 */
public final class TaxonomyEdits {

    /** A new tree and the codes it replaces. */
    public record TreeEdit(List<TaxonomyNode> roots, Map<String, String> replacedBy) {
    }

    /** A new topic list and the codes it replaces. */
    public record TopicsEdit(List<Topic> topics, Map<String, String> replacedBy) {
    }

    private TaxonomyEdits() {
    }

    /** Adds a domain {@code parent/part} (a root when parent is blank) at the end of its parent's children. */
    public static TreeEdit add(Taxonomy taxonomy, String parent, String part, String name) {
        String parentCode = blank(parent) ? null : known(taxonomy, parent, "parent");
        String segment = part == null ? "" : part.strip();
        List<Domain> domains = new ArrayList<>(taxonomy.domains());
        domains.add(new Domain(parentCode == null ? segment : parentCode + "/" + segment, name == null ? "" : name,
                parentCode));
        return new TreeEdit(tree(domains), Map.of());
    }

    /** Gives a domain a new name; its code stays. */
    public static TreeEdit rename(Taxonomy taxonomy, String code, String name) {
        String renamed = known(taxonomy, code, "code");
        List<Domain> domains = taxonomy.domains().stream()
                .map(d -> d.code().equals(renamed) ? new Domain(d.code(), name == null ? "" : name, d.parentCode()) : d)
                .toList();
        return new TreeEdit(tree(domains), Map.of());
    }

    /** Moves a domain (and what is inside it) under another parent, or to the roots when it is blank. */
    public static TreeEdit move(Taxonomy taxonomy, String code, String newParent) {
        String moved = known(taxonomy, code, "code");
        String parentCode = blank(newParent) ? null : known(taxonomy, newParent, "parent");
        if (parentCode != null && (parentCode.equals(moved) || parentCode.startsWith(moved + "/"))) {
            throw new InvalidInputException("parent", "a domain cannot move inside itself");
        }
        String part = moved.substring(moved.lastIndexOf('/') + 1);
        String prefix = parentCode == null ? part : parentCode + "/" + part;
        Map<String, String> replacedBy = new LinkedHashMap<>();
        List<Domain> domains = new ArrayList<>();
        for (Domain d : taxonomy.domains()) {
            if (inside(d.code(), moved)) {
                String newCode = prefix + d.code().substring(moved.length());
                if (!newCode.equals(d.code())) {
                    replacedBy.put(d.code(), newCode);
                }
                domains.add(new Domain(newCode, d.name(), d.code().equals(moved) ? parentCode
                        : prefix + d.parentCode().substring(moved.length())));
            } else {
                domains.add(d);
            }
        }
        return new TreeEdit(tree(domains), replacedBy);
    }

    /** Removes a domain and what is inside it; their people get {@code replacement} (blank: nobody may use them). */
    public static TreeEdit retire(Taxonomy taxonomy, String code, String replacement, Map<String, CodeUsage> usage) {
        String retired = known(taxonomy, code, "code");
        Map<String, String> replacedBy = new LinkedHashMap<>();
        List<Domain> domains = new ArrayList<>();
        for (Domain d : taxonomy.domains()) {
            if (!inside(d.code(), retired)) {
                domains.add(d);
            } else if (!blank(replacement) && usage.getOrDefault(d.code(), CodeUsage.NONE).people() > 0) {
                replacedBy.put(d.code(), replacement.strip());
            }
        }
        return new TreeEdit(tree(domains), replacedBy);
    }

    /** Adds a topic at the end of the list. */
    public static TopicsEdit addTopic(Topics topics, String code, String name) {
        List<Topic> list = new ArrayList<>(topics.all());
        list.add(new Topic(code, name));
        return new TopicsEdit(list, Map.of());
    }

    /** Gives a topic a new name; its code stays. */
    public static TopicsEdit renameTopic(Topics topics, String code, String name) {
        if (!topics.contains(code)) {
            throw new InvalidInputException("code", "topic '" + code + "' is not on the list");
        }
        return new TopicsEdit(topics.all().stream()
                .map(topic -> topic.code().equals(code) ? new Topic(code, name) : topic).toList(), Map.of());
    }

    /** Removes a topic; its people get {@code replacement} (blank: nobody may use it). */
    public static TopicsEdit retireTopic(Topics topics, String code, String replacement, Map<String, CodeUsage> usage) {
        if (!topics.contains(code)) {
            throw new InvalidInputException("code", "topic '" + code + "' is not on the list");
        }
        List<Topic> list = new ArrayList<>(topics.all());
        list.removeIf(topic -> topic.code().equals(code));
        return new TopicsEdit(list, blank(replacement) || usage.getOrDefault(code, CodeUsage.NONE).people() == 0
                ? Map.of() : Map.of(code, replacement.strip()));
    }

    /** The tree of a list of domains whose parents are in it (in any order), each level in list order. */
    static List<TaxonomyNode> tree(List<Domain> domains) {
        Map<String, List<Domain>> children = new LinkedHashMap<>();
        List<Domain> roots = new ArrayList<>();
        for (Domain domain : domains) {
            if (domain.parentCode() == null) {
                roots.add(domain);
            } else {
                children.computeIfAbsent(domain.parentCode(), key -> new ArrayList<>()).add(domain);
            }
        }
        return roots.stream().map(root -> node(root, children)).toList();
    }

    private static TaxonomyNode node(Domain domain, Map<String, List<Domain>> children) {
        return new TaxonomyNode(domain.code(), domain.name(), children.getOrDefault(domain.code(), List.of()).stream()
                .map(child -> node(child, children)).toList());
    }

    private static boolean inside(String code, String ancestor) {
        return code.equals(ancestor) || code.startsWith(ancestor + "/");
    }

    private static String known(Taxonomy taxonomy, String code, String field) {
        if (blank(code) || !taxonomy.contains(code.strip())) {
            throw new InvalidInputException(field, "choose a domain of the taxonomy" + (blank(code) ? ""
                    : "; '" + code + "' is not one"));
        }
        return code.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
