package org.umlmanager.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.model.MemorySize;
import org.umlmanager.service.InstanceService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.Await;
import org.umlmanager.testing.FxWait;
import org.umlmanager.ui.DesktopFixture;

/** The main window over a real store in a temp directory, with the real parser and validator. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Path home;
    private DesktopFixture desktop;
    private InstanceService service;
    private MainUi ui;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(Path.of("/tmp"), "umw");
        InstanceStore store = new InstanceStore(AppPaths.under(home).instancesDir());
        store.create(Instance.builder("alpha").memory(MemorySize.ofMebibytes(128)).build());
        store.create(Instance.builder("beta").build());
        store.create(Instance.builder("gamma").umid("special").build());
        desktop = DesktopFixture.under(home);
        service = desktop.instances();
        ui = desktop.show(stage, 1100, 750);
    }

    @AfterEach
    void cleanUp() throws IOException {
        desktop.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static boolean nameShown(FxRobot robot, String name) {
        return robot.lookup("#nameField").tryQuery().map(n -> ((TextField) n).getText()).filter(name::equals)
                .isPresent();
    }

    /** The names listed; on the FX thread. */
    private static List<String> names(FxRobot robot) {
        return table(robot).getItems().stream().map(r -> ((InstanceRow) r).name()).toList();
    }

    private static TableView<?> table(FxRobot robot) {
        return robot.lookup("#instanceTable").queryTableView();
    }

    @Test
    void listsTheSavedInstancesAndFiltersByNameOrUmid(FxRobot robot) {
        FxWait.until("three rows", () -> table(robot).getItems().size() == 3);
        FxWait.until("the status line", () -> robot.lookup("#statusLabel").queryAs(Label.class).getText()
                .equals("3 instances, 0 running"));

        FxWait.click(robot, "#filterField");
        robot.write("spec");
        FxWait.until("gamma alone", () -> names(robot).equals(List.of("gamma")));

        robot.eraseText(4).write("A");
        FxWait.until("all three", () -> names(robot).equals(List.of("alpha", "beta", "gamma")));
        robot.eraseText(1).write("lph");
        FxWait.until("alpha alone", () -> names(robot).equals(List.of("alpha")));
        // A filter that matches nothing says so, and does not offer to create a first machine.
        robot.write("zzz");
        FxWait.until("no rows", () -> names(robot).isEmpty());
        FxWait.until("the list says nothing matches", () -> table(robot).getPlaceholder() instanceof Label l
                && l.getText().equals("No machine matches “lphzzz”."));
        assertThat(FxWait.get(() -> robot.lookup("#createFirstVm").tryQuery().filter(n -> n.isVisible()
                && n.getScene() != null).isPresent())).isFalse();
    }

    @Test
    void editingAndSavingGoesThroughTheServiceAndUnsavedEditsAsk(FxRobot robot) throws Exception {
        FxWait.until("three rows", () -> table(robot).getItems().size() == 3);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        FxWait.until("the editor shows alpha", () -> nameShown(robot, "alpha"));

        TextField memory = robot.lookup("#memoryField").queryAs(TextField.class);
        robot.interact(() -> {
            memory.requestFocus();
            memory.selectAll();
        });
        robot.write("1");
        FxWait.until("a message at the memory field", () -> robot.lookup("#memoryFieldMessage").queryAs(Label.class).isVisible());
        assertThat(FxWait.get(() -> robot.lookup("#memoryFieldMessage").queryAs(Label.class).getText()))
                .isEqualTo(Validator.validate(Instance.builder("alpha").memory(MemorySize.ofMebibytes(1)).build(),
                        ValidationContext.syntaxOnly()).stream().filter(p -> p.field().equals("memory"))
                        .findFirst().orElseThrow().message());
        FxWait.until("it cannot be saved", () -> robot.lookup("#editorStatus").queryLabeled().getText()
                .equals("Fix the errors to save."));

        robot.write("92");
        FxWait.until("Save is on", () -> !robot.lookup("#saveButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#saveButton");
        Await.until(Duration.ofSeconds(10), "alpha saved with 192M",
                () -> service.get("alpha").get().memory().equals(Optional.of(MemorySize.ofMebibytes(192))));

        robot.interact(() -> {
            memory.requestFocus();
            memory.selectAll();
        });
        robot.write("64");
        FxWait.until("the edit typed", () -> memory.getText().equals("64"));
        // Not interact(): it would wait for the selection listener, which waits for the dialog.
        Platform.runLater(() -> table(robot).getSelectionModel().clearAndSelect(1));
        FxWait.until("the unsaved-edits dialog", () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        robot.clickOn("Discard");
        FxWait.until("the editor shows beta", () -> nameShown(robot, "beta"));
        assertThat(service.get("alpha").get().memory()).contains(MemorySize.ofMebibytes(192));
    }

    @Test
    void aRunningInstanceIsNotRenamed(FxRobot robot) throws Exception {
        FxWait.until("three rows", () -> table(robot).getItems().size() == 3);
        robot.interact(() -> ui.main().stateChanged("beta", InstanceState.RUNNING, ""));
        robot.interact(() -> ui.main().select("beta"));
        FxWait.until("the editor shows beta", () -> nameShown(robot, "beta"));

        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        robot.interact(() -> name.setText("beta2"));
        FxWait.until("Save is on", () -> !robot.lookup("#saveButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#saveButton");

        FxWait.until("an error dialog", () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        assertThat(FxWait.get(() -> robot.lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class)
                .getHeaderText()))
                .isEqualTo("Could not rename beta: beta is running; shut it down before renaming it (its session,"
                        + " consoles and logs go by its name)");
        assertThat(service.list().get().instances()).extracting(Instance::name).containsExactly("alpha", "beta",
                "gamma");
    }

    /**
     * What the kernel refuses keeps Save off; an image that is not on this host (a lab from another
     * machine) is a warning: the command line is saved, and the editor shows the warning at the disk.
     */
    @Test
    void importsAPastedCommandLineAfterShowingItsProblems(FxRobot robot) throws Exception {
        Path missing = home.resolve("from-another-host/web.img");
        FxWait.click(robot, "#tool-newmenu");
        FxWait.click(robot, "#tool-import");
        FxWait.until("the import dialog", () -> robot.lookup("#importText").tryQuery().isPresent());
        FxWait.click(robot, "#importName");
        robot.write("web");
        FxWait.click(robot, "#importText");
        // Checked as it is typed: no button to press; each problem is listed with its field.
        String typed = "linux mem=128M ubd0=" + missing + " umid=web con1=/dev/tty8 con0=fd:0,fd:1";
        robot.write(typed);
        // A check of a prefix (typing paused under load) lists the same problems, and they stay listed,
        // with "Checking…" below, until the whole line's check replaces them.
        FxWait.until("the whole line checked, the error and the warning listed", () -> {
            if (!robot.lookup("#importText").queryAs(TextArea.class).getText().equals(typed)
                    || robot.lookup("#importSummary").queryLabeled().getText().equals("Checking…")) {
                return false;
            }
            List<String> lines = robot.lookup("#importProblems").<Problem>queryListView().getItems().stream()
                    .map(ImportDialog::line).toList();
            return lines.stream().anyMatch(l -> l.contains("con1=/dev/tty8"))
                    && lines.stream().anyMatch(l -> l.contains("does not exist"));
        });
        assertThat(FxWait.get(() -> robot.lookup("#importProblems").<Problem>queryListView().getItems().stream()
                .map(ImportDialog::line).toList())).anySatisfy(l -> assertThat(l).startsWith("✖ ")
                        .contains("con1=/dev/tty8"))
                .anySatisfy(l -> assertThat(l).startsWith("⚠ Disk 1 › image — ubd0=" + missing + ": ")
                        .contains("does not exist"));
        assertThat(FxWait.get(() -> robot.lookup("#importSummary").queryLabeled().getText()))
                .startsWith("1 error to fix before saving; the first: ✖ ");
        assertThat(FxWait.get(() -> robot.lookup("#importSave").queryAs(Button.class).isDisabled())).isTrue();

        TextArea text = FxWait.get(() -> robot.lookup("#importText").queryAs(TextArea.class));
        robot.interact(() -> text.setText("TMPDIR=/tmp linux mem=128M ubd0=" + missing + " umid=web con0=fd:0,fd:1"));
        FxWait.until("Save is on", () -> !robot.lookup("#importSave").queryAs(Button.class).isDisabled());
        assertThat(FxWait.get(() -> robot.lookup("#importResult").queryAs(TextArea.class).getText())).contains(
                "128 MiB", "ubda", missing.toString());
        assertThat(FxWait.get(() -> robot.lookup("#importSummary").queryAs(Label.class).getText()))
                .startsWith("Ready to save (");
        FxWait.click(robot, "#importSave");

        FxWait.until("four rows", () -> table(robot).getItems().size() == 4);
        Instance saved = service.get("web").get(5, TimeUnit.SECONDS);
        assertThat(saved.memory()).contains(MemorySize.ofMebibytes(128));
        assertThat(saved.disks().get(0).image()).isEqualTo(missing.toString());
        assertThat(saved.environment()).containsEntry("TMPDIR", "/tmp");
        FxWait.until("the editor shows web", () -> nameShown(robot, "web"));

        FxWait.click(robot, "#disksTab");
        robot.interact(() -> robot.lookup("#diskList").queryListView().getSelectionModel().select(0));
        FxWait.until("the warning at the disk's image", () -> robot.lookup("#diskImageMessage").queryAs(Label.class)
                .getText().equals(missing + " does not exist; create the image or fix the path"));
        FxWait.click(robot, "#generalTab");
        TextField memory = FxWait.get(() -> robot.lookup("#memoryField").queryAs(TextField.class));
        robot.interact(() -> memory.setText("192"));
        FxWait.until("Save is on despite the warning", () -> !robot.lookup("#saveButton").queryAs(Button.class)
                .isDisabled());
        FxWait.click(robot, "#saveButton");
        Await.until(Duration.ofSeconds(10), "web saved with 192M", () -> service.get("web").get().memory()
                .equals(Optional.of(MemorySize.ofMebibytes(192))));
    }

    @Test
    void newFromATemplateDuplicateAndDelete(FxRobot robot) throws Exception {
        FxWait.until("three rows", () -> table(robot).getItems().size() == 3);
        FxWait.click(robot, "#tool-newmenu");
        FxWait.click(robot, "#tool-new");
        FxWait.until("the template dialog", () -> robot.lookup("#templateDialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        FxWait.until("the name dialog", () -> robot.lookup("#nameInput").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#nameInput").queryAs(TextField.class).setText("fresh"));
        robot.clickOn("#nameInput").type(KeyCode.ENTER);
        FxWait.until("four rows", () -> table(robot).getItems().size() == 4);
        Instance fresh = service.get("fresh").get(5, TimeUnit.SECONDS);
        assertThat(fresh.kernel()).isEqualTo("linux");
        assertThat(fresh.hostfs()).as("a template reaches no host file").contains(HostfsShare.off());
        FxWait.until("the editor shows fresh", () -> nameShown(robot, "fresh"));

        robot.clickOn("#menuBar").clickOn("Edit").clickOn("Duplicate…");
        FxWait.until("the name dialog", () -> robot.lookup("#nameInput").tryQuery().isPresent());
        assertThat(FxWait.get(() -> robot.lookup("#nameInput").queryAs(TextField.class).getText()))
                .isEqualTo("fresh-copy");
        robot.clickOn("#nameInput").type(KeyCode.ENTER);
        FxWait.until("five rows", () -> table(robot).getItems().size() == 5);
        assertThat(service.get("fresh-copy").get(5, TimeUnit.SECONDS).umid()).isEqualTo("fresh-copy");

        robot.clickOn("#menuBar").clickOn("Edit").clickOn("Delete…");
        FxWait.until("the confirmation", () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        // Enter is Cancel in a prompt that deletes: nothing goes.
        robot.type(KeyCode.ENTER);
        FxWait.until("the confirmation closed", () -> robot.lookup("#confirmDialog").tryQuery().isEmpty());
        assertThat(service.get("fresh-copy").get(5, TimeUnit.SECONDS).name()).isEqualTo("fresh-copy");
        robot.clickOn("#menuBar").clickOn("Edit").clickOn("Delete…");
        FxWait.until("the confirmation", () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn("Delete");
        FxWait.until("four rows", () -> table(robot).getItems().size() == 4);
        assertThat(service.list().get(5, TimeUnit.SECONDS).find("fresh-copy")).isEmpty();
    }
}
