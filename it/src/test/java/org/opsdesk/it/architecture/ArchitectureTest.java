package org.opsdesk.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of ARCHITECTURE.md, enforced on the compiled classes of every module: a broken rule
 * fails the build.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.opsdesk");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void wikiAndSearchImportNothingOfOurs() {
        check(noClasses().that().resideInAPackage("org.opsdesk.wiki..").should().dependOnClassesThat()
                .resideInAnyPackage("org.opsdesk.domain..", "org.opsdesk.application..", "org.opsdesk.infrastructure..",
                        "org.opsdesk.web..", "org.opsdesk.mail..", "org.opsdesk.search.."));
        check(noClasses().that().resideInAPackage("org.opsdesk.search..").should().dependOnClassesThat()
                .resideInAnyPackage("org.opsdesk.domain..", "org.opsdesk.application..", "org.opsdesk.infrastructure..",
                        "org.opsdesk.web..", "org.opsdesk.mail..", "org.opsdesk.wiki.."));
    }

    @Test
    void ejbImportsNeitherWebNorMail() {
        check(noClasses().that().resideInAnyPackage("org.opsdesk.domain..", "org.opsdesk.application..",
                "org.opsdesk.infrastructure..").should().dependOnClassesThat()
                .resideInAnyPackage("org.opsdesk.web..", "org.opsdesk.mail.."));
    }

    @Test
    void webAndMailUseOnlyTheApplicationApi() {
        // the one domain type they may name is the refusal they map to an answer (docs/adr/0002)
        check(noClasses().that().resideInAnyPackage("org.opsdesk.web..", "org.opsdesk.mail..").should()
                .dependOnClassesThat().resideInAnyPackage("org.opsdesk.application.internal..",
                        "org.opsdesk.infrastructure..")
                .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "domain classes other than DomainException",
                        c -> c.getPackageName().startsWith("org.opsdesk.domain")
                                && !c.getName().startsWith("org.opsdesk.domain.DomainException"))));
    }

    @Test
    void webAndMailDoNotImportEachOther() {
        check(noClasses().that().resideInAPackage("org.opsdesk.web..").should().dependOnClassesThat()
                .resideInAPackage("org.opsdesk.mail.."));
        check(noClasses().that().resideInAPackage("org.opsdesk.mail..").should().dependOnClassesThat()
                .resideInAPackage("org.opsdesk.web.."));
    }

    @Test
    void theDomainImportsNoInfrastructureOrPresentation() {
        check(noClasses().that().resideInAPackage("org.opsdesk.domain..").should().dependOnClassesThat()
                .resideInAnyPackage("org.opsdesk.application..", "org.opsdesk.infrastructure..", "jakarta.ws.rs..",
                        "jakarta.faces..", "jakarta.mail..", "jakarta.ejb..", "jakarta.enterprise..",
                        "jakarta.servlet..", "org.flywaydb.."));
    }

    @Test
    void theApplicationApiDoesNotLeakImplementations() {
        check(noClasses().that().resideInAPackage("org.opsdesk.application").should().dependOnClassesThat()
                .resideInAnyPackage("org.opsdesk.application.internal..", "org.opsdesk.infrastructure.."));
    }
}
