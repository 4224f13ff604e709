package org.mentoring;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps every package of the core a room a newcomer can enter alone: no two packages depend on each other, however
 * indirectly. Each package is its own slice ({@code matching.run} and {@code matching.persistence} are two).
 */
class PackageCyclesTest {

    @Test
    void corePackagesAreFreeOfCycles() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.mentoring");

        slices().matching("org.mentoring.(**)").should().beFreeOfCycles().check(core);
    }
}
