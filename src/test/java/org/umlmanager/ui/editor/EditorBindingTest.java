package org.umlmanager.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;
import org.umlmanager.testing.FxWait;

/**
 * Every page of the editor stays bound to the configuration through Revert and Save: after
 * either, editing a field again changes the command line (after a Revert the Disks page once kept
 * showing the undone path, and its fields then edited nothing until another machine was picked).
 * The command line is the real generator's.
 */
@ExtendWith(ApplicationExtension.class)
class EditorBindingTest {

    private static final Instance MACHINE = Instance.builder("web").memory(MemorySize.ofMebibytes(128))
            .disk(Disk.of(0, "/srv/a.img"))
            .network(new VectorInterface(0, new VectorTransport.Tap(Optional.of("tap0")), VectorOptions.NONE))
            .console(ConsoleLine.con(0, LineSpec.of(ConsoleChannel.NULL)))
            .hostfs(new HostfsShare("/srv/share", false)).build();

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<Instance> saved = new CopyOnWriteArrayList<>();
    private InstanceEditorViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new InstanceEditorViewModel(MACHINE, i -> List.of(), i -> CommandLineGenerator.launchCommand(i,
                GenerateOptions.none()).toShellLine(), background, Platform::runLater);
        var view = new InstanceEditorView(vm);
        view.setOnSave(i -> {
            saved.add(i);
            vm.markSaved(i);
        });
        stage.setScene(new Scene(view.root(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private String commandLine() {
        FxWait.until("the check finished", () -> !vm.checkingProperty().get());
        return FxWait.get(() -> vm.commandLineProperty().get());
    }

    private void commandLineShows(String text) {
        FxWait.until("the command line shows " + text, () -> !vm.checkingProperty().get()
                && vm.commandLineProperty().get().contains(text));
    }

    private static String text(FxRobot robot, String query) {
        return FxWait.get(() -> robot.lookup(query).queryAs(TextField.class).getText());
    }

    private void revert(FxRobot robot) {
        FxWait.click(robot, "#revertButton");
        FxWait.until("reverted", () -> !vm.dirtyProperty().get());
    }

    private void save(FxRobot robot) {
        int before = saved.size();
        FxWait.until("Save can be pressed", () -> vm.canSaveProperty().get());
        FxWait.click(robot, "#saveButton");
        FxWait.until("saved", () -> saved.size() == before + 1 && !vm.dirtyProperty().get());
    }

    /**
     * The round every page goes through on one of its text fields: an edit shows in the command
     * line; Revert brings back {@code original} (in the field and the command line); an edit after
     * the Revert shows, is saved, and an edit after the Save shows too. {@code shown} is how a value
     * appears in the command line.
     */
    private void editRevertSaveEdit(FxRobot robot, String query, String original, Function<String, String> shown,
                                    String beforeRevert, String beforeSave, String afterSave) {
        FxWait.typeOver(robot, query, beforeRevert);
        commandLineShows(shown.apply(beforeRevert));
        revert(robot);
        assertThat(text(robot, query)).isEqualTo(original);
        commandLineShows(shown.apply(original));
        FxWait.typeOver(robot, query, beforeSave);
        commandLineShows(shown.apply(beforeSave));
        save(robot);
        FxWait.typeOver(robot, query, afterSave);
        commandLineShows(shown.apply(afterSave));
    }

    @Test
    void generalPage(FxRobot robot) {
        editRevertSaveEdit(robot, "#memoryField", "128", v -> "mem=" + v + "M", "300", "400", "500");
    }

    @Test
    void disksPage(FxRobot robot) {
        FxWait.click(robot, "#disksTab");
        FxWait.typeOver(robot, "#diskImage", "/srv/b.img");
        commandLineShows("ubd0=/srv/b.img");
        revert(robot);
        assertThat(text(robot, "#diskImage")).isEqualTo("/srv/a.img");
        commandLineShows("ubd0=/srv/a.img");
        FxWait.typeOver(robot, "#diskImage", "/srv/c.img");
        commandLineShows("ubd0=/srv/c.img");
        FxWait.click(robot, "#diskFlag-r");
        commandLineShows("ubd0r=/srv/c.img");
        save(robot);
        FxWait.click(robot, "#diskFlag-r");
        commandLineShows("ubd0=/srv/c.img");
        FxWait.typeOver(robot, "#diskImage", "/srv/d.img");
        commandLineShows("ubd0=/srv/d.img");
        assertThat(FxWait.get(() -> robot.lookup("#diskFlag-r").queryAs(CheckBox.class).isSelected())).isFalse();
    }

    @Test
    void networkPage(FxRobot robot) {
        FxWait.click(robot, "#networkTab");
        editRevertSaveEdit(robot, "#nic-ifname", "tap0", v -> "ifname=" + v, "tap1", "tap2", "tap3");
    }

    @Test
    void consolesPage(FxRobot robot) {
        FxWait.click(robot, "#consolesTab");
        FxWait.clickable(robot, "#lineInputType");
        robot.interact(() -> robot.lookup("#lineInputType").<ComboBox<ChannelType>>query().setValue(ChannelType.PTS));
        commandLineShows("con0=pts");
        revert(robot);
        commandLineShows("con0=null");
        assertThat(FxWait.get(() -> robot.lookup("#lineInputType").<ComboBox<ChannelType>>query().getValue()))
                .isEqualTo(ChannelType.NULL);
        FxWait.clickable(robot, "#lineInputType");
        robot.interact(() -> robot.lookup("#lineInputType").<ComboBox<ChannelType>>query().setValue(ChannelType.PORT));
        FxWait.typeOver(robot, "#lineInputValue", "9000");
        commandLineShows("con0=port:9000");
        save(robot);
        FxWait.typeOver(robot, "#lineInputValue", "9001");
        commandLineShows("con0=port:9001");
    }

    @Test
    void hostAccessPage(FxRobot robot) {
        FxWait.click(robot, "#hostTab");
        editRevertSaveEdit(robot, "#hostfsDir", "/srv/share", v -> "hostfs=" + v, "/srv/other", "/srv/third",
                "/srv/fourth");
        assertThat(commandLine()).doesNotContain("/srv/third");
    }
}
