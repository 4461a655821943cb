package org.umlmanager.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.EditorFactory;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * The main window with the real runtime: a busybox VM made by the New VM wizard, and the one
 * made by "Create your first VM", start at once and give a root shell in their con0 tab.
 */
@ExtendWith(ApplicationExtension.class)
class WizardEndToEndTest {

    private final ExecutorService io = Executors.newFixedThreadPool(3);
    private final List<Instance> known = new CopyOnWriteArrayList<>();
    private GuestFixture guests;
    private RuntimeService runtime;
    private MainUi ui;

    @Start
    void start(Stage stage) throws Exception {
        guests = GuestFixture.create();
        String kernel = UmlKernel.require().toString();
        InstanceService instances = new InstanceService(new InstanceStore(guests.paths().instancesDir()), io);
        runtime = new RuntimeService(guests.layout(), SupervisorLauncher.forThisJvm(guests.layout()),
                () -> List.copyOf(known), io, Platform::runLater);
        ValidationContext context = new ValidationContext(Optional.of(guests.layout().defaultUmlDir()), true,
                guests.dir());
        GenerateOptions generate = new GenerateOptions(Optional.of(guests.layout().defaultUmlDir()), Optional.empty());
        EditorFactory editors = new EditorFactory(i -> Validator.validate(i, context),
                i -> CommandLineGenerator.launchCommand(i, generate).toShellLine(), io, Platform::runLater);
        ui = new MainUi(stage, instances, runtime, editors, new MainUi.Context(() -> kernel, guests.paths().data(),
                (n, t) -> CommandLineParser.parseShellLine(n, t, guests.dir(), context),
                i -> CommandLineGenerator.launchCommand(i, generate).toScript(i.name()),
                () -> ConsolePreferences.DEFAULTS, guests.layout().logsDir(), io, Platform::runLater), List.of());
        ui.main().allRows().addListener((javafx.beans.InvalidationListener) o -> {
            known.clear();
            ui.main().allRows().forEach(r -> r.config().ifPresent(known::add));
        });
        stage.setScene(ui.window().scene(1200, 800));
        stage.show();
        ui.refresh();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (Instance i : known) {
                guests.trackSession(i.name());
            }
            Platform.runLater(ui::close);
            runtime.close();
        } finally {
            io.shutdownNow();
            guests.close();
        }
    }

    private static void waitFor(Duration limit, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + limit, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private InstanceState state(String name) {
        return ui.main().row(name).map(InstanceRow::state).orElse(null);
    }

    /** Waits for {@code name}'s con0 tab to show a root shell prompt, types into it, reads the answer. */
    private void shellInConsoleTab(FxRobot robot, String name) {
        waitFor(Duration.ofSeconds(60), () -> state(name) == InstanceState.RUNNING);
        waitFor(Duration.ofSeconds(30), () -> ui.consoles(name).flatMap(c -> c.view("con0")).isPresent());
        ConsoleView con0 = ui.consoles(name).flatMap(c -> c.view("con0")).orElseThrow();
        // The buffer's lines have their trailing blanks trimmed: the prompt is "NAME:/# ".
        waitFor(Duration.ofSeconds(60), () -> con0.bufferText().contains(name + ":/#"));
        robot.clickOn("#consoleTab-con0");
        robot.interact(con0::focus);
        robot.write("echo made-$((6*7)) on $(hostname)");
        robot.type(KeyCode.ENTER);
        waitFor(Duration.ofSeconds(20), () -> con0.bufferText().contains("made-42 on " + name));
        robot.clickOn("#tool-shutdown");
        waitFor(Duration.ofSeconds(60), () -> state(name) == InstanceState.STOPPED);
    }

    @Test
    void theWizardMakesAVmThatStartsWithAShellInItsConsoleTab(FxRobot robot) throws Exception {
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#createFirstVm").tryQuery().isPresent());
        robot.clickOn("#tool-wizard");
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#wizardName").tryQuery().isPresent());
        robot.clickOn("#wizardName").write("wizvm");
        for (int page = 0; page < 7; page++) {
            robot.clickOn("#wizardNext");
        }
        assertThat(robot.lookup("#wizardStartNow").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#wizardCreate");

        shellInConsoleTab(robot, "wizvm");
        assertThat(Files.exists(guests.paths().imagesDir().resolve("wizvm.img"))).isTrue();
    }

    @Test
    void createYourFirstVmFromTheEmptyListStartsItWithItsConsole(FxRobot robot) {
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#createFirstVm").tryQuery().isPresent());
        robot.clickOn("#createFirstVm");
        shellInConsoleTab(robot, "demo");
        assertThat(known).extracting(Instance::name).containsExactly("demo");
    }
}
