package dev.estreamer.sink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SinkArchitectureTest {

    @Test
    void sinksNeverSeeConfigurationOrThePipeline() {
        noClasses().that().resideInAPackage("dev.estreamer.sink..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.estreamer.config..", "dev.estreamer.pipeline..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.estreamer.sink"));
    }
}
