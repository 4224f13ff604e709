package org.mentoring.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";
    private static final String EXTREME_WEATHER = "planetary-health/climate-health/extreme-weather";
    private static final String ZOONOSES = "planetary-health/one-health/zoonoses";
    private static final String EPIDEMIOLOGY = "methods/epidemiology";
    private static final String CAUSAL_INFERENCE = "methods/epidemiology/causal-inference";
    private static final String MODELLING = "methods/modelling/climate-health-modelling";

    private final Taxonomy taxonomy = Taxonomy.planetaryHealth();

    @Test
    void theShippedTaxonomyHasRootsBranchesAndLeaves() {
        List<Domain> domains = taxonomy.domains();
        assertThat(domains.stream().filter(d -> d.depth() == 1)).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(d -> d.parentCode() == null);
        assertThat(domains.stream().filter(d -> d.depth() == 2)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(domains.stream().filter(d -> d.depth() == 3)).hasSizeGreaterThanOrEqualTo(30);
        assertThat(domains).allMatch(d -> d.depth() <= 3);
        assertThat(domains).filteredOn(d -> d.parentCode() != null)
                .allMatch(d -> taxonomy.contains(d.parentCode())
                        && d.code().equals(d.parentCode() + "/" + d.shortCode()));
        assertThat(domains).extracting(Domain::name).doesNotContainNull().allMatch(name -> !name.isBlank());
    }

    @Test
    void containsTheCodesNamedInTheProduct() {
        assertThat(taxonomy.contains(HEAT)).isTrue();
        assertThat(taxonomy.contains(EPIDEMIOLOGY)).isTrue();
        assertThat(taxonomy.find(HEAT)).get().extracting(Domain::name, Domain::parentCode, Domain::shortCode)
                .containsExactly("Heat and health", "planetary-health/climate-health", "heat-health");
        assertThat(taxonomy.contains("planetary-health/heat-health")).isFalse();
        assertThat(taxonomy.find("nowhere")).isEmpty();
    }

    @Test
    void everyParentComesBeforeItsChildren() {
        List<String> codes = taxonomy.domains().stream().map(Domain::code).toList();
        for (Domain domain : taxonomy.domains()) {
            if (domain.parentCode() != null) {
                assertThat(codes.indexOf(domain.parentCode())).isLessThan(codes.indexOf(domain.code()));
            }
        }
    }

    @Test
    void matchLevelsOnTheTree() {
        // Same leaf 3 > same parent 2 > same root 1 > none 0.
        assertThat(Taxonomy.matchLevel(HEAT, HEAT)).isEqualTo(Taxonomy.EXACT).isEqualTo(3);
        assertThat(Taxonomy.matchLevel(HEAT, EXTREME_WEATHER)).isEqualTo(Taxonomy.SAME_PARENT).isEqualTo(2);
        assertThat(Taxonomy.matchLevel(HEAT, ZOONOSES)).isEqualTo(Taxonomy.SAME_ROOT).isEqualTo(1);
        assertThat(Taxonomy.matchLevel(HEAT, CAUSAL_INFERENCE)).isZero();
        // Two branches under one root share only the root.
        assertThat(Taxonomy.matchLevel(EPIDEMIOLOGY, "methods/modelling")).isEqualTo(1);
        assertThat(Taxonomy.matchLevel(CAUSAL_INFERENCE, MODELLING)).isEqualTo(1);
    }

    @Test
    void anAncestorOrDescendantCountsAsExact() {
        assertThat(Taxonomy.matchLevel(EPIDEMIOLOGY, CAUSAL_INFERENCE)).isEqualTo(Taxonomy.EXACT);
        assertThat(Taxonomy.matchLevel(CAUSAL_INFERENCE, EPIDEMIOLOGY)).isEqualTo(Taxonomy.EXACT);
        assertThat(Taxonomy.matchLevel("methods", CAUSAL_INFERENCE)).isEqualTo(Taxonomy.EXACT);
        assertThat(Taxonomy.matchLevel(HEAT, "planetary-health")).isEqualTo(Taxonomy.EXACT);
        // A code that only starts with the same letters is not inside it.
        assertThat(Taxonomy.matchLevel("methods/epi", CAUSAL_INFERENCE)).isEqualTo(Taxonomy.SAME_ROOT);
        assertThat(Taxonomy.matchLevel("planetary", HEAT)).isZero();
    }

    @Test
    void bestLevelOverAMentorsDomains() {
        assertThat(Taxonomy.bestLevel(HEAT, List.of(CAUSAL_INFERENCE, ZOONOSES, EXTREME_WEATHER))).isEqualTo(2);
        assertThat(Taxonomy.bestLevel(HEAT, List.of(ZOONOSES, HEAT))).isEqualTo(3);
        assertThat(Taxonomy.bestLevel(HEAT, List.of())).isZero();
    }

    @Test
    void rankWeights() {
        assertThat(Taxonomy.rankWeight(0)).isEqualTo(3);
        assertThat(Taxonomy.rankWeight(1)).isEqualTo(2);
        assertThat(Taxonomy.rankWeight(2)).isEqualTo(1);
        assertThat(Taxonomy.rankWeight(5)).isEqualTo(1);
    }

    @Test
    void affinityWeighsEachRankedDomainByItsBestLevel() {
        // First choice heat-health at same parent (3 x 2), second epidemiology exact via a leaf under it (2 x 3).
        assertThat(Taxonomy.affinity(List.of(HEAT, EPIDEMIOLOGY), List.of(EXTREME_WEATHER, CAUSAL_INFERENCE)))
                .isEqualTo(12);
        // First choice exact: 9; a third choice at same root adds 1 x 1.
        assertThat(Taxonomy.affinity(List.of(HEAT, EPIDEMIOLOGY, "planetary-health/one-health/vector-ecology"),
                List.of(HEAT, ZOONOSES))).isEqualTo(9 + 0 + 2 * 1);
        assertThat(Taxonomy.affinity(List.of(HEAT), List.of(CAUSAL_INFERENCE))).isZero();
        assertThat(Taxonomy.affinity(List.of(), List.of(HEAT))).isZero();
        // The same domains in the other order weigh differently: the first choice counts most.
        assertThat(Taxonomy.affinity(List.of(EPIDEMIOLOGY, HEAT), List.of(HEAT))).isEqualTo(2 * 3);
        assertThat(Taxonomy.affinity(List.of(HEAT, EPIDEMIOLOGY), List.of(HEAT))).isEqualTo(3 * 3);
    }

    @Test
    void maxAffinityIsEveryDomainMatchedExactly() {
        assertThat(Taxonomy.maxAffinity(List.of(HEAT))).isEqualTo(9);
        assertThat(Taxonomy.maxAffinity(List.of(HEAT, EPIDEMIOLOGY, ZOONOSES, MODELLING))).isEqualTo(9 + 6 + 3 + 3);
        List<String> request = List.of(HEAT, EPIDEMIOLOGY);
        assertThat(Taxonomy.affinity(request, request)).isEqualTo(Taxonomy.maxAffinity(request));
    }

    @Test
    void readsATaxonomyAndRejectsABrokenOne() throws IOException {
        String json = """
                {"name": "Tiny", "roots": [{"code": "a", "name": "A", "children": [{"code": "b", "children": []}]}]}
                """;
        Taxonomy tiny = Taxonomy.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(tiny.name()).isEqualTo("Tiny");
        assertThat(tiny.domains()).containsExactly(new Domain("a", "A", null), new Domain("a/b", "b", "a"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Taxonomy("broken", List.of(new Domain("a/b", "B", "a"))))
                .withMessage("domain a/b names an unknown parent");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Taxonomy("twice",
                        List.of(new Domain("a", "A", null), new Domain("a", "A", null))))
                .withMessage("domain a appears twice");
    }
}
