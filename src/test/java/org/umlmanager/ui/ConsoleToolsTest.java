package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import javafx.geometry.Bounds;
import javafx.scene.Node;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
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
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.EditorFactory;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * A console tab's tools against one real guest shared by the tests (each builds a fresh window
 * over it): History… finds what scrolled out of the tab, Save log… writes the log, a tab goes
 * into its own window and back, SysRq from the toolbar, Pause and Inspect's process stack and
 * kernel log line, a stack refused by the running kernel; last, the guest is killed: a
 * notification, CRASHED in the list, SysRq off, and its ended tab closed on demand.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleToolsTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleToolsTest.class);
    private static final String NAME = "tools";
    private static final ExecutorService IO = Executors.newFixedThreadPool(3);
    private static final List<Instance> KNOWN = new CopyOnWriteArrayList<>();
    private static GuestFixture guests;
    private static RuntimeService runtime;
    private static Path savedLog;
    private MainUi ui;

    @BeforeAll
    static void bootTheGuest() throws Exception {
        FxToolkit.registerPrimaryStage();
        guests = GuestFixture.create();
        Instance instance = guests.instance(NAME).build();
        new InstanceStore(guests.paths().instancesDir()).create(instance);
        KNOWN.add(instance);
        savedLog = guests.dir().resolve("saved.log");
        runtime = new RuntimeService(guests.layout(), SupervisorLauncher.forThisJvm(guests.layout()),
                () -> List.copyOf(KNOWN), IO, Platform::runLater);
        runtime.start(instance).get(60, TimeUnit.SECONDS);
        guests.trackSession(NAME);
        // Booting to the mconsole took over 20 s once under the full suite on 2 cores.
        runtime.whenRunning(NAME).get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopTheGuest() throws Exception {
        try {
            if (runtime.status(NAME).get(10, TimeUnit.SECONDS).state().active()) {
                runtime.stop(NAME, StopMode.FORCE, step -> { }).get(30, TimeUnit.SECONDS);
            }
            runtime.close();
        } finally {
            IO.shutdownNow();
            guests.close();
        }
    }

    @Start
    void start(Stage stage) {
        var instances = new InstanceService(new InstanceStore(guests.paths().instancesDir()), IO);
        ValidationContext context = new ValidationContext(Optional.of(guests.layout().defaultUmlDir()), true,
                guests.dir());
        GenerateOptions generate = new GenerateOptions(Optional.of(guests.layout().defaultUmlDir()), Optional.empty());
        EditorFactory editors = new EditorFactory(i -> Validator.validate(i, context),
                i -> CommandLineGenerator.launchCommand(i, generate).toShellLine(), IO, Platform::runLater);
        ui = new MainUi(stage, instances, runtime, editors, new MainUi.Context(() -> "linux",
                guests.paths().data(), (n, t) -> CommandLineParser.parseShellLine(n, t, guests.dir(), context),
                i -> CommandLineGenerator.launchCommand(i, generate).toScript(i.name()),
                () -> ConsolePreferences.DEFAULTS, guests.layout().logsDir(), IO, Platform::runLater,
                (owner, title, file) -> Optional.of(savedLog)), List.of());
        stage.setScene(ui.window().scene(1200, 800));
        stage.show();
        ui.refresh();
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ui.close();
            List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage s && s.getOwner() != null
                    || w instanceof Stage s2 && s2.getTitle() != null && s2.getTitle().startsWith(NAME))
                    .forEach(Window::hide);
        }).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Duration limit, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + limit, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Optional<ConsoleView> con0() {
        return ui.consoles(NAME).flatMap(c -> c.view("con0"));
    }

    /**
     * Selects the guest and waits for its console tab and the shell in it: a command typed there
     * is answered (asked again while the guest still boots; earlier output may be past the
     * holder's scrollback for a new window).
     */
    private ConsoleView selectAndWaitForTheShell(FxRobot robot) throws TimeoutException {
        waitFor(Duration.ofSeconds(60), () -> ui.main().row(NAME).map(InstanceRow::state).orElse(null)
                == InstanceState.RUNNING);
        robot.interact(() -> ui.main().select(NAME));
        waitFor(Duration.ofSeconds(30), () -> con0().isPresent());
        ConsoleView con0 = con0().orElseThrow();
        for (int attempt = 1; ; attempt++) {
            String answer = "shell-" + (1000 + attempt);
            type(robot, con0, "echo shell-$((1000+" + attempt + "))");
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> con0.bufferText().contains(answer));
                return con0;
            } catch (TimeoutException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    private static void type(FxRobot robot, ConsoleView view, String line) {
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
        Node header = robot.lookup("#consoleTab-con0").query();
        robot.interact(() -> {
            Bounds b = header.localToScreen(header.getBoundsInLocal());
            header.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5,
                    b.getMinY() + 5, false, null));
        });
        robot.clickOn(item);
    }

    @Test
    @Order(1)
    void historyFindsWhatScrolledOutOfTheTabAndSaveLogWritesTheLog(FxRobot robot) throws Exception {
        ConsoleView con0 = selectAndWaitForTheShell(robot);

        // The arithmetic makes the markers appear only in the output, not in the echoed command.
        type(robot, con0, "echo hist-$((40+2))-start; seq 1 3000; echo hist-$((40+3))-end");
        waitFor(Duration.ofSeconds(60), () -> con0.bufferText().contains("hist-43-end"));
        assertThat(con0.bufferText()).as("the tab keeps 1,000 lines").doesNotContain("hist-42-start");

        tabMenu(robot, "#history-con0");
        waitFor(Duration.ofSeconds(20), () -> robot.lookup("#historyStatus").tryQuery()
                .map(n -> ((Label) n).getText().endsWith(" lines")).orElse(false));
        robot.interact(() -> robot.lookup("#historySearch").queryAs(TextField.class).setText("hist-42-start"));
        waitFor(Duration.ofSeconds(20), () -> robot.lookup("#historyStatus").queryAs(Label.class).getText()
                .equals("1 matching lines"));
        robot.clickOn("#historyNext");
        ListView<String> lines = robot.lookup("#historyLines").queryListView();
        assertThat(lines.getSelectionModel().getSelectedItem()).isEqualTo("hist-42-start");
        assertThat(lines.getItems()).contains("3000", "hist-43-end");
        robot.interact(() -> ((Stage) lines.getScene().getWindow()).close());

        tabMenu(robot, "#saveLog-con0");
        waitFor(Duration.ofSeconds(20), () -> Files.exists(savedLog)
                && Files.readString(savedLog, StandardCharsets.UTF_8).contains("hist-43-end"));
        String saved = Files.readString(savedLog, StandardCharsets.UTF_8);
        assertThat(saved).contains(BusyboxImage.READY_MARKER, "hist-42-start", "\n2999\r\n");
    }

    @Test
    @Order(2)
    void aTabGoesIntoItsOwnWindowAndBack(FxRobot robot) throws Exception {
        ConsoleView con0 = selectAndWaitForTheShell(robot);
        TabPane tabs = robot.lookup("#consoleTabs").queryAs(TabPane.class);

        tabMenu(robot, "#detach-con0");
        waitFor(Duration.ofSeconds(20), () -> detachedWindow().isPresent());
        Stage window = detachedWindow().orElseThrow();
        assertThat(tabs.getTabs().get(0).getContent()).isNull();
        assertThat(con0.pane().getScene().getWindow()).isSameAs(window);
        // (Typing into the detached window works on a real display; Monocle's robot keeps sending
        // keys to the first window, so this test types once the terminal is back in its tab.)

        robot.interact(window::close);
        assertThat(tabs.getTabs().get(0).getContent()).isSameAs(con0.pane());
        type(robot, con0, "echo back-$((3*3))");
        waitFor(Duration.ofSeconds(20), () -> con0.bufferText().contains("back-9"));
    }

    private static Optional<Stage> detachedWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && (NAME + " — con0").equals(s.getTitle())
                && w.isShowing()).map(w -> (Stage) w).findFirst();
    }

    @Test
    @Order(3)
    void sysRqFromTheToolbarThenPausedInspectShowsInitsStackAndSendsALogLine(FxRobot robot) throws Exception {
        ConsoleView con0 = selectAndWaitForTheShell(robot);
        assertThat(robot.lookup("#tool-sysrq").queryAs(MenuButton.class).isDisabled()).as("running").isFalse();
        assertThat(robot.lookup("#tool-sysrq").queryAs(MenuButton.class).getItems()).extracting(MenuItem::getText)
                .contains("m — Show memory use in the kernel log", "c — Crash the kernel (panic)…");

        robot.clickOn("#tool-sysrq").clickOn("#tool-sysrq-m");
        waitFor(Duration.ofSeconds(20), () -> con0.bufferText().contains("Mem-Info"));
        waitFor(Duration.ofSeconds(20), () -> status(robot).startsWith(NAME + ": sysrq m: "));
        assertThat(status(robot)).as("one line of the report").doesNotContain("\n");

        robot.clickOn("#tool-pause");
        waitFor(Duration.ofSeconds(20), () -> state() == InstanceState.PAUSED);
        assertThat(robot.lookup("#tool-sysrq").queryAs(MenuButton.class).isDisabled())
                .as("a paused kernel still serves SysRq from its stop loop").isFalse();
        assertThat(robot.lookup("#tool-resume").queryButton().isDisabled()).isFalse();

        // A paused guest's kernel answers 'stack' every time (a running one may refuse; see below).
        openInspectStack(robot);
        robot.clickOn("#inspectStackShow");
        waitFor(Duration.ofSeconds(20), () -> stackText(robot).contains("Call Trace:"));
        assertThat(stackText(robot)).startsWith("Stack:");
        assertThat(inspectMessage(robot)).isEmpty();

        robot.clickOn("#tool-resume");
        waitFor(Duration.ofSeconds(20), () -> state() == InstanceState.RUNNING);
        robot.interact(() -> robot.lookup("#inspectLogLine").queryAs(TextField.class).setText("inspect says hello"));
        robot.clickOn("#inspectLogSend");
        waitFor(Duration.ofSeconds(20), () -> con0.bufferText().contains("inspect says hello"));
        assertThat(inspectMessage(robot)).isEqualTo("Sent to the kernel log.");
        assertThat(robot.lookup("#inspectLogLine").queryAs(TextField.class).getText()).isEmpty();
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
        waitFor(Duration.ofSeconds(20), () -> con0.bufferText().contains("busy-25"));
        try {
            openInspectStack(robot);
            robot.clickOn("#inspectStackShow");
            waitFor(Duration.ofSeconds(20), () -> !stackText(robot).isEmpty() || !inspectMessage(robot).isEmpty());
            LOG.info("stack of init with a busy guest process: {}", stackText(robot).contains("Call Trace:")
                    ? "a trace" : "refused, message: " + inspectMessage(robot));
            if (stackText(robot).contains("Call Trace:")) {
                assertThat(inspectMessage(robot)).isEmpty();
            } else {
                assertThat(inspectMessage(robot)).startsWith("Could not read the stack of process 1 in " + NAME + ": ")
                        .contains("Pause it and ask again");
                assertThat(inspectMessage(robot)).contains(stackText(robot).strip().lines().findFirst().orElse("?"));
            }
        } finally {
            type(robot, con0, "kill $! && echo idle-$((6*6))");
            waitFor(Duration.ofSeconds(20), () -> con0.bufferText().contains("idle-36"));
        }
    }

    private void openInspectStack(FxRobot robot) {
        robot.clickOn("#tool-inspect");
        waitFor(Duration.ofSeconds(20), () -> robot.lookup("#inspectPid").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#inspectPanel .titled-pane").queryAs(TitledPane.class).setExpanded(true));
        robot.interact(() -> robot.lookup("#inspectPid").queryAs(TextField.class).setText("1"));
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

    private InstanceState state() {
        return ui.main().row(NAME).map(InstanceRow::state).orElse(null);
    }

    @Test
    @Order(5)
    void aKilledGuestIsNotifiedAsCrashedAndItsEndedTabClosesOnDemand(FxRobot robot) throws Exception {
        ConsoleView con0 = selectAndWaitForTheShell(robot);
        long pid = runtime.status(NAME).get(10, TimeUnit.SECONDS).pid().orElseThrow();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        waitFor(Duration.ofSeconds(30), () -> ui.main().row(NAME).map(InstanceRow::state).orElse(null)
                == InstanceState.CRASHED);
        waitFor(Duration.ofSeconds(20), () -> robot.lookup(".notification-bar .title").tryQuery()
                .map(n -> ((Label) n).getText().equals(NAME + " crashed")).orElse(false));
        assertThat(robot.lookup(".notification-bar .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("signal 9"));
        assertThat(robot.lookup("#instanceTable .table-cell").queryAllAs(javafx.scene.control.TableCell.class))
                .extracting(c -> c.getText() == null ? "" : c.getText()).contains("Crashed");
        waitFor(Duration.ofSeconds(20), con0::ended);
        assertThat(robot.lookup("#tool-sysrq").queryAs(MenuButton.class).isDisabled()).as("crashed").isTrue();
        assertThat(robot.lookup("#tool-start").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#consoleTabs").queryAs(TabPane.class).getTabs().get(0).isClosable()).isTrue();

        robot.clickOn("#machineMenu").clickOn("#menu-closeended");

        waitFor(Duration.ofSeconds(20), () -> ui.consoles(NAME).isEmpty());
        assertThat(ui.window().consoleArea().getChildren()).isEmpty();
        robot.clickOn("#machineMenu");
        // A menu item's node shows its item's state as a pseudo-class.
        waitFor(Duration.ofSeconds(20), () -> robot.lookup("#menu-closeended").query().getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("disabled")));
        robot.type(KeyCode.ESCAPE);
    }
}
