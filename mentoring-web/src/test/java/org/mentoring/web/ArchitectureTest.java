package org.mentoring.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps dependencies pointing inward: web → api → core, and core free of HTTP. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mentoring");
    }

    @Test
    void coreKnowsNoHttpNorOuterModules() {
        noClasses().that().resideOutsideOfPackages("org.mentoring.api..", "org.mentoring.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mentoring.api..", "org.mentoring.web..",
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .because("mentoring-core knows no HTTP")
                .check(classes);
    }

    @Test
    void apiDoesNotDependOnWeb() {
        noClasses().that().resideInAPackage("org.mentoring.api..")
                .should().dependOnClassesThat().resideInAPackage("org.mentoring.web..")
                .check(classes);
    }

    @Test
    void planningModelIsFreeOfPersistenceAndApi() {
        noClasses().that().resideInAPackage("org.mentoring.matching.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.data..", "org.mentoring.api..", "..persistence..")
                .check(classes);
    }
}
