package org.mentoring.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;

class TaxonomyEditsTest {

    private static final Taxonomy SHIPPED = Taxonomy.planetaryHealth();
    private static final String CLIMATE = "planetary-health/climate-health";
    private static final String HEAT = CLIMATE + "/heat-health";

    @Test
    void movingABranchGivesItAndItsLeavesNewCodesThatTheirPeopleFollow() {
        TaxonomyEdits.TreeEdit edit = TaxonomyEdits.move(SHIPPED, CLIMATE, "global-health");

        assertThat(edit.replacedBy()).containsEntry(CLIMATE, "global-health/climate-health")
                .containsEntry(HEAT, "global-health/climate-health/heat-health")
                .hasSize(1 + (int) SHIPPED.domains().stream().filter(d -> d.code().startsWith(CLIMATE + "/")).count());
        Taxonomy moved = CodeListRules.taxonomy(null, edit.roots(), edit.replacedBy(), SHIPPED, Map.of());
        assertThat(moved.find("global-health/climate-health/heat-health").orElseThrow().parentCode())
                .isEqualTo("global-health/climate-health");
        assertThat(moved.contains(HEAT)).isFalse();
        assertThat(moved.domains()).hasSameSizeAs(SHIPPED.domains());
    }

    @Test
    void aBranchCannotMoveInsideItselfNorBelowTheLeaves() {
        assertThatThrownBy(() -> TaxonomyEdits.move(SHIPPED, CLIMATE, HEAT))
                .isInstanceOf(InvalidInputException.class).hasMessage("a domain cannot move inside itself");
        TaxonomyEdits.TreeEdit tooDeep = TaxonomyEdits.move(SHIPPED, CLIMATE, "global-health/health-systems");
        assertThatThrownBy(() -> CodeListRules.taxonomy(null, tooDeep.roots(), tooDeep.replacedBy(), SHIPPED,
                Map.of())).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error.message()).contains("three levels")));
    }

    @Test
    void retiringADomainSendsOnlyThePeopleOfItsCodesInUseToTheReplacement() {
        Map<String, CodeUsage> usage = Map.of(HEAT, new CodeUsage(2, 0));

        TaxonomyEdits.TreeEdit edit = TaxonomyEdits.retire(SHIPPED, CLIMATE, "global-health", usage);

        assertThat(edit.replacedBy()).isEqualTo(Map.of(HEAT, "global-health"));
        assertThat(CodeListRules.taxonomy(null, edit.roots(), edit.replacedBy(), SHIPPED, usage).contains(CLIMATE))
                .isFalse();
        TaxonomyEdits.TreeEdit nowhere = TaxonomyEdits.retire(SHIPPED, CLIMATE, "", usage);
        assertThatThrownBy(() -> CodeListRules.taxonomy(null, nowhere.roots(), nowhere.replacedBy(), SHIPPED, usage))
                .hasMessageContaining("not changed");
    }

    @Test
    void topicsAreAddedRenamedAndRetired() {
        Topics shipped = Topics.shipped();
        TaxonomyEdits.TopicsEdit added = TaxonomyEdits.addTopic(shipped, "mentoring-others", "Mentoring others");
        assertThat(added.topics()).endsWith(new Topic("mentoring-others", "Mentoring others"));
        TaxonomyEdits.TopicsEdit retired = TaxonomyEdits.retireTopic(shipped, "teaching", "leadership",
                Map.of("teaching", new CodeUsage(1, 1)));
        assertThat(retired.replacedBy()).isEqualTo(Map.of("teaching", "leadership"));
        assertThat(retired.topics()).extracting(Topic::code).doesNotContain("teaching");
        assertThat(TaxonomyEdits.renameTopic(shipped, "teaching", "Teaching and lecturing").topics())
                .contains(new Topic("teaching", "Teaching and lecturing"));
        assertThatThrownBy(() -> TaxonomyEdits.renameTopic(shipped, "nope", "x"))
                .isInstanceOf(InvalidInputException.class);
    }
}
