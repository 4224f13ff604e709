package org.mentoring.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.input.SlotInput;
import org.mentoring.taxonomy.Taxonomy;

class FormListsTest {

    @Test
    void aRankingKeepsItsOrderDropsWhatIsNoLongerPickedAndAppendsNewPicks() {
        List<String> ranked = FormLists.ranked(List.of("b", "a", "c"), List.of("a", "c", "d", "e"));

        assertThat(ranked).containsExactly("a", "c", "d", "e");
        assertThat(FormLists.ranked(null, List.of("x", "y"))).containsExactly("x", "y");
        assertThat(FormLists.ranked(List.of("x"), null)).isEmpty();
    }

    @Test
    void slotRowsLeftEmptyAreDroppedAndHalfFilledOnesKeptForTheValidatorToReport() {
        List<SlotInput> slots = FormLists.slots(List.of("TUESDAY", "MONDAY", "FRIDAY"),
                List.of("08:00", "", "09:00"), List.of("10:00", "", ""));

        assertThat(slots).containsExactly(new SlotInput("TUESDAY", "08:00", "10:00"),
                new SlotInput("FRIDAY", "09:00", ""));
        assertThat(FormLists.slots(null, null, null)).isEmpty();
    }

    @Test
    void wordListsSplitOnCommasAndSemicolons() {
        assertThat(FormLists.split(" en, fr;;sw ,")).containsExactly("en", "fr", "sw");
        assertThat(FormLists.join(List.of("sw", "en"))).isEqualTo("en, sw");
    }

    @Test
    void fieldErrorsGatherUnderTheFormFieldTheyConcern() {
        InvalidInputException e = new InvalidInputException("bad", List.of(
                new FieldError("weeklyAvailability[1].end", "ends before it starts"),
                new FieldError("weeklyAvailability", "too many"), new FieldError("country", "unknown")));

        assertThat(FieldErrors.byField(e)).containsEntry("weeklyAvailability", "ends before it starts. too many")
                .containsEntry("country", "unknown").hasSize(2);
    }

    @Test
    void theTreeHasTheTaxonomyRootsAndEachCodeItsBranch() {
        Taxonomy taxonomy = Taxonomy.planetaryHealth();

        List<DomainTree.Node> roots = DomainTree.of(taxonomy);

        assertThat(roots).extracting(DomainTree.Node::code).containsExactly("planetary-health", "global-health",
                "methods");
        assertThat(roots.get(0).children()).extracting(DomainTree.Node::name).contains("Climate and health");
        assertThat(roots.get(0).hasAnyBelow(List.of("planetary-health/climate-health/heat-health"))).isTrue();
        assertThat(roots.get(1).hasAnyBelow(List.of("planetary-health/climate-health/heat-health"))).isFalse();
        assertThat(DomainTree.branch(taxonomy, "planetary-health/climate-health/heat-health").orElseThrow().name())
                .isEqualTo("Climate and health");
        assertThat(DomainTree.branch(taxonomy, "methods").orElseThrow().code()).isEqualTo("methods");
    }
}
