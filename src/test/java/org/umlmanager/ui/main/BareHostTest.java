package org.umlmanager.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
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
import org.umlmanager.job.HostCheck;
import org.umlmanager.launch.HolderLauncher;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * First run on a bare machine: the host check finds no kernel and none of the tools; the window
 * says which feature needs which package, with the apt line, and the rest of it works.
 */
@ExtendWith(ApplicationExtension.class)
class BareHostTest {

    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private Path home;
    private MainUi ui;
    private RuntimeService runtime;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(Path.of("/tmp"), "ubh");
        InstanceStore store = new InstanceStore(home.resolve("instances"));
        store.create(Instance.builder("alpha").kernel(home.resolve("no-kernel").toString()).build());
        InstanceService service = new InstanceService(store, io);
        ValidationContext context = new ValidationContext(Optional.empty(), true, home);
        EditorFactory editors = new EditorFactory(i -> Validator.validate(i, context),
                i -> CommandLineGenerator.launchCommand(i, GenerateOptions.none()).toShellLine(), io,
                Platform::runLater);
        AppPaths paths = AppPaths.under(home);
        RuntimeLayout layout = new RuntimeLayout(paths.sessionsDir(), paths.runtime().resolve("holders"),
                paths.logsDir(), paths.runtime().resolve("uml"), home);
        runtime = new RuntimeService(layout, HolderLauncher.forThisJvm(layout.holdersDir()), List::of, io,
                Platform::runLater);
        ui = new MainUi(stage, service, runtime, editors, new MainUi.Context(() -> home.resolve("no-kernel").toString(),
                home.resolve("data"), (name, text) -> CommandLineParser.parseShellLine(name, text, home, context),
                i -> CommandLineGenerator.launchCommand(i, GenerateOptions.none()).toScript(i.name()),
                () -> ConsolePreferences.DEFAULTS, layout.logsDir(), io, Platform::runLater), List.of());
        stage.setScene(ui.window().scene(1100, 750));
        stage.show();
        ui.refresh();
        // An empty search path: no program is found, as on a machine with none of them installed.
        HostCheck bare = new HostCheck(name -> Optional.empty());
        ui.checkHost(() -> bare.missing(home.resolve("no-kernel").toString()));
    }

    @AfterEach
    void cleanUp() throws IOException {
        runtime.close();
        io.shutdownNow();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theWindowNamesEachMissingFeatureWithItsAptLineAndTheRestWorks(FxRobot robot) {
        waitFor(() -> robot.lookup("#hostBanner").tryQuery().isPresent());

        assertThat(text(robot, "#hostProblem-user-mode-linux")).isEqualTo("Starting machines needs the User Mode"
                + " Linux kernel (" + home.resolve("no-kernel") + "): sudo apt-get install user-mode-linux");
        assertThat(text(robot, "#hostProblem-uml-utilities")).endsWith("needs uml_switch: sudo apt-get install"
                + " uml-utilities");
        assertThat(text(robot, "#hostProblem-vde2")).startsWith("VDE networks").endsWith("sudo apt-get install vde2");
        assertThat(text(robot, "#hostProblem-mmdebstrap")).isEqualTo("New Debian machines needs mmdebstrap:"
                + " sudo apt-get install mmdebstrap");
        TextField command = robot.lookup("#hostInstallCommand").queryAs(TextField.class);
        assertThat(command.getText()).isEqualTo("sudo apt-get install user-mode-linux uml-utilities vde2 mmdebstrap"
                + " busybox-static e2fsprogs");
        robot.clickOn("#hostInstallCopy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()))
                .succeedsWithin(java.time.Duration.ofSeconds(10)).isEqualTo(command.getText());

        // The rest works: the list, the editor (which names the missing kernel at its field), the menus.
        TableView<?> table = robot.lookup("#instanceTable").queryTableView();
        waitFor(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        waitFor(() -> robot.lookup("#nameField").tryQuery().map(n -> ((TextField) n).getText())
                .filter("alpha"::equals).isPresent());
        robot.clickOn("#fileMenu");
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

        robot.clickOn("#hostBannerDismiss");
        waitFor(() -> robot.lookup("#hostBanner").tryQuery().isEmpty());
    }

    @Test
    void aHostWithEverythingShowsNoNotice(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#hostBanner").tryQuery().isPresent());
        HostCheck complete = new HostCheck(name -> Optional.of(Path.of("/usr/bin", name)));

        ui.checkHost(() -> complete.missing("linux")).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#hostBanner").tryQuery()).isEmpty();
    }
}
