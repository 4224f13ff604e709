package org.mentoring.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hierarchical research-domain taxonomy (roots, branches, leaves) and the affinity between a request's ranked
 * domains and a mentor's expertise on it.
 *
 * <p>Affinity of one requested domain to a mentor is its best match level over the mentor's domains: 3 when the
 * mentor has that domain, a domain inside it, or a domain it is inside (the same leaf); 2 when both are under the
 * same branch (the same parent); 1 when both are under the same root; 0 otherwise. A request's domains are ranked:
 * the first counts three times, the second twice, the rest once. So a request whose first choice the mentor has
 * exactly scores at least 9.
 */
public final class Taxonomy {

    public static final String DEFAULT_RESOURCE = "/taxonomy/planetary-health.json";
    public static final int EXACT = 3;
    public static final int SAME_PARENT = 2;
    public static final int SAME_ROOT = 1;

    private final String name;
    private final Map<String, Domain> domains;
    private final List<Domain> ordered;

    public Taxonomy(String name, Collection<Domain> domains) {
        this.name = name;
        Map<String, Domain> byCode = new LinkedHashMap<>();
        for (Domain domain : domains) {
            if (domain.parentCode() != null && !byCode.containsKey(domain.parentCode())) {
                throw new IllegalArgumentException("domain " + domain.code() + " names an unknown parent");
            }
            if (byCode.put(domain.code(), domain) != null) {
                throw new IllegalArgumentException("domain " + domain.code() + " appears twice");
            }
        }
        this.domains = Map.copyOf(byCode);
        this.ordered = List.copyOf(byCode.values());
    }

    /** The global and planetary health taxonomy shipped with the product. */
    public static Taxonomy planetaryHealth() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a taxonomy written as {@code {"name", "roots": [{"code", "name", "children": [...]}]}}. */
    public static Taxonomy read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<Domain> domains = new java.util.ArrayList<>();
        for (JsonNode node : root.path("roots")) {
            collect(node, null, domains);
        }
        return new Taxonomy(root.path("name").asText("Taxonomy"), domains);
    }

    private static void collect(JsonNode node, String parentCode, List<Domain> into) {
        String segment = node.path("code").asText();
        String code = parentCode == null ? segment : parentCode + "/" + segment;
        into.add(new Domain(code, node.path("name").asText(segment), parentCode));
        for (JsonNode child : node.path("children")) {
            collect(child, code, into);
        }
    }

    public String name() {
        return name;
    }

    /** Every domain, each parent before its children. */
    public List<Domain> domains() {
        return ordered;
    }

    public boolean contains(String code) {
        return domains.containsKey(code);
    }

    public Optional<Domain> find(String code) {
        return Optional.ofNullable(domains.get(code));
    }

    /** The match level (0 to 3, see the class comment) of one requested domain against one of a mentor's. */
    public static int matchLevel(String requested, String offered) {
        if (requested.equals(offered)
                || offered.startsWith(requested + "/")
                || requested.startsWith(offered + "/")) {
            return EXACT;
        }
        String[] a = requested.split("/");
        String[] b = offered.split("/");
        int common = 0;
        while (common < a.length && common < b.length && common < 2 && a[common].equals(b[common])) {
            common++;
        }
        return common;
    }

    /** How much a requested domain at a rank (0 = first) counts. */
    public static int rankWeight(int rank) {
        return Math.max(1, 3 - rank);
    }

    /** The best match level of one requested domain over all of a mentor's domains. */
    public static int bestLevel(String requested, Collection<String> offered) {
        int best = 0;
        for (String code : offered) {
            best = Math.max(best, matchLevel(requested, code));
            if (best == EXACT) {
                break;
            }
        }
        return best;
    }

    /** The affinity of a request's ranked domains to a mentor's expertise (see the class comment). */
    public static int affinity(List<String> rankedRequested, Collection<String> offered) {
        int total = 0;
        for (int rank = 0; rank < rankedRequested.size(); rank++) {
            total += rankWeight(rank) * bestLevel(rankedRequested.get(rank), offered);
        }
        return total;
    }

    /** The most affinity a request with these ranked domains can reach: every domain matched exactly. */
    public static int maxAffinity(List<String> rankedRequested) {
        int total = 0;
        for (int rank = 0; rank < rankedRequested.size(); rank++) {
            total += rankWeight(rank) * EXACT;
        }
        return total;
    }
}
