package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchPlanner;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.EditorFactory;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * The whole desktop app against the real kernel: create an instance from the window, start it,
 * type into its console tab, pause and resume it, read /proc/meminfo in Inspect, shut it down.
 * The FX thread must never stall for more than 100 ms while the guest boots.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopEndToEndTest {

    private static final Duration STALL_LIMIT = Duration.ofMillis(100);

    private final ExecutorService io = Executors.newFixedThreadPool(3);
    private final List<Instance> known = new CopyOnWriteArrayList<>();
    private GuestFixture guests;
    private RuntimeService runtime;
    private MainUi ui;

    @Start
    void start(Stage stage) throws Exception {
        guests = GuestFixture.create();
        var store = new InstanceStore(guests.paths().instancesDir());
        InstanceService instances = new InstanceService(store, io);
        runtime = new RuntimeService(guests.layout(), SupervisorLauncher.forThisJvm(guests.layout()),
                () -> List.copyOf(known), io, Platform::runLater);
        ValidationContext context = new ValidationContext(Optional.of(guests.layout().defaultUmlDir()), true,
                guests.dir());
        GenerateOptions generate = new GenerateOptions(Optional.of(guests.layout().defaultUmlDir()), Optional.empty());
        EditorFactory editors = new EditorFactory(i -> Validator.validate(i, context),
                i -> CommandLineGenerator.launchCommand(i, generate).toShellLine(), io, Platform::runLater);
        ui = new MainUi(stage, instances, runtime, editors, new MainUi.Context(() -> "linux",
                guests.paths().data(), (n, t) -> CommandLineParser.parseShellLine(n, t, guests.dir(), context),
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
                GuestStatus s = runtime.status(i.name()).get(10, TimeUnit.SECONDS);
                SessionFile.read(SessionPaths.of(guests.layout().sessionsDir(), i.name()).sessionFile())
                        .ifPresent(r -> guests.trackHolder(r.snapshot().holderPid()));
                if (s.state().active()) {
                    s.pid().ifPresent(pid -> guests.track(new GuestSnapshot(s.name(), s.umid(), s.state(), "",
                            s.exitStatus(), s.pid(), -1, Optional.empty(), 0, List.of(), s.since()),
                            LaunchPlanner.umlDir(i, guests.layout())));
                    runtime.stop(i.name(), StopMode.FORCE, step -> { }).get(30, TimeUnit.SECONDS);
                }
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

    private static void replaceText(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    /** A button of the confirmation dialog (the editor has a Save button of its own). */
    private static Button confirmButton(FxRobot robot, String text) {
        return robot.lookup("#confirmDialog .button").match(LabeledMatchers.hasText(text)).queryButton();
    }

    private InstanceState state(String name) {
        return ui.main().row(name).map(InstanceRow::state).orElse(null);
    }

    @Test
    void hotPlugsADiskIntoARunningGuestAndSavesIt(FxRobot robot) throws Exception {
        Instance plug = guests.instance("plug").build();
        new InstanceService(new InstanceStore(guests.paths().instancesDir()), Runnable::run).create(plug).get();
        Path extra = Files.write(guests.dir().resolve("extra.img"), new byte[1 << 20]);
        ui.refresh().get(10, TimeUnit.SECONDS);
        robot.interact(() -> robot.lookup("#instanceTable").queryTableView().getSelectionModel().select(0));
        robot.clickOn("#tool-start");
        waitFor(Duration.ofSeconds(60), () -> state("plug") == InstanceState.RUNNING);

        robot.clickOn("#machineMenu").clickOn("#menu-adddisk");
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#hotplugDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#hotplugDialog #diskImage").queryAs(TextField.class)
                .setText(extra.toString()));
        waitFor(Duration.ofSeconds(10), () -> !robot.lookup("Add to the running guest").queryButton().isDisabled());
        robot.clickOn("Add to the running guest");
        waitFor(Duration.ofSeconds(20), () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn(confirmButton(robot, "Save"));
        waitFor(Duration.ofSeconds(20), () -> known.stream().anyMatch(i -> i.name().equals("plug")
                && i.disks().size() == 2));
        assertThat(runtime.command("plug", "config ubd1").get(10, TimeUnit.SECONDS).text()).contains(extra.toString());

        robot.clickOn("#machineMenu").clickOn("#menu-remove");
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#removeDeviceDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#removeDeviceDialog .combo-box").<ComboBox<String>>query()
                .getSelectionModel().select(1));
        robot.clickOn("OK");
        waitFor(Duration.ofSeconds(20), () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn(confirmButton(robot, "Save"));
        waitFor(Duration.ofSeconds(20), () -> known.stream().anyMatch(i -> i.name().equals("plug")
                && i.disks().size() == 1));
        assertThat(runtime.command("plug", "config ubd1").get(10, TimeUnit.SECONDS).text()).isBlank();
    }

    @Test
    void createStartTypePauseInspectAndShutDown(FxRobot robot) throws Exception {
        String name = "e2e";
        // Create it from the window: New, blank template, then the editor's forms.
        robot.clickOn("#tool-new");
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#templateDialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#nameInput").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#nameInput").queryAs(TextField.class).setText(name));
        robot.clickOn("#nameInput").type(KeyCode.ENTER);
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#nameField").tryQuery()
                .map(n -> ((TextField) n).getText()).filter(name::equals).isPresent());
        replaceText(robot, "#umidField", TestUmids.next("e2e"));
        replaceText(robot, "#kernelField", org.umlmanager.testing.UmlKernel.require().toString());
        replaceText(robot, "#memoryField", "64");
        replaceText(robot, "#rootField", "/dev/ubda");
        robot.clickOn("#disksTab").clickOn("#addDisk");
        replaceText(robot, "#diskImage", guests.image().toString());
        waitFor(Duration.ofSeconds(10), () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.clickOn("#saveButton");
        waitFor(Duration.ofSeconds(10), () -> known.stream().anyMatch(i -> i.name().equals(name)
                && i.disks().size() == 1));

        ConsoleView con0;
        try (FxStallDetector stalls = new FxStallDetector()) {
            robot.clickOn("#tool-start");
            waitFor(Duration.ofSeconds(60), () -> state(name) == InstanceState.RUNNING);
            waitFor(Duration.ofSeconds(30), () -> ui.consoles(name).flatMap(c -> c.view("con0")).isPresent());
            con0 = ui.consoles(name).flatMap(c -> c.view("con0")).orElseThrow();
            ConsoleView booting = con0;
            // The whole buffer, not the screen: later boot messages may have scrolled the marker up.
            waitFor(Duration.ofSeconds(90), () -> booting.bufferText().contains(BusyboxImage.READY_MARKER));
            assertThat(stalls.worst()).as(stalls.describe()).isLessThanOrEqualTo(STALL_LIMIT);
            // The software renderer of a headless test on a busy machine can lag; a lag this long would be a fault.
            assertThat(stalls.worstRenderWait()).as(stalls.describe()).isLessThan(Duration.ofSeconds(1));

            // Type into the console tab and read the answer from the terminal's buffer.
            robot.clickOn("#consoleTab-con0");
            robot.interact(booting::focus);
            robot.write("echo ui-$((6*7))");
            robot.type(KeyCode.ENTER);
            waitFor(Duration.ofSeconds(20), () -> booting.bufferText().contains("ui-42"));
        }

        robot.clickOn("#tool-pause");
        waitFor(Duration.ofSeconds(20), () -> state(name) == InstanceState.PAUSED);
        assertThat(robot.lookup("#tool-resume").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#tool-pause").queryButton().isDisabled()).isTrue();
        robot.clickOn("#tool-resume");
        waitFor(Duration.ofSeconds(20), () -> state(name) == InstanceState.RUNNING);

        robot.clickOn("#inspectTab");
        waitFor(Duration.ofSeconds(20), () -> robot.lookup("#inspectProcText").tryQuery().isPresent()
                && robot.lookup("#inspectProcText").queryAs(TextArea.class).getText().contains("MemTotal:"));
        assertThat(robot.lookup("#inspectVersion").queryAs(Label.class).getText()).contains("Linux");

        robot.clickOn("#tool-shutdown");
        waitFor(Duration.ofSeconds(90), () -> state(name) == InstanceState.STOPPED);
        waitFor(Duration.ofSeconds(10), con0::ended);
        assertThat(robot.lookup("#tool-start").queryButton().isDisabled()).isFalse();
        TableView<?> table = robot.lookup("#instanceTable").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        assertThat(Files.exists(guests.layout().logsDir().resolve(name).resolve("con0.log"))).isTrue();
    }
}
