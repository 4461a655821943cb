package org.umlmanager.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.testing.FxWait;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.VectorInterface;

@ExtendWith(ApplicationExtension.class)
class InstanceEditorViewTest {

    /** Stands in for the command-line validator with the same kind of field paths. */
    static List<Problem> check(Instance i) {
        List<Problem> out = new ArrayList<>();
        i.memory().filter(m -> m.mebibytes() < 16).ifPresent(m -> out.add(Problem.error("memory", "mem=" + m,
                "mem=" + m + " is too little for a 6.1 kernel; give at least 16M")));
        for (int d = 0; d < i.disks().size(); d++) {
            if (i.disks().get(d).image().isEmpty()) {
                out.add(Problem.error("disks[" + d + "].image", "Image", "no image file; choose one"));
            }
        }
        for (int n = 0; n < i.networks().size(); n++) {
            if (i.networks().get(n) instanceof VectorInterface v && v.options().mtu().isPresent()
                    && v.options().mtu().getAsInt() < 576) {
                out.add(Problem.error("networks[" + n + "].mtu", "mtu", "mtu must be 576–65534"));
            }
        }
        if (i.hostfs().isEmpty()) {
            out.add(Problem.warning("hostfs", "hostfs", "hostfs is not confined"));
        }
        return out;
    }

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<Instance> saved = new CopyOnWriteArrayList<>();
    private InstanceEditorViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new InstanceEditorViewModel(Instance.builder("web").build(), InstanceEditorViewTest::check,
                i -> "linux umid=" + i.umid() + i.memory().map(m -> " mem=" + m).orElse(""), background,
                Platform::runLater);
        var view = new InstanceEditorView(vm);
        view.setOnSave(i -> {
            saved.add(i);
            vm.markSaved(i);
        });
        stage.setScene(new Scene(view.root(), 900, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** Waits for the check the last edit started (typed keys are handled in order on the FX thread before it). */
    private void settle() {
        FxWait.until("the check finished", () -> !vm.checkingProperty().get());
    }

    /**
     * Waits for {@code condition}, read on the FX thread: a field's message and the Save button
     * follow the background check, and on a loaded machine a check can lag.
     */
    private static void eventually(String what, BooleanSupplier condition) {
        FxWait.until(what, condition::getAsBoolean);
    }

    /** A value read on the FX thread. */
    private static <T> T fx(java.util.concurrent.Callable<T> read) {
        return FxWait.get(read);
    }

    private void savedOnce() {
        FxWait.until("saved", () -> saved.size() == 1);
    }

    /** Focuses a field that may be scrolled out of view, selects its text and types over it. */
    private static void replaceText(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text);
    }

    @Test
    void generalPageShowsTheValidatorsMessageInlineAndSavesOnceFixed(FxRobot robot) {
        robot.clickOn("#memoryField").write("8");
        settle();
        Label message = robot.lookup("#memoryFieldMessage").queryAs(Label.class);
        eventually("message visible",
                () -> message.isVisible());
        assertThat(fx(message::getText)).isEqualTo("mem=8M is too little for a 6.1 kernel; give at least 16M");
        // Save with an error says why, instead of doing nothing, and saves nothing.
        FxWait.click(robot, "#saveButton");
        eventually("the status says why it did not save", () -> robot.lookup("#editorStatus").queryLabeled()
                .getText().equals("Not saved: 1 error. mem=8M: mem=8M is too little for a 6.1 kernel; give at least 16M"));
        assertThat(fx(() -> robot.lookup("#commandLinePanel").queryAs(javafx.scene.control.TitledPane.class)
                .isExpanded())).isTrue();
        assertThat(saved).isEmpty();
        assertThat(fx(() -> robot.lookup("#generalTab").<TabPane>tryQuery())).isNotNull();
        assertThat(fx(() -> robot.lookup("#previewText").queryAs(TextArea.class).getText()))
                .isEqualTo("linux umid=web mem=8M");

        replaceText(robot, "#memoryField", "800");
        assertThat(fx(() -> robot.lookup("#memoryField").queryAs(TextField.class).getText())).isEqualTo("800");
        settle();
        eventually("message not visible",
                () -> !message.isVisible());
        eventually("saveButton not disabled",
                () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.clickOn("#nameField").eraseText(3).write("db");
        settle();
        assertThat(fx(() -> robot.lookup("#umidField").queryAs(TextField.class).getText())).isEqualTo("db");

        FxWait.click(robot, "#saveButton");
        savedOnce();

        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).name()).isEqualTo("db");
        assertThat(saved.get(0).memory()).contains(MemorySize.ofMebibytes(800));
        settle();
        eventually("saveButton disabled",
                () -> robot.lookup("#saveButton").queryButton().isDisabled());
    }

