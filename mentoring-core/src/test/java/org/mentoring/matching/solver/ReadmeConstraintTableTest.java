package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.domain.MatchingConstraintConfiguration;

/** The README's constraints table mirrors the constraints the solver really has, name by name and level by level. */
class ReadmeConstraintTableTest {

    @Test
    void readmeTableListsEveryConstraintWithItsLevel() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(readme())) {
            if (line.startsWith("| Name | Level |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                documented.put(cells[1].trim(), cells[2].trim());
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }

        // the solver's constraints (MatchingConstraintProviderTest checks the declaration against the real ones)
        // and the pair-wise hard rules that each request's candidates enforce
        Map<String, String> real = new LinkedHashMap<>();
        for (String hard : MatchingConstraintProvider.CANDIDATE_RULES) {
            real.put(hard, "Hard");
        }
        for (String constraint : MatchingConstraintProvider.SEPARABILITY.keySet()) {
            real.put(constraint, constraint.equals(MatchingConstraintProvider.CAPACITY) ? "Hard"
                    : constraint.equals(MatchingConstraintProvider.UNMATCHED) ? "Medium" : "Soft");
        }
        for (String soft : new String[] {MatchingConstraintConfiguration.DOMAIN_AFFINITY,
            MatchingConstraintConfiguration.GOALS, MatchingConstraintConfiguration.PREFERRED_MENTOR,
            MatchingConstraintConfiguration.EXTRA_OVERLAP, MatchingConstraintConfiguration.PRIORITY,
            MatchingConstraintConfiguration.CROSS_INSTITUTION, MatchingConstraintConfiguration.LOAD_BALANCE}) {
            assertThat(real).containsEntry(soft, "Soft");
        }

        assertThat(real).hasSize(13);
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(real);
    }

    private static Path readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root").isNotNull();
        return dir.resolve("README.md");
    }
}
