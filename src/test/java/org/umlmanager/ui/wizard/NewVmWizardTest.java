package org.umlmanager.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.provision.GuestProcess;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.JobService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.FxWait;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.testing.UmlKernel;

/** The wizard, clicked through, makes a busybox VM that boots to a login and a shell on con0. */
@ExtendWith(ApplicationExtension.class)
class NewVmWizardTest {

    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private final GuestReaper reaper = new GuestReaper();
    private Path home;
    private Stage stage;
    private NewVmWizard.Context context;
    private InstanceStore store;

    @Start
    void start(Stage primary) throws Exception {
        stage = primary;
        home = Files.createTempDirectory(Path.of("/tmp"), "umz");
        AppPaths paths = AppPaths.under(home);
        store = new InstanceStore(paths.instancesDir());
        String kernel = UmlKernel.find().map(Path::toString).orElse("linux");
        InstanceService instances = new InstanceService(store, io);
        context = new NewVmWizard.Context(instances, new JobService(paths.imagesDir(), instances, io, io), () -> kernel,
                i -> CommandLineGenerator.launchCommand(i, GenerateOptions.none()).toShellLine(), Platform::runLater);
        // A modal window's owner needs a scene (Monocle disables the owner's view).
        primary.setScene(new Scene(new StackPane(), 300, 200));
        primary.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        reaper.close();
        io.shutdownNow();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void clickingThroughMakesABusyboxVmThatBootsToAShell(FxRobot robot) throws Exception {
        Path kernel = UmlKernel.require();
        CompletableFuture<Optional<NewVmWizard.Created>> result = FxWait.get(() -> NewVmWizard.show(stage, context));
        WizardSteps.await(robot, WizardPage.NAME);

        FxWait.click(robot, "#wizardNext");
        FxWait.until("an empty name is refused", () -> robot.lookup("#wizardProblem").queryAs(Label.class).getText()
                .contains("the name is empty"));
        assertThat(WizardSteps.current(robot)).contains(WizardPage.NAME);
        WizardSteps.type(robot, "#wizardName", "wiz1");
        WizardSteps.nextTo(robot, "Root filesystem");
        WizardSteps.type(robot, "#wizardPassword", "Pw-4-wiz");
        WizardSteps.type(robot, "#wizardPasswordAgain", "Pw-4-wiz");
        WizardSteps.type(robot, "#wizardHostname", "wizhost");
        WizardSteps.nextTo(robot, "Summary");
        String summary = FxWait.get(() -> robot.lookup("#wizardSummary").queryAs(TextArea.class).getText());
        Path image = AppPaths.under(home).imagesDir().resolve("wiz1.img");
        assertThat(summary).contains("Root filesystem:  busybox", "Root password:    set (stored as a hash)",
                "ubd0=" + image, "con0=fd:0,fd:1");
        FxWait.click(robot, "#wizardCreate");
        result.get(60, TimeUnit.SECONDS);

        NewVmWizard.Created created = result.get().orElseThrow();
        assertThat(created.startNow()).isTrue();
        assertThat(store.load("wiz1")).isEqualTo(created.instance());
        assertThat(created.instance().hostfs()).as("no host access until a folder is shared").contains(HostfsShare.off());
        assertThat(image).exists();
        FxWait.until("the wizard closed", () -> robot.lookup("#wizardName").tryQuery().isEmpty());

        Path umlDir = Files.createDirectories(home.resolve("uml"));
        Instance running = created.instance().toBuilder().umid(TestUmids.next("wz")).kernel(kernel.toString()).build();
        GuestProcess guest = GuestProcess.start(CommandLineGenerator.launchCommand(running,
                new GenerateOptions(Optional.of(umlDir), Optional.empty())).argv(), home, reaper,
                umlDir.resolve(running.umid()));
        guest.await("wizhost login: ", Duration.ofSeconds(60));
        guest.type("root\n");
        guest.await("Password: ", Duration.ofSeconds(10));
        guest.type("Pw-4-wiz\n");
        guest.await("wizhost:\\S*# ", Duration.ofSeconds(15));
        guest.type("echo wiz-$((20+22))\n");
        guest.await("wiz-42", Duration.ofSeconds(10));
        guest.assertCadPowersOff();
    }

    @Test
    void createYourFirstVmMakesADemoMachineInOneStep(FxRobot robot) throws Exception {
        UmlKernel.requireBusybox();
        store.create(Instance.builder("demo").build());
        CompletableFuture<Optional<NewVmWizard.Created>> result = FxWait.get(() -> NewVmWizard.createFirstVm(stage,
                context));
        result.get(60, TimeUnit.SECONDS);

        NewVmWizard.Created created = result.get().orElseThrow();
        assertThat(created.instance().name()).isEqualTo("demo2");
        assertThat(created.startNow()).isTrue();
        assertThat(store.load("demo2")).isEqualTo(created.instance());
        assertThat(created.instance().hostfs()).contains(HostfsShare.off());
        assertThat(AppPaths.under(home).imagesDir().resolve("demo2.img")).exists();
    }
}
