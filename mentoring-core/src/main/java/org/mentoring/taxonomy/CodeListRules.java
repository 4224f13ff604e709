package org.mentoring.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.common.PlainText;

/**
 * What a new taxonomy or topic list must be, every wrong field named: codes made of letters, digits, '-' and '_',
 * each child's code its parent's code, '/', and one segment, at most three levels (roots, branches, leaves), no code
 * twice, a name for each; each {@code replacedBy} pair from a code the change drops to one it keeps; and no code that
 * people use dropped without a replacement.
 */
final class CodeListRules {

    static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final int MAX_CODES = 2000;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_DEPTH = 3;

    private CodeListRules() {
    }

    /** The domains of a new tree, each parent before its children, or every wrong field. */
    static Taxonomy taxonomy(String name, List<TaxonomyNode> roots, Map<String, String> replacedBy,
            Taxonomy current, Map<String, CodeUsage> usage) {
        List<FieldError> errors = new ArrayList<>();
        String title = name == null || name.isBlank() ? current.name() : name.strip();
        text("name", title, errors);
        List<Domain> domains = new ArrayList<>();
        Map<String, String> seenAt = new HashMap<>();
        if (roots == null || roots.isEmpty()) {
            errors.add(new FieldError("roots", "roots needs at least one domain"));
        } else {
            for (int i = 0; i < roots.size(); i++) {
                node(roots.get(i), null, "roots[" + i + "]", 1, domains, seenAt, errors);
            }
        }
        if (domains.size() > MAX_CODES) {
            errors.add(new FieldError("roots", "the taxonomy has " + domains.size() + " domains; at most "
                    + MAX_CODES + " are allowed"));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        domains.forEach(domain -> kept.put(domain.code(), domain.code()));
        replacements(replacedBy, current::contains, kept::containsKey, "taxonomy", errors);
        // a code written in the tree, even on a node with a mistake, is not one the change drops
        java.util.Set<String> written = new java.util.HashSet<>(kept.keySet());
        mentioned(roots, written);
        inUse(usage, written::contains, replacedBy, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the taxonomy was not changed", errors);
        }
        return new Taxonomy(title, domains);
    }

    /** A new topic list, or every wrong field. */
    static Topics topics(List<Topic> topics, Map<String, String> replacedBy, Topics current,
            Map<String, CodeUsage> usage) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Topic> kept = new LinkedHashMap<>();
        List<Topic> given = topics == null ? List.of() : topics;
        if (given.size() > MAX_CODES) {
            errors.add(new FieldError("topics", "the list has " + given.size() + " topics; at most " + MAX_CODES
                    + " are allowed"));
        }
        for (int i = 0; i < given.size() && i <= MAX_CODES; i++) {
            String at = "topics[" + i + "]";
            Topic topic = given.get(i);
            if (topic == null) {
                errors.add(new FieldError(at, at + " is empty"));
                continue;
            }
            String code = topic.code() == null ? null : topic.code().strip();
            String name = topic.name() == null ? null : topic.name().strip();
            boolean good = code(at + ".code", code, errors);
            good &= text(at + ".name", name, errors);
            if (good && kept.containsKey(code)) {
                errors.add(new FieldError(at + ".code", at + ".code '" + code + "' appears twice"));
            } else if (good) {
                kept.put(code, new Topic(code, name));
            }
        }
        replacements(replacedBy, current::contains, kept::containsKey, "topic list", errors);
        java.util.Set<String> written = new java.util.HashSet<>(kept.keySet());
        given.stream().filter(topic -> topic != null && topic.code() != null)
                .forEach(topic -> written.add(topic.code().strip()));
        inUse(usage, written::contains, replacedBy, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the topics were not changed", errors);
        }
        return new Topics(List.copyOf(kept.values()));
    }

    private static void mentioned(List<TaxonomyNode> nodes, java.util.Set<String> into) {
        if (nodes == null || into.size() > 2 * MAX_CODES) {
            return;
        }
        for (TaxonomyNode node : nodes) {
            if (node != null) {
                if (node.code() != null) {
                    into.add(node.code().strip());
                }
                mentioned(node.children(), into);
            }
        }
    }