    @Test
    void memoryTakesASizeWithItsUnitAndNamesAnythingElse(FxRobot robot) {
        robot.clickOn("#memoryField").write("512M");
        settle();
        assertThat(fx(() -> robot.lookup("#previewText").queryAs(TextArea.class).getText()))
                .isEqualTo("linux umid=web mem=512M");
        replaceText(robot, "#memoryField", "2g");
        settle();
        assertThat(fx(() -> vm.edited().memory())).contains(MemorySize.ofMebibytes(2048));
        // Letters are not dropped silently: the field keeps them and says what it wants.
        replaceText(robot, "#memoryField", "12x");
        settle();
        assertThat(fx(() -> robot.lookup("#memoryField").queryAs(TextField.class).getText())).isEqualTo("12x");
        assertThat(fx(() -> robot.lookup("#memoryFieldMessage").queryAs(Label.class).getText()))
                .startsWith("'12x' is not a size");
        assertThat(fx(() -> vm.canSaveProperty().get())).isFalse();
    }

    @Test
    void tabLeavesTheTextAreasOfTheGeneralPage(FxRobot robot) {
        robot.clickOn("#extraArgsArea").write("quiet");
        robot.type(javafx.scene.input.KeyCode.TAB);
        FxWait.until("the focus moved on to Environment", () -> robot.lookup("#environmentArea").query().isFocused());
        assertThat(fx(() -> robot.lookup("#extraArgsArea").queryAs(TextArea.class).getText())).isEqualTo("quiet");
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.TAB)
                .release(javafx.scene.input.KeyCode.SHIFT);
        FxWait.until("the focus went back", () -> robot.lookup("#extraArgsArea").query().isFocused());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.TAB)
                .release(javafx.scene.input.KeyCode.CONTROL);
        FxWait.until("Ctrl+Tab moved on too", () -> robot.lookup("#environmentArea").query().isFocused());
        assertThat(fx(() -> robot.lookup("#extraArgsArea").queryAs(TextArea.class).getText())).isEqualTo("quiet");
    }

    @Test
    void disksPageFlagsAMissingImageOnTheRowAndTheField(FxRobot robot) {
        robot.clickOn("#disksTab").clickOn("#addDisk");
        settle();
        assertThat(fx(() -> robot.lookup("#diskImageMessage").queryAs(Label.class).getText()))
                .isEqualTo("no image file; choose one");
        assertThat(fx(() -> robot.lookup("#diskList").queryListView().getItems().size())).isEqualTo(1);
        assertThat(fx(() -> robot.lookup("#disksTab").tryQuery())).isPresent();

        robot.clickOn("#diskImage").write("/srv/root.img");
        robot.clickOn("#diskFlag-r");
        settle();
        eventually("diskImageMessage not visible",
                () -> !robot.lookup("#diskImageMessage").queryAs(Label.class).isVisible());
        FxWait.click(robot, "#saveButton");
        savedOnce();

        assertThat(saved.get(0).disks()).hasSize(1);
        assertThat(saved.get(0).disks().get(0).image()).isEqualTo("/srv/root.img");
        assertThat(saved.get(0).disks().get(0).readOnly()).isTrue();
    }

    @Test
    void networkPageShowsOnlyTheTransportsOwnFieldsAndRangeErrors(FxRobot robot) {
        robot.clickOn("#networkTab").clickOn("#addNic");
        settle();
        // A new interface is on the built-in NAT network; the kernel's transports are under "host device…".
        robot.interact(() -> {
            ComboBox<Object> connect = robot.lookup("#nicConnect").query();
            connect.setValue(connect.getItems().stream().filter(c -> c.toString()
                    .equals("host device… (kernel syntax)")).findFirst().orElseThrow());
        });
        settle();
        assertThat(fx(() -> robot.lookup("#nic-ifname").tryQuery())).isPresent();
        assertThat(fx(() -> robot.lookup("#nic-rx_session").tryQuery())).isEmpty();
        String mac = fx(() -> robot.lookup("#nic-mac").queryAs(TextField.class).getText());
        assertThat(mac).matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
        robot.clickOn("#nicMacGenerate");
        assertThat(fx(() -> robot.lookup("#nic-mac").queryAs(TextField.class).getText())).isNotEqualTo(mac);

        robot.clickOn("#nic-mtu").write("100x");
        settle();
        assertThat(fx(() -> robot.lookup("#nic-mtu").queryAs(TextField.class).getText())).isEqualTo("100");
        assertThat(fx(() -> robot.lookup("#nic-mtuMessage").queryAs(Label.class).getText()))
                .isEqualTo("mtu must be 576–65534");
        assertThat(fx(() -> robot.lookup("#networkTab").<javafx.scene.Node>tryQuery())).isPresent();
        eventually("it cannot be saved", () -> !vm.canSaveProperty().get());

        robot.interact(() -> robot.lookup("#nicTransport").<ComboBox<NetTransport>>query()
                .setValue(NetTransport.VEC_L2TPV3));
        settle();
        assertThat(fx(() -> robot.lookup("#nic-rx_session").tryQuery())).isPresent();
        assertThat(fx(() -> robot.lookup("#nic-ifname").tryQuery())).isEmpty();
        replaceText(robot, "#nic-mtu", "1400");
        replaceText(robot, "#nic-rx_session", "0x10");
        settle();
        assertThat(fx(() -> List.copyOf(vm.problems()))).extracting(Problem::field).containsExactly("hostfs");
        eventually("saveButton not disabled",
                () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        FxWait.click(robot, "#saveButton");
        savedOnce();

        var nic = (VectorInterface) saved.get(0).networks().get(0);
        assertThat(nic.transportName()).isEqualTo("l2tpv3");
        assertThat(nic.options().mtu().getAsInt()).isEqualTo(1400);
        assertThat(nic.toString()).contains("rxSession=OptionalLong[16]");
    }

    @Test
    void consolesAndHostAccessPages(FxRobot robot) {
        robot.clickOn("#consolesTab").clickOn("#addSerial");
        robot.interact(() -> robot.lookup("#lineInputType").<ComboBox<ChannelType>>query().setValue(ChannelType.PORT));
        robot.clickOn("#lineInputValue").write("9a000");
        assertThat(fx(() -> robot.lookup("#lineInputValue").queryAs(TextField.class).getText())).isEqualTo("9000");
        assertThat(fx(() -> robot.lookup("#lineList").queryAs(ListView.class).getItems().size())).isEqualTo(1);

        robot.clickOn("#hostTab");
        eventually("hostfsWarning visible",
                () -> robot.lookup("#hostfsWarning").queryAs(Label.class).isVisible());
        settle();
        assertThat(fx(() -> robot.lookup("#hostAccessMessage").queryAs(Label.class).getText()))
                .isEqualTo("hostfs is not confined");
        assertThat(fx(() -> robot.lookup("#hostfsShareNote").queryAs(Label.class).isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#hostfsDir").queryAs(TextField.class).isDisabled())).isTrue();
        eventually("saveButton not disabled",
                () -> !robot.lookup("#saveButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#hostAccess").<ComboBox<HostAccess>>query().setValue(HostAccess.FOLDER));
        eventually("hostfsDir enabled", () -> !robot.lookup("#hostfsDir").queryAs(TextField.class).isDisabled());
        robot.clickOn("#hostfsDir").write("/srv/share");
        settle();
        eventually("hostfsWarning not visible",
                () -> !robot.lookup("#hostfsWarning").queryAs(Label.class).isVisible());
        eventually("the share note visible",
                () -> robot.lookup("#hostfsShareNote").queryAs(Label.class).isVisible());
        assertThat(fx(() -> robot.lookup("#hostfsShareNote").queryAs(Label.class).getText())).contains(
                "no read-only mode", "'..'");
        FxWait.click(robot, "#saveButton");
        savedOnce();

        assertThat(saved.get(0).consoles().get(0).name()).isEqualTo("ssl0");
        assertThat(saved.get(0).consoles().get(0).toString()).contains("Port[port=9000]");
        assertThat(saved.get(0).hostfs().orElseThrow().directory()).isEqualTo("/srv/share");
    }
}
