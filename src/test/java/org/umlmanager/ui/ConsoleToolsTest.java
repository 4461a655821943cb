package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.FxWait;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;

/**
 * A console tab's tools against one real guest shared by the tests (each builds a fresh app
 * and window over it, and starts from a running guest whatever the test before it left):
 * History… finds what scrolled out of the tab, Save log… writes the log, a tab goes into its own
 * window and back, SysRq from the toolbar, Pause and Inspect's process stack and
 * kernel log line, a stack refused by the running kernel; last, the guest is killed: a
 * notification, CRASHED in the list, SysRq off, and its ended tab closed on demand.
 */
@ExtendWith({ConsoleToolsTest.RunningGuest.class, ApplicationExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleToolsTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleToolsTest.class);
    private static final String NAME = "tools";
    private static final Duration UP = Duration.ofSeconds(120);
    private static GuestFixture guests;
    /** The app that started the guest; each test opens a window of a new app over it, as after a restart. */
    private static DesktopFixture starter;
    private static Instance instance;
    private static Path savedLog;
    private DesktopFixture desktop;
    private MainUi ui;

    @BeforeAll
    static void bootTheGuest() throws Exception {
        FxToolkit.registerPrimaryStage();
        guests = GuestFixture.create();
        instance = guests.instance(NAME).build();
        starter = DesktopFixture.over(guests, "linux");
        starter.instances().create(instance).get(10, TimeUnit.SECONDS);
        savedLog = guests.dir().resolve("saved.log");
        startTheGuest();
    }

    private static void startTheGuest() throws Exception {
        starter.runtime().start(instance).get(60, TimeUnit.SECONDS);
        guests.trackSession(NAME);
        // Booting to the mconsole took over 20 s once under the full suite on 2 cores.
        starter.runtime().whenRunning(NAME).get(UP.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopTheGuest() throws Exception {
        try {
            if (starter.runtime().status(NAME).get(10, TimeUnit.SECONDS).state().active()) {
                starter.runtime().stop(NAME, StopMode.FORCE, step -> { }).get(30, TimeUnit.SECONDS);
            }
        } finally {
            try {
                starter.close();
            } finally {
                guests.close();
            }
        }
    }

    /**
     * Each test starts from a running guest whatever an earlier one left behind (a guest paused
     * by a failed test is resumed, one that ended is started again), before its window opens:
     * registered ahead of ApplicationExtension, which calls {@code @Start}.
     */
    static final class RunningGuest implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            InstanceState state = starter.runtime().status(NAME).get(10, TimeUnit.SECONDS).state();
            if (state == InstanceState.PAUSED) {
                starter.runtime().resume(NAME).get(20, TimeUnit.SECONDS);
            } else if (!state.active()) {
                LOG.info("{} was {} after the previous test: starting it again", NAME, state);
                startTheGuest();
            }
        }
    }

    @Start
    void start(Stage stage) {
        desktop = DesktopFixture.over(guests, "linux");
        ui = desktop.show(stage, 1200, 800, (owner, title, file) -> Optional.of(savedLog));
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        try {
            FxWait.run(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage s
                    && s.getOwner() != null || w instanceof Stage s2 && s2.getTitle() != null
                    && s2.getTitle().startsWith(NAME)).forEach(Window::hide));
        } finally {
            desktop.close();
        }
    }

    private Optional<ConsoleView> con0() {
        return ui.consoles(NAME).flatMap(c -> c.view("con0"));
    }

    private static String text(ConsoleView view) {
        return FxWait.get(view::bufferText);
    }

    private static void awaitText(ConsoleView view, String text, Duration limit) {
        FxWait.until(limit, "con0 shows " + text, () -> view.bufferText().contains(text));
    }

    /**
     * Selects the guest and waits for its console tab and the shell in it: a command typed there
     * is answered (asked again while the guest still boots; earlier output may be past the
     * holder's scrollback for a new window).
     */
    private ConsoleView selectAndWaitForTheShell(FxRobot robot) {
        FxWait.until(Duration.ofSeconds(60), NAME + " is listed as running", () -> state() == InstanceState.RUNNING);
        FxWait.run(() -> ui.main().select(NAME));
        FxWait.until(Duration.ofSeconds(30), "a con0 tab", () -> con0().isPresent());
        FxWait.click(robot, "#view-console");
        ConsoleView con0 = FxWait.get(() -> con0().orElseThrow());
        for (int attempt = 1; ; attempt++) {
            String answer = "shell-" + (1000 + attempt);
            type(robot, con0, "echo shell-$((1000+" + attempt + "))");
            try {
                awaitText(con0, answer, Duration.ofSeconds(10));
                return con0;
            } catch (AssertionError e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    private void type(FxRobot robot, ConsoleView view, String line) {
        // The console may be in another view than the one shown (Inspect): show it first.
        FxWait.run(() -> {
            if (view.pane().getScene() == null) {
                ui.window().viewProperty().set(org.umlmanager.ui.main.MainWindow.View.CONSOLE);
            }
        });
        // Keys go to the focused window: the terminal's own, which may be a detached one.
        robot.interact(() -> {
            if (view.pane().getScene().getWindow() instanceof Stage stage) {
                stage.toFront();
                stage.requestFocus();
            }
            view.focus();
        });
        robot.write(line);
        robot.type(KeyCode.ENTER);
    }

    /** Opens the tab's context menu (as a right click does; Monocle makes no such event of its own). */
    private static void tabMenu(FxRobot robot, String item) {
        FxWait.clickable(robot, "#consoleTab-con0");
        robot.interact(() -> {
            Node header = robot.lookup("#consoleTab-con0").query();
            Bounds b = header.localToScreen(header.getBoundsInLocal());
            header.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5,
                    b.getMinY() + 5, false, null));
        });
        FxWait.click(robot, item);
    }

    @Test
    @Order(1)
    void historyFindsWhatScrolledOutOfTheTabAndSaveLogWritesTheLog(FxRobot robot) throws Exception {
        ConsoleView con0 = selectAndWaitForTheShell(robot);

        // The arithmetic makes the markers appear only in the output, not in the echoed command.
        type(robot, con0, "echo hist-$((40+2))-start; seq 1 3000; echo hist-$((40+3))-end");
        awaitText(con0, "hist-43-end", Duration.ofSeconds(60));
        assertThat(text(con0)).as("the tab keeps 1,000 lines").doesNotContain("hist-42-start");

        tabMenu(robot, "#history-con0");
        FxWait.until("the history is read", () -> robot.lookup("#historyStatus").tryQuery()
                .map(n -> ((Label) n).getText().endsWith(" lines")).orElse(false));
        robot.interact(() -> robot.lookup("#historySearch").queryAs(TextField.class).setText("hist-42-start"));
        FxWait.until("one match", () -> robot.lookup("#historyStatus").queryAs(Label.class).getText()
                .equals("1 matching lines"));
        FxWait.click(robot, "#historyNext");
        ListView<String> lines = robot.lookup("#historyLines").queryListView();
        FxWait.until("the match is selected", () -> "hist-42-start".equals(lines.getSelectionModel().getSelectedItem()));
        assertThat(FxWait.get(() -> List.copyOf(lines.getItems()))).contains("3000", "hist-43-end");
        robot.interact(() -> ((Stage) lines.getScene().getWindow()).close());

        tabMenu(robot, "#saveLog-con0");
        FxWait.until("the log is saved", () -> Files.exists(savedLog)
                && Files.readString(savedLog, StandardCharsets.UTF_8).contains("hist-43-end"));
        String saved = Files.readString(savedLog, StandardCharsets.UTF_8);
        assertThat(saved).contains(BusyboxImage.READY_MARKER, "hist-42-start", "\n2999\r\n");
    }

    @Test
    @Order(2)
    void aTabGoesIntoItsOwnWindowAndBack(FxRobot robot) throws Exception {
        ConsoleView con0 = selectAndWaitForTheShell(robot);
        // Ctrl+1 leaves the console for the configuration (the terminal has the keyboard then);
        // Ctrl+2 brings it back and gives it the keyboard.
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        FxWait.until("the Details view", () -> con0.pane().getScene() == null);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        FxWait.until("the console has the keyboard", () -> con0.pane().getScene() != null
                && insideOf(con0.pane(), con0.pane().getScene().getFocusOwner()));
        TabPane tabs = FxWait.get(() -> robot.lookup("#consoleTabs").queryAs(TabPane.class));

        tabMenu(robot, "#detach-con0");
        FxWait.until("a window of its own", () -> detachedWindow().isPresent());
        Stage window = FxWait.get(() -> detachedWindow().orElseThrow());
        // The tab says where its console went, with a way back (no blank black tab).
        assertThat(FxWait.get(() -> tabs.getTabs().get(0).getContent().getId())).isEqualTo("detachedNote-con0");
        assertThat(FxWait.get(() -> con0.pane().getScene().getWindow())).isSameAs(window);
        // Placed like every secondary window: its own size, on its owner's screen, not at 0,0 under a title bar.
        assertThat(FxWait.get(() -> window.getWidth())).isEqualTo(900);
        assertThat(FxWait.get(() -> window.isResizable())).isTrue();
        // (Typing into the detached window works on a real display; Monocle's robot keeps sending
        // keys to the first window, so this test types once the terminal is back in its tab.)

        // The detached window sits over the main window's middle, where the tab's note is: press it as the
        // keyboard would.
        FxWait.clickable(robot, "#attach-con0");
        robot.interact(() -> robot.lookup("#attach-con0").queryButton().fire());
        FxWait.until("the window closed", () -> !window.isShowing());
        assertThat(FxWait.get(() -> tabs.getTabs().get(0).getContent())).isSameAs(con0.pane());
        type(robot, con0, "echo back-$((3*3))");
        awaitText(con0, "back-9", Duration.ofSeconds(20));
    }

    private static boolean insideOf(Node pane, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == pane) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Stage> detachedWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && (NAME + " — con0").equals(s.getTitle())
                && w.isShowing()).map(w -> (Stage) w).findFirst();
    }

    @Test
    @Order(3)
    void sysRqFromTheToolbarThenPausedInspectShowsInitsStackAndSendsALogLine(FxRobot robot) throws Exception {
        ConsoleView con0 = selectAndWaitForTheShell(robot);
        FxWait.until("SysRq is on for a running guest", () -> !sysRq(robot).isDisabled());
        assertThat(FxWait.get(() -> sysRq(robot).getItems().stream().map(MenuItem::getText).toList()))
                .contains("m — Show memory use in the kernel log", "c — Crash the kernel (panic)…");

        FxWait.click(robot, "#tool-sysrq");
        FxWait.click(robot, "#tool-sysrq-m");
        awaitText(con0, "Mem-Info", Duration.ofSeconds(20));
        FxWait.until("the report in the status line", () -> status(robot).startsWith(NAME + ": sysrq m: "));
        assertThat(FxWait.get(() -> status(robot))).as("one line of the report").doesNotContain("\n");

        FxWait.click(robot, "#tool-pause");
        FxWait.until("paused", () -> state() == InstanceState.PAUSED);
        FxWait.until("Resume is on", () -> !robot.lookup("#tool-resume").queryButton().isDisabled());
        assertThat(FxWait.get(() -> sysRq(robot).isDisabled()))
                .as("a paused kernel still serves SysRq from its stop loop").isFalse();

        // A paused guest's kernel answers 'stack' every time (a running one may refuse; see below).
        openInspectStack(robot);
        FxWait.click(robot, "#inspectStackShow");
        FxWait.until("a call trace", () -> stackText(robot).contains("Call Trace:"));
        assertThat(FxWait.get(() -> stackText(robot))).startsWith("Stack:");
        assertThat(FxWait.get(() -> inspectMessage(robot))).isEmpty();

        FxWait.click(robot, "#tool-resume");
        FxWait.until("running again", () -> state() == InstanceState.RUNNING);
        robot.interact(() -> robot.lookup("#inspectLogLine").queryAs(TextField.class).setText("inspect says hello"));
        FxWait.click(robot, "#inspectLogSend");
        awaitText(con0, "inspect says hello", Duration.ofSeconds(20));
        FxWait.until("the panel says it was sent", () -> inspectMessage(robot).equals("Sent to the kernel log."));
        assertThat(FxWait.get(() -> robot.lookup("#inspectLogLine").queryAs(TextField.class).getText())).isEmpty();
    }

    /**
     * With a busy process in a running 6.1 guest, the kernel mostly refuses 'stack' (the request
     * interrupts user mode): whichever answer comes, the panel shows it, and a refusal is named
     * as such with what helps.
     */
    @Test
    @Order(4)
    void aStackRefusedByARunningGuestIsShownAsARefusal(FxRobot robot) throws Exception {
        ConsoleView con0 = selectAndWaitForTheShell(robot);
        type(robot, con0, "(while :; do :; done) & echo busy-$((5*5))");
        awaitText(con0, "busy-25", Duration.ofSeconds(20));
        try {
            openInspectStack(robot);
            FxWait.click(robot, "#inspectStackShow");
            FxWait.until("an answer", () -> !stackText(robot).isEmpty() || !inspectMessage(robot).isEmpty());
            String stack = FxWait.get(() -> stackText(robot));
            String message = FxWait.get(() -> inspectMessage(robot));
            LOG.info("stack of init with a busy guest process: {}", stack.contains("Call Trace:")
                    ? "a trace" : "refused, message: " + message);
            if (stack.contains("Call Trace:")) {
                assertThat(message).isEmpty();
            } else {
                assertThat(message).startsWith("Could not read the stack of process 1 in " + NAME + ": ")
                        .contains("Pause it and ask again");
                assertThat(message).contains(stack.strip().lines().findFirst().orElse("?"));
            }
        } finally {
            type(robot, con0, "kill $! && echo idle-$((6*6))");
            awaitText(con0, "idle-36", Duration.ofSeconds(20));
        }
    }

    private void openInspectStack(FxRobot robot) {
        FxWait.click(robot, "#view-inspect");
        FxWait.until("the Inspect panel", () -> robot.lookup("#inspectPid").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#inspectPanel .titled-pane").queryAs(TitledPane.class).setExpanded(true));
        robot.interact(() -> robot.lookup("#inspectPid").queryAs(TextField.class).setText("1"));
    }

    private static MenuButton sysRq(FxRobot robot) {
        return robot.lookup("#tool-sysrq").queryAs(MenuButton.class);
    }

    private static String stackText(FxRobot robot) {
        return robot.lookup("#inspectStackText").queryAs(TextArea.class).getText();
    }

    private static String inspectMessage(FxRobot robot) {
        return robot.lookup("#inspectMessage").queryAs(Label.class).getText();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#statusLabel").queryAs(Label.class).getText();
    }

    /** On the FX thread. */
    private InstanceState state() {
        return ui.main().row(NAME).map(InstanceRow::state).orElse(null);
    }

    @Test
    @Order(5)
    void aKilledGuestIsNotifiedAsCrashedAndItsEndedTabClosesOnDemand(FxRobot robot) throws Exception {
        ConsoleView con0 = selectAndWaitForTheShell(robot);
        long pid = desktop.runtime().status(NAME).get(10, TimeUnit.SECONDS).pid().orElseThrow();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        FxWait.until(Duration.ofSeconds(30), "listed as crashed", () -> state() == InstanceState.CRASHED);
        FxWait.until("a notification", () -> robot.lookup(".notification-bar .title").tryQuery()
                .map(n -> ((Label) n).getText().equals(NAME + " crashed")).orElse(false));
        assertThat(FxWait.get(() -> robot.lookup(".notification-bar .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList())).anyMatch(t -> t.contains("signal 9"));
        FxWait.until("Crashed in the list", () -> robot.lookup("#instanceTable .machine-subtitle")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().startsWith("Crashed")));
        FxWait.until("the tab ended", con0::ended);
        FxWait.until("SysRq is off", () -> sysRq(robot).isDisabled());
        assertThat(FxWait.get(() -> robot.lookup("#tool-start").queryButton().isDisabled())).isFalse();
        assertThat(FxWait.get(() -> robot.lookup("#consoleTabs").queryAs(TabPane.class).getTabs().get(0)
                .isClosable())).isTrue();

        FxWait.click(robot, "#machineMenu");
        FxWait.click(robot, "#menu-closeended");

        FxWait.until("the tabs closed", () -> ui.consoles(NAME).isEmpty());
        assertThat(FxWait.get(() -> ui.window().consoleArea().getChildren().stream().map(Node::getId).toList()))
                .containsExactly("consoleIdle");
        FxWait.click(robot, "#machineMenu");
        // A menu item's node shows its item's state as a pseudo-class.
        FxWait.until("Close ended consoles is off", () -> robot.lookup("#menu-closeended").query()
                .getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("disabled")));
        robot.type(KeyCode.ESCAPE);
    }

    /**
     * Reboot asks first, with Cancel as the default; confirmed, the machine shuts down cleanly
     * (the same steps as Shut down) and starts again: a new kernel process with its console.
     */
    @Test
    @Order(6)
    void rebootAsksFirstThenShutsDownCleanlyAndStartsAgain(FxRobot robot) throws Exception {
        selectAndWaitForTheShell(robot);
        long before = desktop.runtime().status(NAME).get(10, TimeUnit.SECONDS).pid().orElseThrow();
        FxWait.click(robot, "#tool-power");
        FxWait.click(robot, "#tool-reboot");
        FxWait.until("the prompt", () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        FxWait.until("the prompt closed", () -> robot.lookup("#confirmDialog").tryQuery().isEmpty());
        assertThat(desktop.runtime().status(NAME).get(10, TimeUnit.SECONDS).pid()).as("Enter is Cancel")
                .hasValue(before);

        // A state change puts the instance count back into the status line at once, so a step can
        // be shown for less than a poll's interval: every text shown is kept.
        List<String> shown = new CopyOnWriteArrayList<>();
        ChangeListener<String> keep = (o, old, text) -> shown.add(text);
        Label statusLabel = FxWait.get(() -> robot.lookup("#statusLabel").queryAs(Label.class));
        FxWait.run(() -> statusLabel.textProperty().addListener(keep));
        try {
            FxWait.click(robot, "#tool-power");
            FxWait.click(robot, "#tool-reboot");
            FxWait.until("the prompt", () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
            robot.clickOn(FxWait.get(() -> robot.lookup("#confirmDialog .button").match((Node n) -> n instanceof Button b
                    && b.getText().equals("Reboot")).queryButton()));
            org.umlmanager.testing.Await.until(Duration.ofSeconds(60), "the clean shut-down's steps",
                    () -> shown.stream().anyMatch(t -> t.startsWith(NAME + ": ")));
        } finally {
            FxWait.run(() -> statusLabel.textProperty().removeListener(keep));
        }
        org.umlmanager.testing.Await.until(UP, "running again in a new process", () -> {
            var now = desktop.runtime().status(NAME).get(10, TimeUnit.SECONDS);
            return now.state() == InstanceState.RUNNING && now.pid().orElse(before) != before;
        });
        FxWait.until("listed as running", () -> state() == InstanceState.RUNNING);
        guests.trackSession(NAME);
        FxWait.until(Duration.ofSeconds(30), "its console again", () -> con0().filter(v -> !v.ended()).isPresent());
    }
}