    private static void node(TaxonomyNode node, String parent, String at, int depth, List<Domain> into,
            Map<String, String> seenAt, List<FieldError> errors) {
        if (node == null) {
            errors.add(new FieldError(at, at + " is empty"));
            return;
        }
        if (into.size() > MAX_CODES) {
            return;
        }
        String code = node.code() == null ? null : node.code().strip();
        String name = node.name() == null ? null : node.name().strip();
        boolean good = true;
        if (code == null || code.isEmpty()) {
            errors.add(new FieldError(at + ".code", at + ".code is required"));
            good = false;
        } else if (parent == null) {
            good = code(at + ".code", code, errors);
        } else if (!code.startsWith(parent + "/") || code.indexOf('/', parent.length() + 1) >= 0) {
            errors.add(new FieldError(at + ".code", at + ".code '" + shown(code) + "' is not under its parent '"
                    + parent + "': a child's code is its parent's code, '/' and one more part, such as " + parent
                    + "/" + "new-topic"));
            good = false;
        } else {
            good = code(at + ".code", code.substring(parent.length() + 1), errors);
        }
        good &= text(at + ".name", name, errors);
        if (good) {
            String earlier = seenAt.putIfAbsent(code, at);
            if (earlier != null) {
                errors.add(new FieldError(at + ".code", at + ".code '" + code + "' appears twice (also at "
                        + earlier + ")"));
                good = false;
            }
        }
        if (good) {
            into.add(new Domain(code, name, parent));
        }
        if (!node.children().isEmpty() && depth >= MAX_DEPTH) {
            errors.add(new FieldError(at + ".children", at + ".children: a taxonomy has three levels (roots, "
                    + "branches and leaves), so a leaf has no children"));
            return;
        }
        for (int i = 0; i < node.children().size(); i++) {
            node(node.children().get(i), good ? code : (code == null ? "?" : code), at + ".children[" + i + "]",
                    depth + 1, into, seenAt, errors);
        }
    }

    private static boolean code(String at, String code, List<FieldError> errors) {
        if (code == null || code.isEmpty()) {
            errors.add(new FieldError(at, at + " is required"));
            return false;
        }
        if (!SEGMENT.matcher(code).matches()) {
            errors.add(new FieldError(at, at + " '" + shown(code) + "' must be 1 to 64 letters, digits, '-' or '_'"
                    + (code.contains("/") ? " after its parent's code and '/'" : "")
                    + ", starting with a letter or digit"));
            return false;
        }
        return true;
    }

    private static boolean text(String at, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(at, at + " is required"));
            return false;
        }
        if (value.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError(at, at + " is longer than " + MAX_NAME_LENGTH + " characters"));
            return false;
        }
        Optional<String> problem = PlainText.problem(value);
        if (problem.isPresent()) {
            errors.add(new FieldError(at, at + " " + problem.get()));
            return false;
        }
        return true;
    }

    private static void replacements(Map<String, String> replacedBy, java.util.function.Predicate<String> wasThere,
            java.util.function.Predicate<String> kept, String what, List<FieldError> errors) {
        if (replacedBy == null) {
            return;
        }
        for (Map.Entry<String, String> pair : new TreeMap<>(replacedBy).entrySet()) {
            String at = "replacedBy[" + pair.getKey() + "]";
            if (!wasThere.test(pair.getKey())) {
                errors.add(new FieldError(at, "replacedBy '" + shown(pair.getKey()) + "' is not a code of the current "
                        + what));
            } else if (kept.test(pair.getKey())) {
                errors.add(new FieldError(at, "replacedBy '" + pair.getKey() + "' stays in the new " + what
                        + ", so nobody's code needs replacing; only a code the change drops can be replaced"));
            }
            if (pair.getValue() == null || !kept.test(pair.getValue())) {
                errors.add(new FieldError(at, "replacedBy '" + shown(pair.getKey()) + "' names '"
                        + shown(pair.getValue()) + "', which is not in the new " + what));
            }
        }
    }

    private static void inUse(Map<String, CodeUsage> usage, java.util.function.Predicate<String> kept,
            Map<String, String> replacedBy, List<FieldError> errors) {
        List<String> dropped = new ArrayList<>();
        new TreeMap<>(usage).forEach((code, used) -> {
            if (used.people() > 0 && !kept.test(code) && (replacedBy == null || !replacedBy.containsKey(code))) {
                dropped.add(code + " (" + used.describe() + ")");
            }
        });
        if (!dropped.isEmpty()) {
            errors.add(new FieldError("replacedBy", "codes in use: " + String.join(", ", dropped)
                    + "; keep them, or say in replacedBy which code their people get instead"));
        }
    }

    private static String shown(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 60 ? value : value.substring(0, 60) + "… (" + value.length() + " characters)";
    }
}
