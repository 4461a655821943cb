package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.Await;
import org.umlmanager.testing.FxWait;
import org.umlmanager.ui.prefs.PreferencesStore;
import org.umlmanager.ui.prefs.Theme;
import org.umlmanager.ui.prefs.UiPreferences;

/**
 * The whole app as its launcher wires it, over a home directory in /tmp: Preferences… changes
 * what the app uses and what it saves, the theme switches the window's colours both ways, a
 * start that fails is notified, and the toolbar fits the default window. No guest runs; the
 * supervisor the app started ends once the app has closed.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopAppTest {

    private static final String BROKEN = "broken";

    private Path home;
    private AppPaths paths;
    private App app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory(Path.of("/tmp"), "uma");
        paths = AppPaths.under(home);
        new InstanceStore(paths.instancesDir()).create(Instance.builder(BROKEN)
                .kernel(home.resolve("no-such-kernel").toString()).build());
        app = new App(stage, paths);
        app.start(UiPreferences.DEFAULTS);
    }

    @AfterEach
    void stopTheApp() throws Exception {
        FxWait.run(app::stop);
        FxWait.run(stage::hide);
        try {
            // The app starts the supervisor (a child JVM) and keeps a connection to it; with the app closed and
            // nothing to hold, it exits after its idle grace.
            Await.until(Duration.ofSeconds(30), "the supervisor ended", () -> supervisorsOfThisTest().findAny()
                    .isEmpty());
        } finally {
            supervisorsOfThisTest().forEach(ProcessHandle::destroyForcibly);
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Stream<ProcessHandle> supervisorsOfThisTest() {
        return ProcessHandle.current().children().filter(p -> p.isAlive()
                && p.info().commandLine().orElse("").contains(home.toString()));
    }

    private Path preferencesFile() {
        return paths.config().resolve("desktop.properties");
    }

    private UiPreferences saved() {
        return Files.exists(preferencesFile()) ? new PreferencesStore(preferencesFile()).load() : UiPreferences.DEFAULTS;
    }

    private void openPreferences(FxRobot robot) {
        FxWait.click(robot, "#fileMenu");
        FxWait.click(robot, "#menu-preferences");
        FxWait.until("the preferences dialog", () -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
    }

    private static void ok(FxRobot robot) {
        Node ok = FxWait.get(() -> robot.lookup("#preferencesDialog .button").match((Node n)
                -> n instanceof javafx.scene.control.Button b && b.getText().equals("OK")).query());
        robot.clickOn(ok);
        FxWait.until("the dialog closed", () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
    }

    /** Relative luminance of the instance list's own background, 0 (black) to 1 (white); on the FX thread. */
    private static double listBrightness(FxRobot robot) {
        Region table = robot.lookup("#instanceTable").queryAs(Region.class);
        var fills = table.getBackground().getFills();
        Color c = (Color) fills.get(fills.size() - 1).getFill();
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** On the FX thread. */
    private boolean dark() {
        return stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"));
    }

    private static void listed(FxRobot robot) {
        FxWait.until("the instance listed", () -> robot.lookup("#instanceTable").queryTableView().getItems().size() == 1);
    }

    @Test
    void preferencesAreAppliedAndSavedAndTheThemeSwitchesBothWays(FxRobot robot) {
        listed(robot);
        assertThat(FxWait.get(this::dark)).isFalse();
        assertThat(FxWait.get(() -> listBrightness(robot))).as("light list").isGreaterThan(0.8);

        openPreferences(robot);
        TextField kernel = FxWait.get(() -> robot.lookup("#prefKernel").queryAs(TextField.class));
        assertThat(FxWait.<String>get(() -> kernel.getText())).isEqualTo(UiPreferences.DEFAULTS.defaultKernel());
        robot.interact(() -> {
            kernel.setText("/opt/uml/linux-6.1");
            Spinner<Integer> scrollback = robot.lookup("#prefScrollback").query();
            scrollback.getValueFactory().setValue(2500);
        });
        FxWait.click(robot, "#prefTheme");
        robot.clickOn("Dark");
        ok(robot);

        FxWait.until("the dark theme", this::dark);
        assertThat(FxWait.get(() -> listBrightness(robot))).as("dark list").isLessThan(0.2);
        Await.until(Duration.ofSeconds(20), "dark saved", () -> saved().theme() == Theme.DARK);
        UiPreferences saved = saved();
        assertThat(saved.defaultKernel()).isEqualTo("/opt/uml/linux-6.1");
        assertThat(saved.console().scrollbackLines()).isEqualTo(2500);

        // The dialog opens on what is in use; Cancel changes nothing.
        openPreferences(robot);
        assertThat(FxWait.get(() -> robot.lookup("#prefKernel").queryAs(TextField.class).getText()))
                .isEqualTo("/opt/uml/linux-6.1");
        assertThat(FxWait.get(() -> robot.lookup("#prefScrollback").queryAs(Spinner.class).getValue())).isEqualTo(2500);
        assertThat(FxWait.get(() -> robot.lookup("#prefTheme").queryAs(ComboBox.class).getValue()))
                .isEqualTo(Theme.DARK);
        ComboBox<Theme> theme = FxWait.get(() -> robot.lookup("#prefTheme").query());
        robot.interact(() -> theme.setValue(Theme.LIGHT));
        robot.clickOn("Cancel");
        FxWait.until("the dialog closed", () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        assertThat(FxWait.get(this::dark)).isTrue();

        openPreferences(robot);
        FxWait.click(robot, "#prefTheme");
        robot.clickOn("Light");
        ok(robot);
        FxWait.until("the light theme", () -> !dark());
        assertThat(FxWait.get(() -> listBrightness(robot))).as("light again").isGreaterThan(0.8);
        Await.until(Duration.ofSeconds(20), "light saved", () -> saved().theme() == Theme.LIGHT);
        assertThat(saved().defaultKernel()).isEqualTo("/opt/uml/linux-6.1");
    }

    @Test
    void theDarkThemeReachesEveryWindowAndPopup(FxRobot robot) {
        listed(robot);
        openPreferences(robot);
        FxWait.click(robot, "#prefTheme");
        robot.clickOn("Dark");
        ok(robot);
        FxWait.until("the dark theme", this::dark);
        // A dialog, the wizard and a menu each have a scene of their own: all of them are dark.
        openPreferences(robot);
        FxWait.until("the dialog is dark", () -> robot.lookup("#preferencesDialog").query().getScene()
                .getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        robot.clickOn("Cancel");
        FxWait.click(robot, "#tool-newmenu");
        FxWait.until("the menu's popup is dark", () -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing()).findAny()
                .map(w -> w.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"))).orElse(false));
        FxWait.click(robot, "#tool-wizard");
        FxWait.until("the wizard", () -> robot.lookup("#wizardName").tryQuery().isPresent());
        assertThat(FxWait.get(() -> robot.lookup("#wizardName").query().getScene().getStylesheets().stream()
                .anyMatch(s -> s.endsWith("dark.css")))).isTrue();
        // Esc closes the wizard.
        robot.interact(() -> robot.lookup("#wizardName").query().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        FxWait.until("the wizard closed", () -> robot.lookup("#wizardName").tryQuery().isEmpty());
    }

    @Test
    void helpListsTheKeyboardShortcutsAndSaysWhatTheProgramIs(FxRobot robot) {
        listed(robot);
        FxWait.click(robot, "#helpMenu");
        FxWait.click(robot, "#menu-shortcuts");
        FxWait.until("the shortcuts", () -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
        List<String> rows = FxWait.get(() -> robot.lookup("#shortcutsTable").<String[]>queryTableView().getItems()
                .stream().map(r -> r[0] + " " + r[1]).toList());
        assertThat(rows).anyMatch(r -> r.startsWith("F5 Machine ▸ Start"))
                .anyMatch(r -> r.startsWith("F6 / Shift+F6 "))
                .anyMatch(r -> r.contains("View ▸ Console"));
        robot.interact(() -> robot.lookup("#shortcutsTable").query().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        FxWait.until("Esc closed it", () -> robot.lookup("#shortcutsTable").tryQuery().isEmpty());
        FxWait.click(robot, "#helpMenu");
        FxWait.click(robot, "#menu-about");
        FxWait.until("About", () -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        FxWait.until("Esc closed About", () -> robot.lookup("#aboutDialog").tryQuery().isEmpty());
    }

    @Test
    void f6MovesBetweenToolbarListAndViewAndCtrl1SwitchesViews(FxRobot robot) {
        listed(robot);
        robot.interact(() -> robot.lookup("#instanceTable").query().requestFocus());
        robot.type(javafx.scene.input.KeyCode.F6);
        FxWait.until("the view has the focus", () -> inside(robot, "#viewArea"));
        robot.type(javafx.scene.input.KeyCode.F6);
        FxWait.until("the toolbar has the focus", () -> inside(robot, "#toolBar"));
        robot.type(javafx.scene.input.KeyCode.F6);
        FxWait.until("the list has the focus", () -> robot.lookup("#instanceTable").query().isFocused());
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.F6)
                .release(javafx.scene.input.KeyCode.SHIFT);
        FxWait.until("back to the toolbar", () -> inside(robot, "#toolBar"));
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT3)
                .release(javafx.scene.input.KeyCode.CONTROL);
        FxWait.until("the Usage view", () -> robot.lookup("#usageView").tryQuery().filter(n -> n.getScene() != null)
                .isPresent());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT1)
                .release(javafx.scene.input.KeyCode.CONTROL);
        FxWait.until("the Details view", () -> robot.lookup("#usageView").tryQuery().isEmpty());
        // Ctrl+F goes to the machine filter.
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.CONTROL);
        FxWait.until("the filter has the focus", () -> robot.lookup("#filterField").query().isFocused());
    }

    /** Whether the focus owner is inside {@code query}; on the FX thread. */
    private boolean inside(FxRobot robot, String query) {
        Node pane = robot.lookup(query).query();
        for (Node n = stage.getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == pane) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aStartThatFailsIsNotifiedAndExplained(FxRobot robot) {
        listed(robot);
        robot.interact(() -> robot.lookup("#instanceTable").queryTableView().getSelectionModel().select(0));
        FxWait.click(robot, "#tool-start");

        FxWait.until("a notification", () -> robot.lookup(".notification-bar .title").tryQuery()
                .map(n -> ((Label) n).getText().equals("Could not start " + BROKEN)).orElse(false));
        List<String> texts = FxWait.get(() -> robot.lookup(".notification-bar .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertThat(texts).anyMatch(t -> t.contains("no-such-kernel"));
        // Placed by its right edge at the window's: its long text is wrapped so that it stays inside.
        Bounds notice = FxWait.get(() -> {
            Node bar = robot.lookup(".notification-bar").query();
            return bar.localToScreen(bar.getBoundsInLocal());
        });
        assertThat(notice.getMinX()).as("notification's left edge").isGreaterThanOrEqualTo(FxWait.get(stage::getX));
        assertThat(notice.getWidth()).as("notification's width").isLessThan(560);
        FxWait.until("an error dialog", () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        // As tall as its wrapped headline and buttons need, not a mostly empty window.
        double[] heights = FxWait.get(() -> {
            Region pane = robot.lookup("#errorDialog").queryAs(Region.class);
            return new double[] {pane.getHeight(), Math.ceil(pane.prefHeight(pane.getWidth()))};
        });
        assertThat(heights[0]).as("error dialog height (preferred %s)", heights[1]).isLessThanOrEqualTo(heights[1] + 1);
        assertThat(FxWait.get(() -> robot.lookup("#errorDialog .header-panel .label").queryAs(Label.class).getText()))
                .startsWith("Could not start " + BROKEN + ": ").contains("no-such-kernel");
        assertThat(FxWait.get(() -> robot.lookup("#statusLabel").queryAs(Label.class).getText()))
                .startsWith("Could not start " + BROKEN + ": ");
        // OK is the error dialog's default button.
        robot.interact(() -> robot.lookup("#errorDialog").query().getScene().getWindow().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        FxWait.until("the dialog closed", () -> robot.lookup("#errorDialog").tryQuery().isEmpty());
        FxWait.until("it can be started again", () -> !robot.lookup("#tool-start").queryButton().isDisabled());
    }

    @Test
    void theToolbarFitsTheDefaultWindowWithNoLabelCut(FxRobot robot) {
        listed(robot);
        FxWait.run(() -> {
            assertThat(stage.getScene().getWidth()).isEqualTo(UiPreferences.DEFAULTS.window().width());
            ToolBar bar = robot.lookup(".tool-bar").queryAs(ToolBar.class);
            // A toolbar that does not fit moves its last items into an overflow menu.
            double right = bar.localToScene(bar.getLayoutBounds()).getMaxX();
            assertThat(bar.getItems()).allMatch(n -> n.getParent() != null
                    && n.localToScene(n.getLayoutBounds()).getMaxX() <= right);
            assertThat(robot.lookup(".tool-bar-overflow-button").tryQuery().filter(Node::isVisible)).isEmpty();
            // Every button and menu of the toolbar has an icon, a tooltip, and its label uncut.
            var controls = Stream.of(".button", ".menu-button", ".toggle-button")
                    .flatMap(q -> bar.lookupAll(q).stream()).distinct()
                    .filter(n -> n instanceof Labeled).map(n -> (Labeled) n).toList();
            assertThat(controls).hasSizeGreaterThanOrEqualTo(11);
            assertThat(controls).allSatisfy(l -> assertThat(l.getGraphic()).as(l.getId()).isNotNull());
            assertThat(controls).filteredOn(l -> l.getText() != null && !l.getText().isEmpty() && l.isVisible())
                    .allSatisfy(l -> assertThat(((Text) l.lookup(".text")).getText()).as(l.getText())
                            .isEqualTo(l.getText()));
        });
        // Tooltips are made on the first hover (a disabled button's by the holder around it; a
        // disabled menu button gets no pointer events, and JavaFX shows a disabled control no
        // tooltip anyway: it gets its tooltip on the first hover once enabled).
        List<Labeled> shown = FxWait.get(() -> {
            ToolBar bar = robot.lookup(".tool-bar").queryAs(ToolBar.class);
            return Stream.of(".button", ".menu-button", ".toggle-button").flatMap(q -> bar.lookupAll(q).stream())
                    .distinct().filter(n -> n instanceof Labeled && showing(n)).map(n -> (Labeled) n)
                    .filter(l -> !l.isDisabled() || l.getParent().getStyleClass().contains("tool-holder")).toList();
        });
        assertThat(shown).hasSizeGreaterThanOrEqualTo(8);
        for (Labeled l : shown) {
            robot.moveTo(l);
            FxWait.until(l.getId() + " has a tooltip", () -> tooltipText(l).filter(t -> !t.isBlank()).isPresent());
        }
    }

    /** Visible, and so are all its parents (Pause and Resume share a place: one holder is hidden). */
    private static boolean showing(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The text of the tooltip on {@code l}, or on the holder that carries a toolbar button's. */
    private static java.util.Optional<String> tooltipText(Labeled l) {
        if (l.getTooltip() != null) {
            return java.util.Optional.ofNullable(l.getTooltip().getText());
        }
        return java.util.Optional.ofNullable(l.getParent()).flatMap(p -> p.getProperties().values().stream()
                .filter(v -> v instanceof javafx.scene.control.Tooltip).map(v -> ((javafx.scene.control.Tooltip) v)
                        .getText()).findFirst());
    }
}
