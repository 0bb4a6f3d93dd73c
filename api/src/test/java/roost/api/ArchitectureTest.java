package roost.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The direction of the arrows between modules (graph-model at the bottom, api on top, procedures
 * may use retrieval, nothing else sideways), and package rules Maven cannot see.
 */
class ArchitectureTest {
    private final JavaClasses roost = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("roost");

    @Test
    void theGraphModelDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("roost.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "roost.importer..", "roost.retrieval..", "roost.ranker..", "roost.procedures..", "roost.api..")
                .check(roost);
    }

    @Test
    void middleModulesDoNotDependOnEachOtherOrOnTheApplication() {
        noClasses()
                .that()
                .resideInAPackage("roost.importer..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("roost.retrieval..", "roost.ranker..", "roost.procedures..", "roost.api..")
                .check(roost);
        noClasses()
                .that()
                .resideInAPackage("roost.retrieval..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("roost.importer..", "roost.ranker..", "roost.procedures..", "roost.api..")
                .check(roost);
        noClasses()
                .that()
                .resideInAPackage("roost.ranker..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("roost.importer..", "roost.retrieval..", "roost.procedures..", "roost.api..")
                .allowEmptyShould(true) // ranker is empty until the engagement model lands
                .check(roost);
        // procedures may use retrieval: it hosts the index and exposes it to Cypher.
        noClasses()
                .that()
                .resideInAPackage("roost.procedures..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("roost.importer..", "roost.ranker..", "roost.api..")
                .check(roost);
    }

    @Test
    void retrievalIsPlainLuceneWithoutTheKernelApi() {
        noClasses()
                .that()
                .resideInAPackage("roost.retrieval..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.neo4j..")
                .allowEmptyShould(true) // retrieval is empty until the Earlybird index lands
                .check(roost);
    }

    @Test
    void theHttpLayerNeverTouchesLuceneOrTheKernel() {
        noClasses()
                .that()
                .resideInAPackage("roost.api.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.lucene..", "org.neo4j.kernel..", "org.neo4j.internal..")
                .check(roost);
    }
}
