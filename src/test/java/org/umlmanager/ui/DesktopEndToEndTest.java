package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchPlanner;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.testing.Await;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.FxWait;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;

/**
 * The whole desktop app against the real kernel: create an instance from the window, start it,
 * type into its console tab, pause and resume it, read /proc/meminfo in Inspect, shut it down.
 * The FX thread must never hold up the UI for more than 100 ms of its own while the guest boots.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopEndToEndTest {

    private static final Duration STALL_LIMIT = Duration.ofMillis(100);

    private GuestFixture guests;
    private DesktopFixture desktop;
    private MainUi ui;

    @Start
    void start(Stage stage) throws Exception {
        guests = GuestFixture.create();
        desktop = DesktopFixture.over(guests, "linux");
        ui = desktop.show(stage, 1200, 800);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (Instance i : desktop.known()) {
                GuestStatus s = desktop.runtime().status(i.name()).get(10, TimeUnit.SECONDS);
                SessionFile.read(SessionPaths.of(guests.layout().sessionsDir(), i.name()).sessionFile())
                        .ifPresent(r -> guests.trackHolder(r.snapshot().holderPid()));
                if (s.state().active()) {
                    s.pid().ifPresent(pid -> guests.track(new GuestSnapshot(s.name(), s.umid(), s.state(), "",
                            s.exitStatus(), s.pid(), -1, Optional.empty(), 0, List.of(), s.since()),
                            LaunchPlanner.umlDir(i, guests.layout())));
                    desktop.runtime().stop(i.name(), StopMode.FORCE, step -> { }).get(30, TimeUnit.SECONDS);
                }
            }
            desktop.close();
        } finally {
            guests.close();
        }
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
    }

    /** A button of the confirmation dialog (the editor has a Save button of its own); on the FX thread. */
    private static Button confirmButton(FxRobot robot, String text) {
        return robot.lookup("#confirmDialog .button").match(LabeledMatchers.hasText(text)).queryButton();
    }

    private static void confirm(FxRobot robot, String text) {
        FxWait.until("a confirmation", () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn(FxWait.get(() -> confirmButton(robot, text)));
    }

    /** On the FX thread. */
    private InstanceState state(String name) {
        return ui.main().row(name).map(InstanceRow::state).orElse(null);
    }

    private boolean saved(String name, int disks) {
        return desktop.known().stream().anyMatch(i -> i.name().equals(name) && i.disks().size() == disks);
    }

    @Test
    void hotPlugsADiskIntoARunningGuestAndSavesIt(FxRobot robot) throws Exception {
        Instance plug = guests.instance("plug").build();
        desktop.instances().create(plug).get(10, TimeUnit.SECONDS);
        Path extra = Files.write(guests.dir().resolve("extra.img"), new byte[1 << 20]);
        ui.refresh().get(10, TimeUnit.SECONDS);
        robot.interact(() -> robot.lookup("#instanceTable").queryTableView().getSelectionModel().select(0));
        FxWait.click(robot, "#tool-start");
        FxWait.until(Duration.ofSeconds(60), "plug running", () -> state("plug") == InstanceState.RUNNING);

        FxWait.click(robot, "#machineMenu");
        FxWait.click(robot, "#menu-adddisk");
        FxWait.until("the hot-plug dialog", () -> robot.lookup("#hotplugDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#hotplugDialog #diskImage").queryAs(TextField.class)
                .setText(extra.toString()));
        FxWait.until("the disk can be added", () -> !robot.lookup("Add to the running guest").queryButton()
                .isDisabled());
        robot.clickOn("Add to the running guest");
        confirm(robot, "Save");
        Await.until(Duration.ofSeconds(20), "the disk saved", () -> saved("plug", 2));
        assertThat(desktop.runtime().command("plug", "config ubd1").get(10, TimeUnit.SECONDS).text())
                .contains(extra.toString());

        FxWait.click(robot, "#machineMenu");
        FxWait.click(robot, "#menu-remove");
        FxWait.until("the remove dialog", () -> robot.lookup("#removeDeviceDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#removeDeviceDialog .combo-box").<ComboBox<String>>query()
                .getSelectionModel().select(1));
        robot.clickOn("OK");
        confirm(robot, "Save");
        Await.until(Duration.ofSeconds(20), "the removal saved", () -> saved("plug", 1));
        assertThat(desktop.runtime().command("plug", "config ubd1").get(10, TimeUnit.SECONDS).text()).isBlank();
    }

    @Test
    void createStartTypePauseInspectAndShutDown(FxRobot robot) throws Exception {
        String name = "e2e";
        // Create it from the window: New, blank template, then the editor's forms.
        FxWait.click(robot, "#tool-new");
        FxWait.until("the template dialog", () -> robot.lookup("#templateDialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        FxWait.until("the name dialog", () -> robot.lookup("#nameInput").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#nameInput").queryAs(TextField.class).setText(name));
        FxWait.click(robot, "#nameInput");
        robot.type(KeyCode.ENTER);
        FxWait.until("the editor of " + name, () -> robot.lookup("#nameField").tryQuery()
                .map(n -> ((TextField) n).getText()).filter(name::equals).isPresent());
        replaceText(robot, "#umidField", TestUmids.next("e2e"));
        replaceText(robot, "#kernelField", org.umlmanager.testing.UmlKernel.require().toString());
        replaceText(robot, "#memoryField", "64");
        replaceText(robot, "#rootField", "/dev/ubda");
        FxWait.click(robot, "#disksTab");
        FxWait.click(robot, "#addDisk");
        replaceText(robot, "#diskImage", guests.image().toString());
        FxWait.until("Save is on", () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(10), name + " saved", () -> saved(name, 1));

        ConsoleView con0;
        try (FxStallDetector stalls = new FxStallDetector()) {
            FxWait.click(robot, "#tool-start");
            FxWait.until(Duration.ofSeconds(60), name + " running", () -> state(name) == InstanceState.RUNNING);
            FxWait.until(Duration.ofSeconds(30), "a con0 tab", () -> ui.consoles(name)
                    .flatMap(c -> c.view("con0")).isPresent());
            con0 = FxWait.get(() -> ui.consoles(name).flatMap(c -> c.view("con0")).orElseThrow());
            ConsoleView booting = con0;
            // The whole buffer, not the screen: later boot messages may have scrolled the marker up.
            FxWait.until(Duration.ofSeconds(90), "booted", () -> booting.bufferText()
                    .contains(BusyboxImage.READY_MARKER));
            assertThat(stalls.worst()).as(stalls.describe()).isLessThanOrEqualTo(STALL_LIMIT);
            // The software renderer of a headless test on a busy machine can lag; a lag this long would be a fault.
            assertThat(stalls.worstRenderWait()).as(stalls.describe()).isLessThan(Duration.ofSeconds(1));

            // Type into the console tab and read the answer from the terminal's buffer.
            FxWait.click(robot, "#consoleTab-con0");
            robot.interact(booting::focus);
            robot.write("echo ui-$((6*7))");
            robot.type(KeyCode.ENTER);
            FxWait.until("the answer", () -> booting.bufferText().contains("ui-42"));
        }

        FxWait.click(robot, "#tool-pause");
        FxWait.until("paused", () -> state(name) == InstanceState.PAUSED);
        FxWait.until("Resume on, Pause off", () -> !robot.lookup("#tool-resume").queryButton().isDisabled()
                && robot.lookup("#tool-pause").queryButton().isDisabled());
        FxWait.click(robot, "#tool-resume");
        FxWait.until("running again", () -> state(name) == InstanceState.RUNNING);

        FxWait.click(robot, "#inspectTab");
        FxWait.until("/proc/meminfo in Inspect", () -> robot.lookup("#inspectProcText").tryQuery().isPresent()
                && robot.lookup("#inspectProcText").queryAs(TextArea.class).getText().contains("MemTotal:"));
        assertThat(FxWait.get(() -> robot.lookup("#inspectVersion").queryAs(Label.class).getText())).contains("Linux");

        FxWait.click(robot, "#tool-shutdown");
        FxWait.until(Duration.ofSeconds(90), name + " stopped", () -> state(name) == InstanceState.STOPPED);
        FxWait.until("the tab ended", con0::ended);
        FxWait.until("Start on again", () -> !robot.lookup("#tool-start").queryButton().isDisabled());
        assertThat(FxWait.get(() -> robot.lookup("#instanceTable").queryTableView().getItems().size())).isEqualTo(1);
        assertThat(Files.exists(guests.layout().logsDir().resolve(name).resolve("con0.log"))).isTrue();
    }
}
