package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.circles.Circle;
import org.mentoring.matching.circles.CircleConstraintProvider;
import org.mentoring.matching.circles.CircleSolution;
import org.mentoring.matching.circles.Seat;
import org.mentoring.matching.domain.MatchingConstraintConfiguration;
import org.optaplanner.constraint.streams.common.AbstractConstraint;
import org.optaplanner.constraint.streams.common.AbstractConstraintStreamScoreDirectorFactory;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

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

    /**
     * The README's circle table mirrors the circle engine's real constraints (compiled by OptaPlanner, each level read
     * from its weight), plus the one rule the model makes structural: a circle constraint added without a row fails.
     */
    @Test
    void readmeCircleTableListsEveryCircleConstraintWithItsLevel() throws IOException {
        Map<String, String> documented = table("| Circle rule | Level |");

        DefaultSolverFactory<CircleSolution> factory = (DefaultSolverFactory<CircleSolution>) SolverFactory
                .<CircleSolution>create(new SolverConfig().withSolutionClass(CircleSolution.class)
                        .withEntityClasses(Seat.class, Circle.class)
                        .withConstraintProviderClass(CircleConstraintProvider.class));
        Constraint[] defined = ((AbstractConstraintStreamScoreDirectorFactory<?, ?>) factory.getScoreDirectorFactory())
                .getConstraints();
        Map<String, String> real = new LinkedHashMap<>();
        for (Constraint constraint : defined) {
            HardMediumSoftLongScore weight = ((AbstractConstraint<CircleSolution, ?, ?>) constraint)
                    .extractConstraintWeight(new CircleSolution());
            real.put(constraint.getConstraintName(), weight.hardScore() != 0 ? "Hard"
                    : weight.mediumScore() != 0 ? "Medium" : "Soft");
        }
        assertThat(real).hasSize(14)
                .containsEntry(CircleConstraintProvider.CIRCLE_SIZE, "Hard")
                .containsEntry(CircleConstraintProvider.UNMATCHED, "Medium")
                .containsEntry(CircleConstraintProvider.COHERENCE, "Soft");
        // structural: a mentor's circle slots are as many as their `circles`, so no answer can break it
        real.put("Circles per mentor", "Hard");

        assertThat(documented).containsExactlyInAnyOrderEntriesOf(real);
    }

    private static Map<String, String> table(String header) throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(readme())) {
            if (line.startsWith(header)) {
                inTable = true;
            } else if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                documented.put(cells[1].trim(), cells[2].trim());
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        return documented;
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
