package org.umlmanager.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of docs/CODEMAP.md, checked on the production classes. Every rule allows an
 * empty selection, so packages that do not exist yet do not fail it.
 */
@AnalyzeClasses(packages = "org.umlmanager", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"org.umlmanager.model..", "org.umlmanager.cmdline..",
        "org.umlmanager.mconsole..", "org.umlmanager.launch..", "org.umlmanager.storage..", "org.umlmanager.cow..",
        "org.umlmanager.disk..", "org.umlmanager.provision..", "org.umlmanager.job..", "org.umlmanager.network..",
        "org.umlmanager.agent..", "org.umlmanager.lab..", "org.umlmanager.service..", "org.umlmanager.host.."};

    @ArchTest
    static final ArchRule JAVAFX_ONLY_IN_UI = noClasses().that().resideOutsideOfPackage("org.umlmanager.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp.ikonli..")
            .because("only the ui package may use JavaFX, ControlsFX and the icon font").allowEmptyShould(true);

    @ArchTest
    static final ArchRule PTY4J_ONLY_IN_LAUNCH = onlyIn("com.pty4j..", "org.umlmanager.launch..");

    @ArchTest
    static final ArchRule JACKSON_ONLY_IN_STORAGE = onlyIn("com.fasterxml.jackson..", "org.umlmanager.storage..");

    @ArchTest
    static final ArchRule JUNIXSOCKET_ONLY_IN_MCONSOLE = onlyIn("org.newsclub..", "org.umlmanager.mconsole..");

    @ArchTest
    static final ArchRule COMMONS_CODEC_ONLY_IN_PROVISION = onlyIn("org.apache.commons.codec..",
            "org.umlmanager.provision..");

    @ArchTest
    static final ArchRule PICOCLI_ONLY_IN_CLI = onlyIn("picocli..", "org.umlmanager.cli..");

    @ArchTest
    static final ArchRule MODEL_USES_THE_JDK_ONLY = classes().that().resideInAPackage("org.umlmanager.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.umlmanager.model..")
            .because("the model is plain values every package shares").allowEmptyShould(true);

    @ArchTest
    static final ArchRule HOST_FACTS_USE_THE_JDK_ONLY = classes().that().resideInAPackage("org.umlmanager.host..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.umlmanager.host..",
                    "org.umlmanager.model..")
            .because("every core package reads host facts through it, so it must not pull anything in")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule CORE_NEVER_USES_UI_OR_CLI = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.umlmanager.ui..", "org.umlmanager.cli..")
            .because("the UI and the CLI are two faces over one core").allowEmptyShould(true);

    @ArchTest
    static final ArchRule ONLY_UI_AND_CLI_USE_THE_SERVICE = noClasses().that().resideInAnyPackage(
                    "org.umlmanager.model..", "org.umlmanager.cmdline..", "org.umlmanager.mconsole..",
                    "org.umlmanager.launch..", "org.umlmanager.storage..", "org.umlmanager.cow..",
                    "org.umlmanager.disk..", "org.umlmanager.provision..", "org.umlmanager.job..",
                    "org.umlmanager.network..", "org.umlmanager.agent..", "org.umlmanager.lab..", "org.umlmanager.terminal..")
            .should().dependOnClassesThat().resideInAPackage("org.umlmanager.service..")
            .because("the service sits on top of the core, not inside it").allowEmptyShould(true);

    @ArchTest
    static final ArchRule PROCESSES_START_IN_ONE_PLACE = noClasses().that().resideOutsideOfPackages(
                    "org.umlmanager.job..", "org.umlmanager.launch..", "org.umlmanager.network..",
                    "org.umlmanager.cli..")
            .should().dependOnClassesThat().areAssignableTo(ProcessBuilder.class)
            .orShould().callMethod(Runtime.class, "exec", String.class)
            .because("host tools run through job.HostCommand (time limit, cancel, whole tree stopped), UML and"
                    + " the supervisor through launch, a network's switch and NAT through network.NetworkDaemons, and"
                    + " only the CLI drives the user's terminal")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule STANDARD_STREAMS_ONLY_IN_CLI = noClasses().that().resideOutsideOfPackage("org.umlmanager.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("everything else logs with SLF4J").allowEmptyShould(true);

    /** The core packages: what the UI may reach only through {@code service}. */
    private static final String[] BEHIND_THE_SERVICE = {"org.umlmanager.cmdline..", "org.umlmanager.mconsole..",
        "org.umlmanager.launch..", "org.umlmanager.storage..", "org.umlmanager.cow..", "org.umlmanager.disk..",
        "org.umlmanager.provision..", "org.umlmanager.job..", "org.umlmanager.network..", "org.umlmanager.agent..",
        "org.umlmanager.host..", "org.umlmanager.lab.."};

    /**
     * The UI reaches the core only through {@code service} and {@code model}: it calls the service,
     * and of the core's own classes it may use only the values the service's API is made of (a
     * {@code Problem}, a {@code GuestEvent}, a {@code ProvisionRequest} …), found from the service's
     * public signatures. A parser, a validator, a merge or a provisioner used directly is a
     * violation: the CLI and the GUI would no longer do the same thing.
     */
    @ArchTest
    static void theUiReachesTheCoreOnlyThroughTheService(JavaClasses classes) {
        uiOnlyThroughTheService(classes).check(classes);
    }

    static ArchRule uiOnlyThroughTheService(JavaClasses classes) {
        Set<JavaClass> api = ServiceVocabulary.of(classes);
        DescribedPredicate<JavaClass> core = resideInAnyPackage(BEHIND_THE_SERVICE);
        return noClasses().that().resideInAPackage("org.umlmanager.ui..").should().dependOnClassesThat(
                        core.and(DescribedPredicate.describe("not part of the service's API", c -> !api.contains(c))))
                .because("the UI and the CLI are two faces over one service (CODEMAP.md)").allowEmptyShould(true);
    }

    private static ArchRule onlyIn(String library, String owner) {
        return noClasses().that().resideOutsideOfPackage(owner).should().dependOnClassesThat()
                .resideInAPackage(library).because(library + " belongs to " + owner + " alone").allowEmptyShould(true);
    }

    /** The rules can fail: a class breaking each of them is caught. */
    @Test
    void theRulesCatchAClassThatBreaksThem() {
        JavaClasses offender = new ClassFileImporter().importClasses(RuleBreaker.class);

        for (ArchRule rule : List.of(JAVAFX_ONLY_IN_UI, JACKSON_ONLY_IN_STORAGE, PICOCLI_ONLY_IN_CLI,
                STANDARD_STREAMS_ONLY_IN_CLI, PROCESSES_START_IN_ONE_PLACE)) {
            assertThatThrownBy(() -> rule.check(offender)).as(rule.getDescription()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining(RuleBreaker.class.getSimpleName());
        }
    }

    /** The UI rule catches a ui class that runs a core job itself, and lets the service's values through. */
    @Test
    void theUiRuleCatchesAUiClassThatGoesAroundTheService() throws Exception {
        JavaClasses production = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.umlmanager");
        JavaClasses offender = new ClassFileImporter().importClasses(
                Class.forName("org.umlmanager.ui.UiRuleBreaker"));
        assertThatThrownBy(() -> uiOnlyThroughTheService(production).check(offender))
                .isInstanceOf(AssertionError.class).hasMessageContaining("UiRuleBreaker")
                .hasMessageContaining("CowMerger").hasMessageContaining("HostCheck.system()");
        assertThat(ServiceVocabulary.of(production)).extracting(JavaClass::getName)
                .contains("org.umlmanager.cow.MergeOptions", "org.umlmanager.job.Cancellation",
                        "org.umlmanager.cmdline.Problem", "org.umlmanager.launch.GuestEvent$StateChanged",
                        "org.umlmanager.job.HostCheck$Missing")
                .doesNotContain("org.umlmanager.cow.CowMerger", "org.umlmanager.cmdline.Validator",
                        "org.umlmanager.provision.Provisioner", "org.umlmanager.job.HostCheck",
                        "org.umlmanager.network.NetworkDaemons");
    }

    /** Uses what only other packages may use. */
    static final class RuleBreaker {
        static Object breakRules() {
            System.out.println(new picocli.CommandLine(new Object()));
            new javafx.scene.control.Label();
            new ProcessBuilder("true");
            return new com.fasterxml.jackson.databind.ObjectMapper();
        }
    }
}
