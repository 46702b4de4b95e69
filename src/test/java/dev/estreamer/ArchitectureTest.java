package dev.estreamer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency lines of DESIGN.md: dependencies point down the pipeline only. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.estreamer");
    }

    private static void only(String pkg, String... allowed) {
        String[] all = {"wire", "record", "decode", "enrich", "filter", "format", "sink", "session", "pipeline",
            "config", "cli", "sim"};
        java.util.List<String> forbidden = new java.util.ArrayList<>();
        for (String p : all) {
            if (p.equals(pkg) || java.util.Arrays.asList(allowed).contains(p)) {
                continue;
            }
            if (pkg.startsWith("sink") && p.equals("sink")) {
                continue;
            }
            forbidden.add("dev.estreamer." + p + "..");
        }
        ArchRule rule = noClasses().that().resideInAPackage("dev.estreamer." + pkg + "..")
                // benchmarks measure whole stages together on purpose
                .and().resideOutsideOfPackage("..bench..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(new String[0]));
        rule.check(classes);
    }

    @Test
    void wireAndRecordDependOnNothingOfOurs() {
        only("wire");
        only("record");
    }

    @Test
    void decodeUsesOnlyWireAndRecord() {
        only("decode", "wire", "record");
    }

    @Test
    void filterAndFormatUseOnlyRecordAndConfig() {
        only("filter", "record", "config");
        only("format", "record", "config");
    }

    @Test
    void configDependsOnNothingOfOurs() {
        only("config");
    }

    @Test
    void sinksKnowOnlyTheSinkContract() {
        only("sink");
    }

    @Test
    void sessionUsesWireAndConfigOnly() {
        only("session", "wire", "config");
    }

    @Test
    void pipelineNeverUsesCliOrSimulator() {
        only("pipeline", "wire", "record", "decode", "enrich", "filter", "format", "sink", "session", "config");
    }

    @Test
    void simulatorUsesWireAndTheDecodeCatalogueNeverTheClient() {
        only("sim", "wire", "decode", "record");
    }

    @Test
    void onlyTheCliCallsSystemExit() {
        noClasses().that().resideOutsideOfPackage("dev.estreamer.cli..")
                .should().callMethod(System.class, "exit", int.class).check(classes);
    }
}
