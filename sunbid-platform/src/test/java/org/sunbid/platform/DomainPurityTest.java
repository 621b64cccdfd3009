package org.sunbid.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rule-heavy domain code stays plain Java: no Spring, no JDBC, no servlet API. */
class DomainPurityTest {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sunbid.platform");

    @Test
    void domainPackagesDependOnNoFramework() {
        // A domain package's package-info may name it a Modulith named interface (deals.domain: the procedures' rules
        // that tendering applies): metadata for the module check, not a dependency of the code.
        noClasses().that().resideInAnyPackage("..domain..").and().doNotHaveSimpleName("package-info")
                .or().haveFullyQualifiedName("org.sunbid.platform.catalog.WorkingDays")
                // the experts' draw rules: plain Java beside the services that apply them
                .or().haveNameMatching("org\\.sunbid\\.platform\\.experts\\.(Eligibility|Committee|AvoidanceRule|DrawPolicy"
                        + "|DrawPublication|DrawRequestCheck|ExpertReply)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "jakarta.servlet..")
                .check(classes);
    }
}
