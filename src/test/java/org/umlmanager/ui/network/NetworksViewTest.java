package org.umlmanager.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.service.NetworkView;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.NetworkStore;
import org.umlmanager.testing.FxWait;
import org.umlmanager.ui.DesktopFixture;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.wizard.WizardSteps;

/**
 * Networks in the main window, wired as the app wires it over a directory of its own (no guest
 * runs): the Networks view lists the built-in NAT network and makes a switch that is saved; the
 * editor's "Connect to" puts an interface on a saved network, the command line shows the vde
 * form the start will use, and Save stores an interface that names the network.
 */
@ExtendWith(ApplicationExtension.class)
class NetworksViewTest {

    private Path home;
    private AppPaths paths;
    private DesktopFixture desktop;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(Path.of("/tmp"), "umnet");
        paths = AppPaths.under(home);
        new InstanceStore(paths.instancesDir()).create(Instance.builder("web").build());
        new NetworkStore(paths.networksDir(), paths.instancesDir()).create(new Network.Switch("lab", false));
        desktop = DesktopFixture.under(home);
        desktop.show(stage, 1200, 800);
    }

    @AfterEach
    void cleanUp() throws IOException {
        desktop.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<NetworkView> networks(FxRobot robot) {
        return robot.lookup("#networkTable").queryAs(TableView.class);
    }

    /** Name, kind and state of each listed network; on the FX thread. */
    private static List<String> rows(FxRobot robot) {
        return networks(robot).getItems().stream().map(v -> v.name() + " " + NetworksViewModel.kind(v.network())
                + " " + v.status().stateWord()).toList();
    }

    @Test
    void theNetworksViewListsTheDefaultNatNetworkAndMakesASwitch(FxRobot robot) throws Exception {
        FxWait.click(robot, "#tool-networks");
        FxWait.until("default and lab listed", () -> rows(robot).containsAll(List.of(
                "default NAT 10.0.2.0/24 stopped", "lab switch stopped")));

        FxWait.click(robot, "#networkNew");
        FxWait.click(robot, "#networkNewSwitch");
        FxWait.until("a new switch's form, named lan", () -> robot.lookup("#networkName").tryQuery()
                .map(n -> ((TextField) n).getText()).filter("lan"::equals).isPresent());
        FxWait.until("Create is on once checked", () -> !robot.lookup("#networkSave").queryAs(Button.class)
                .isDisabled());
        FxWait.click(robot, "#networkSave");

        FxWait.until("lan listed, selected", () -> rows(robot).contains("lan switch stopped")
                && networks(robot).getSelectionModel().getSelectedItem() != null
                && networks(robot).getSelectionModel().getSelectedItem().name().equals("lan"));
        assertThat(new NetworkStore(paths.networksDir(), paths.instancesDir()).load("lan"))
                .isEqualTo(new Network.Switch("lan", false));
        assertThat(FxWait.get(() -> robot.lookup("#networksStatus").queryLabeled().getText()))
                .isEqualTo("Saved network lan.");
    }

    @Test
    void choosingANetworkInTheEditorSavesAnInterfaceNamingItWithTheVdeFormInThePreview(FxRobot robot)
            throws Exception {
        FxWait.until("web listed", () -> robot.lookup("#instanceTable").queryTableView().getItems().size() == 1);
        robot.interact(() -> robot.lookup("#instanceTable").queryTableView().getSelectionModel().select(0));
        FxWait.until("web selected", () -> robot.lookup("#instanceTable").queryTableView().getSelectionModel()
                .getSelectedItem() instanceof InstanceRow r && r.name().equals("web"));
        FxWait.click(robot, "#networkTab");
        FxWait.click(robot, "#addNic");

        NetworkPaths runtime = new NetworkPaths(paths.networksRuntimeDir());
        // A new interface is on the built-in NAT network.
        FxWait.until("the preview has eth0 on default's switch", () -> preview(robot)
                .contains("eth0=vde," + runtime.switchDir("default")));
        @SuppressWarnings("unchecked")
        ComboBox<Object> connect = (ComboBox<Object>) robot.lookup("#nicConnect").queryAs(ComboBox.class);
        assertThat(FxWait.get(() -> connect.getValue().toString())).isEqualTo("default (NAT)");
        FxWait.until("lab offered", () -> connect.getItems().stream().map(Object::toString).toList()
                .equals(List.of("default (NAT)", "lab (switch)", "host device… (kernel syntax)")));

        robot.interact(() -> connect.setValue(connect.getItems().stream()
                .filter(c -> c.toString().equals("lab (switch)")).findFirst().orElseThrow()));
        FxWait.until("the preview has eth0 on lab's switch", () -> preview(robot)
                .contains("eth0=vde," + runtime.switchDir("lab") + ","));
        FxWait.until("Save is on", () -> !robot.lookup("#saveButton").queryAs(Button.class).isDisabled());
        FxWait.click(robot, "#saveButton");

        InstanceStore store = new InstanceStore(paths.instancesDir());
        FxWait.until("web saved on lab", () -> store.load("web").networks().stream()
                .anyMatch(n -> n instanceof NetworkAttachment a && a.network().equals("lab")));
        assertThat(store.load("web").networks()).singleElement().isInstanceOfSatisfying(NetworkAttachment.class, a -> {
            assertThat(a.deviceName()).isEqualTo("eth0");
            assertThat(a.mac()).as("a MAC of its own, kept across boots").isPresent();
            assertThat(a.address()).isEmpty();
        });
    }

    @Test
    void theWizardsSummaryShowsTheVdeFormOfASavedSwitch(FxRobot robot) {
        FxWait.click(robot, "#tool-newmenu");
        FxWait.click(robot, "#tool-wizard");
        WizardSteps.type(robot, "#wizardName", "onlab");
        WizardSteps.nextTo(robot, "Network");
        @SuppressWarnings("unchecked")
        ComboBox<Object> connect = (ComboBox<Object>) robot.lookup("#wizardNetwork0").queryAs(ComboBox.class);
        FxWait.until("lab offered", () -> connect.getItems().stream().anyMatch(c -> c.toString()
                .equals("lab (switch)")));
        robot.interact(() -> connect.setValue(connect.getItems().stream()
                .filter(c -> c.toString().equals("lab (switch)")).findFirst().orElseThrow()));
        WizardSteps.nextTo(robot, "Summary");
        String summary = FxWait.get(() -> robot.lookup("#wizardSummary").queryAs(TextArea.class).getText());
        assertThat(summary).contains("eth0 on lab", "eth0=vde," + new NetworkPaths(paths.networksRuntimeDir())
                .switchDir("lab") + ",");
        FxWait.click(robot, "#wizardCancel");
    }

    private static String preview(FxRobot robot) {
        return robot.lookup("#previewText").queryAs(TextArea.class).getText();
    }
}
