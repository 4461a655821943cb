package org.umlmanager.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
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
import org.testfx.util.WaitForAsyncUtils;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.model.MemorySize;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.ui.prefs.ConsolePreferences;

/** The main window over a real store in a temp directory, with the real parser and validator. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private Path home;
    private InstanceService service;
    private MainUi ui;
    private RuntimeService runtime;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(Path.of("/tmp"), "umw");
        InstanceStore store = new InstanceStore(home.resolve("instances"));
        store.create(Instance.builder("alpha").memory(MemorySize.ofMebibytes(128)).build());
        store.create(Instance.builder("beta").build());
        store.create(Instance.builder("gamma").umid("special").build());
        service = new InstanceService(store, io);
        ValidationContext context = new ValidationContext(Optional.empty(), true, home);
        EditorFactory editors = new EditorFactory(i -> Validator.validate(i, context),
                i -> CommandLineGenerator.launchCommand(i, GenerateOptions.none()).toShellLine(), io,
                Platform::runLater);
        AppPaths paths = AppPaths.under(home);
        RuntimeLayout layout = new RuntimeLayout(paths.sessionsDir(), paths.runtime().resolve("holders"),
                paths.logsDir(), paths.runtime().resolve("uml"), home);
        runtime = new RuntimeService(layout, SupervisorLauncher.forThisJvm(layout), List::of, io,
                Platform::runLater);
        ui = new MainUi(stage, service, runtime, editors, new MainUi.Context(() -> "linux", home.resolve("data"),
                (name, text) -> CommandLineParser.parseShellLine(name, text, home, context),
                i -> CommandLineGenerator.launchCommand(i, GenerateOptions.none()).toScript(i.name()),
                () -> ConsolePreferences.DEFAULTS, layout.logsDir(), io, Platform::runLater), List.of());
        stage.setScene(ui.window().scene(1100, 750));
        stage.show();
        ui.refresh();
    }

    @AfterEach
    void cleanUp() throws IOException {
        runtime.close();
        io.shutdownNow();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean nameShown(FxRobot robot, String name) {
        return robot.lookup("#nameField").tryQuery().map(n -> ((TextField) n).getText()).filter(name::equals)
                .isPresent();
    }

    private static TableView<?> table(FxRobot robot) {
        return robot.lookup("#instanceTable").queryTableView();
    }

    @Test
    void listsTheSavedInstancesAndFiltersByNameOrUmid(FxRobot robot) {
        waitFor(() -> table(robot).getItems().size() == 3);
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("3 instances, 0 running");

        robot.clickOn("#filterField").write("spec");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).extracting(r -> ((InstanceRow) r).name()).containsExactly("gamma");

        robot.eraseText(4).write("A");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).extracting(r -> ((InstanceRow) r).name())
                .containsExactly("alpha", "beta", "gamma");
        robot.eraseText(1).write("lph");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).extracting(r -> ((InstanceRow) r).name()).containsExactly("alpha");
    }

    @Test
    void editingAndSavingGoesThroughTheServiceAndUnsavedEditsAsk(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 3);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        waitFor(() -> nameShown(robot, "alpha"));

        TextField memory = robot.lookup("#memoryField").queryAs(TextField.class);
        robot.interact(() -> {
            memory.requestFocus();
            memory.selectAll();
        });
        robot.write("1");
        waitFor(() -> robot.lookup("#memoryFieldMessage").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#memoryFieldMessage").queryAs(Label.class).getText())
                .isEqualTo(Validator.validate(Instance.builder("alpha").memory(MemorySize.ofMebibytes(1)).build(),
                        ValidationContext.syntaxOnly()).stream().filter(p -> p.field().equals("memory"))
                        .findFirst().orElseThrow().message());
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isDisabled()).isTrue();

        robot.write("92");
        waitFor(() -> !robot.lookup("#saveButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#saveButton");
        waitFor(() -> service.get("alpha").get().memory().equals(Optional.of(MemorySize.ofMebibytes(192))));

        robot.interact(() -> {
            memory.requestFocus();
            memory.selectAll();
        });
        robot.write("64");
        WaitForAsyncUtils.waitForFxEvents();
        // Not interact(): it would wait for the selection listener, which waits for the dialog.
        Platform.runLater(() -> table(robot).getSelectionModel().clearAndSelect(1));
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        robot.clickOn("Discard");
        waitFor(() -> nameShown(robot, "beta"));
        assertThat(service.get("alpha").get().memory()).contains(MemorySize.ofMebibytes(192));
    }

    @Test
    void aRunningInstanceIsNotRenamed(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 3);
        robot.interact(() -> ui.main().stateChanged("beta", InstanceState.RUNNING, ""));
        robot.interact(() -> ui.main().select("beta"));
        waitFor(() -> nameShown(robot, "beta"));

        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        robot.interact(() -> name.setText("beta2"));
        waitFor(() -> !robot.lookup("#saveButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#saveButton");

        waitFor(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText())
                .isEqualTo("Could not rename beta: beta is running; shut it down before renaming it (its session,"
                        + " consoles and logs go by its name)");
        assertThat(service.list().get().instances()).extracting(Instance::name).containsExactly("alpha", "beta",
                "gamma");
    }

    @Test
    void importsAPastedCommandLineAfterShowingItsProblems(FxRobot robot) throws Exception {
        Path image = Files.createFile(home.resolve("web.img"));
        robot.clickOn("#tool-import");
        waitFor(() -> robot.lookup("#importText").tryQuery().isPresent());
        robot.clickOn("#importName").write("web");
        robot.clickOn("#importText").write("linux mem=128M ubd0=" + home.resolve("missing.img")
                + " umid=web con0=fd:0,fd:1");
        robot.clickOn("#importCheck");
        waitFor(() -> !robot.lookup("#importProblems").queryListView().getItems().isEmpty());
        assertThat(robot.lookup("#importProblems").queryListView().getItems().toString()).contains("missing.img");
        assertThat(robot.lookup("#importSave").queryAs(Button.class).isDisabled()).isTrue();

        TextArea text = robot.lookup("#importText").queryAs(TextArea.class);
        robot.interact(() -> text.setText("TMPDIR=/tmp linux mem=128M ubd0=" + image + " umid=web con0=fd:0,fd:1"));
        robot.clickOn("#importCheck");
        waitFor(() -> !robot.lookup("#importSave").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#importResult").queryAs(TextArea.class).getText()).contains("128 MiB",
                "ubda", image.toString());
        robot.clickOn("#importSave");

        waitFor(() -> table(robot).getItems().size() == 4);
        Instance saved = service.get("web").get(5, TimeUnit.SECONDS);
        assertThat(saved.memory()).contains(MemorySize.ofMebibytes(128));
        assertThat(saved.disks().get(0).image()).isEqualTo(image.toString());
        assertThat(saved.environment()).containsEntry("TMPDIR", "/tmp");
        waitFor(() -> nameShown(robot, "web"));
    }

    @Test
    void newFromATemplateDuplicateAndDelete(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 3);
        robot.clickOn("#tool-new");
        waitFor(() -> robot.lookup("#templateDialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#nameInput").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#nameInput").queryAs(TextField.class).setText("fresh"));
        robot.clickOn("#nameInput").type(KeyCode.ENTER);
        waitFor(() -> table(robot).getItems().size() == 4);
        Instance fresh = service.get("fresh").get(5, TimeUnit.SECONDS);
        assertThat(fresh.kernel()).isEqualTo("linux");
        assertThat(fresh.hostfs()).isPresent();
        waitFor(() -> nameShown(robot, "fresh"));

        robot.clickOn("#menuBar").clickOn("Edit").clickOn("Duplicate…");
        waitFor(() -> robot.lookup("#nameInput").tryQuery().isPresent());
        assertThat(robot.lookup("#nameInput").queryAs(TextField.class).getText()).isEqualTo("fresh-copy");
        robot.clickOn("#nameInput").type(KeyCode.ENTER);
        waitFor(() -> table(robot).getItems().size() == 5);
        assertThat(service.get("fresh-copy").get(5, TimeUnit.SECONDS).umid()).isEqualTo("fresh-copy");

        robot.clickOn("#menuBar").clickOn("Edit").clickOn("Delete…");
        waitFor(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn("Delete");
        waitFor(() -> table(robot).getItems().size() == 4);
        assertThat(service.list().get(5, TimeUnit.SECONDS).find("fresh-copy")).isEmpty();
    }
}
