package org.umlmanager.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.testing.FxWait;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.ui.DesktopFixture;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;

/**
 * The main window with the real runtime: a busybox VM made by the New VM wizard, and the one
 * made by "Create your first VM", start at once and give a root shell in their con0 tab.
 */
@ExtendWith(ApplicationExtension.class)
class WizardEndToEndTest {

    private GuestFixture guests;
    private DesktopFixture desktop;
    private MainUi ui;

    @Start
    void start(Stage stage) throws Exception {
        guests = GuestFixture.create();
        desktop = DesktopFixture.over(guests, UmlKernel.require().toString());
        ui = desktop.show(stage, 1200, 800);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (Instance i : desktop.known()) {
                guests.trackSession(i.name());
            }
            desktop.close();
        } finally {
            guests.close();
        }
    }

    /** On the FX thread. */
    private InstanceState state(String name) {
        return ui.main().row(name).map(InstanceRow::state).orElse(null);
    }

    /** Waits for {@code name}'s con0 tab to show a root shell prompt, types into it, reads the answer. */
    private void shellInConsoleTab(FxRobot robot, String name) {
        FxWait.until(Duration.ofSeconds(60), name + " running", () -> state(name) == InstanceState.RUNNING);
        FxWait.until(Duration.ofSeconds(30), "a con0 tab", () -> ui.consoles(name).flatMap(c -> c.view("con0"))
                .isPresent());
        ConsoleView con0 = FxWait.get(() -> ui.consoles(name).flatMap(c -> c.view("con0")).orElseThrow());
        // The buffer's lines have their trailing blanks trimmed: the prompt is "NAME:/# ".
        FxWait.until(Duration.ofSeconds(60), "a shell prompt", () -> con0.bufferText().contains(name + ":/#"));
        FxWait.click(robot, "#consoleTab-con0");
        robot.interact(con0::focus);
        robot.write("echo made-$((6*7)) on $(hostname)");
        robot.type(KeyCode.ENTER);
        FxWait.until("the answer", () -> con0.bufferText().contains("made-42 on " + name));
        FxWait.click(robot, "#tool-shutdown");
        FxWait.until(Duration.ofSeconds(60), name + " stopped", () -> state(name) == InstanceState.STOPPED);
    }

    @Test
    void theWizardMakesAVmThatStartsWithAShellInItsConsoleTab(FxRobot robot) throws Exception {
        FxWait.clickable(robot, "#createFirstVm");
        FxWait.click(robot, "#tool-wizard");
        WizardSteps.type(robot, "#wizardName", "wizvm");
        WizardSteps.nextTo(robot, "Summary");
        assertThat(FxWait.get(() -> robot.lookup("#wizardStartNow").queryAs(CheckBox.class).isSelected())).isTrue();
        FxWait.click(robot, "#wizardCreate");

        shellInConsoleTab(robot, "wizvm");
        assertThat(Files.exists(guests.paths().imagesDir().resolve("wizvm.img"))).isTrue();
    }

    @Test
    void createYourFirstVmFromTheEmptyListStartsItWithItsConsole(FxRobot robot) {
        FxWait.click(robot, "#createFirstVm");
        shellInConsoleTab(robot, "demo");
        assertThat(desktop.known()).extracting(Instance::name).containsExactly("demo");
    }
}
