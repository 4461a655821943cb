package org.umlmanager.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.network.NetworkFixture;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.NetworkView;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.FxWait;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.ui.DesktopFixture;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;

/**
 * The Networks view with the real runtime: a switch made in the Networks window, a busybox guest
 * connected to it in the editor and started from the toolbar; the Networks window then lists the
 * guest among the switch's machines, running, and the switch running for it. Capture traffic… on
 * that kind of switch counts a guest's frames as they come and writes a pcap file tcpdump reads.
 */
@ExtendWith(ApplicationExtension.class)
class NetworksViewGuestTest {

    private GuestFixture guests;
    private NetworkFixture networks;
    private DesktopFixture desktop;
    private MainUi ui;

    @Start
    void start(Stage stage) throws Exception {
        UmlKernel.requireTool("vde_switch", "apt-get install vde2 libvdeplug-slirp");
        guests = GuestFixture.create();
        networks = new NetworkFixture(guests.paths().runtime());
        networks.track("lan");
        desktop = DesktopFixture.over(guests, UmlKernel.require().toString());
        desktop.instances().create(guests.instance("onlan").build()).get(30, TimeUnit.SECONDS);
        ui = desktop.show(stage, 1200, 800);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (Instance i : desktop.known()) {
                guests.trackSession(i.name());
                GuestStatus s = desktop.runtime().status(i.name()).get(30, TimeUnit.SECONDS);
                if (s.state().active()) {
                    desktop.runtime().stop(i.name(), StopMode.FORCE, step -> { }).get(60, TimeUnit.SECONDS);
                }
            }
            desktop.close();
        } finally {
            try {
                networks.close();
            } finally {
                guests.close();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<NetworkView> table(FxRobot robot) {
        return robot.lookup("#networkTable").queryAs(TableView.class);
    }

    /** Name, kind, state and guests of each listed network; on the FX thread. */
    private static List<String> rows(FxRobot robot) {
        return table(robot).getItems().stream().map(v -> v.name() + " " + NetworksViewModel.kind(v.network()) + " "
                + v.status().stateWord() + " [" + NetworksViewModel.guests(v) + "]").toList();
    }

    /** On the FX thread. */
    private InstanceState state(String name) {
        return ui.main().row(name).map(InstanceRow::state).orElse(null);
    }

    private static void hideNetworksWindow(FxRobot robot) {
        robot.interact(() -> robot.lookup("#networksWindow").query().getScene().getWindow().hide());
    }

    @Test
    void aSwitchMadeInTheNetworksViewListsTheGuestStartedOnIt(FxRobot robot) {
        FxWait.click(robot, "#tool-networks");
        FxWait.click(robot, "#networkNew");
        FxWait.click(robot, "#networkNewSwitch");
        FxWait.until("a new switch's form, named lan", () -> robot.lookup("#networkName").tryQuery()
                .map(n -> ((TextField) n).getText()).filter("lan"::equals).isPresent());
        FxWait.until("Create is on once checked", () -> !robot.lookup("#networkSave").queryAs(Button.class)
                .isDisabled());
        FxWait.click(robot, "#networkSave");
        FxWait.until("lan listed, no machine on it", () -> rows(robot).contains("lan switch stopped []"));
        hideNetworksWindow(robot);

        // Connected in the editor: "Connect to" offers the switch just made.
        FxWait.until("onlan listed", () -> state("onlan") == InstanceState.STOPPED);
        robot.interact(() -> robot.lookup("#instanceTable").queryTableView().getSelectionModel().select(0));
        FxWait.click(robot, "#networkTab");
        FxWait.click(robot, "#addNic");
        @SuppressWarnings("unchecked")
        ComboBox<Object> connect = (ComboBox<Object>) robot.lookup("#nicConnect").queryAs(ComboBox.class);
        FxWait.until("lan offered", () -> connect.getItems().stream().anyMatch(c -> c.toString()
                .equals("lan (switch)")));
        robot.interact(() -> connect.setValue(connect.getItems().stream()
                .filter(c -> c.toString().equals("lan (switch)")).findFirst().orElseThrow()));
        FxWait.until("Save is on", () -> !robot.lookup("#saveButton").queryAs(Button.class).isDisabled());
        FxWait.click(robot, "#saveButton");
        FxWait.until("onlan saved on lan", () -> desktop.known().stream().anyMatch(i -> i.name().equals("onlan")
                && i.networks().stream().anyMatch(n -> n instanceof NetworkAttachment a
                && a.network().equals("lan"))));

        FxWait.click(robot, "#tool-start");
        FxWait.until(Duration.ofSeconds(120), "onlan running", () -> state("onlan") == InstanceState.RUNNING);

        FxWait.click(robot, "#tool-networks");
        // The window reads the networks again every few seconds: awaited, not slept on.
        FxWait.until(Duration.ofSeconds(60), "lan running with onlan on it", () -> rows(robot)
                .contains("lan switch running [onlan (running)]"));
        assertThat(FxWait.get(() -> rows(robot))).as("the built-in network has no machine")
                .anyMatch(r -> r.startsWith("default NAT 10.0.2.0/24 stopped []"));
    }

    /**
     * Capture traffic… on a running switch: while a guest on it pings an address nobody has (so it
     * sends ARP requests every second), the dialog's packet count grows; stopped, the file it wrote
     * is a pcap that {@code tcpdump -r} reads, with those requests in it.
     */
    @Test
    void captureTrafficCountsTheFramesOfAPingingGuestIntoAFileTcpdumpReads(FxRobot robot) throws Exception {
        Path tcpdump = UmlKernel.requireTool("tcpdump", "apt-get install tcpdump");
        desktop.networks().create(new Network.Switch("lan", false)).get(30, TimeUnit.SECONDS);
        desktop.instances().create(guests.instance("pinger").network(new NetworkAttachment(
                NetworkAttachment.Family.ETH, 0, "lan", Optional.of("02:4e:00:00:00:41"), Optional.empty())).build())
                .get(30, TimeUnit.SECONDS);
        ui.refresh().get(30, TimeUnit.SECONDS);
        FxWait.until("pinger listed", () -> state("pinger") == InstanceState.STOPPED);
        robot.interact(() -> ui.main().select("pinger"));
        FxWait.click(robot, "#tool-start");
        FxWait.until(Duration.ofSeconds(120), "pinger running", () -> state("pinger") == InstanceState.RUNNING);
        FxWait.until(Duration.ofSeconds(30), "a con0 tab", () -> ui.consoles("pinger").flatMap(c -> c.view("con0"))
                .isPresent());
        ConsoleView con0 = FxWait.get(() -> ui.consoles("pinger").flatMap(c -> c.view("con0")).orElseThrow());
        FxWait.until(Duration.ofSeconds(60), "the guest's shell", () -> con0.bufferText()
                .contains(BusyboxImage.READY_MARKER));
        FxWait.click(robot, "#view-console");
        FxWait.click(robot, "#consoleTab-con0");
        robot.interact(con0::focus);
        robot.write("ip link set eth0 up && ip addr add 10.77.0.1/24 dev eth0 && echo up-$((6*7))"
                + " && busybox ping 10.77.0.2");
        robot.type(KeyCode.ENTER);
        FxWait.until(Duration.ofSeconds(30), "eth0 up and pinging", () -> con0.bufferText().contains("up-42"));

        FxWait.click(robot, "#tool-networks");
        FxWait.until(Duration.ofSeconds(60), "lan running for pinger", () -> rows(robot)
                .contains("lan switch running [pinger (running)]"));
        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(v -> v.name().equals("lan")).findFirst().orElseThrow()));
        FxWait.until("Capture is on", () -> !robot.lookup("#networkCapture").queryAs(Button.class).isDisabled());
        FxWait.click(robot, "#networkCapture");
        FxWait.until("the capture dialog", () -> robot.lookup("#captureDialog").tryQuery().isPresent());
        Path file = guests.dir().resolve("lan.pcap");
        robot.interact(() -> robot.lookup("#captureFile").queryAs(TextField.class).setText(file.toString()));
        FxWait.until("Start is on", () -> !robot.lookup("#captureStart").queryAs(Button.class).isDisabled());
        FxWait.click(robot, "#captureStart");

        FxWait.until(Duration.ofSeconds(30), "a first packet counted", () -> packets(robot) >= 1);
        long first = FxWait.get(() -> packets(robot));
        FxWait.until(Duration.ofSeconds(30), "the count growing while the guest pings",
                () -> packets(robot) >= first + 2);
        FxWait.click(robot, "#captureStop");
        FxWait.until(Duration.ofSeconds(30), "the capture written", () -> robot.lookup("#captureMessage")
                .queryLabeled().getText().contains("written to " + file));
        long counted = FxWait.get(() -> packets(robot));

        Process read = new ProcessBuilder(tcpdump.toString(), "-n", "-r", file.toString()).redirectErrorStream(true)
                .start();
        String out = new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(read.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(read.exitValue()).as(out).isZero();
        List<String> frames = out.lines().filter(l -> !l.startsWith("reading from file")).toList();
        assertThat(frames).as(out).hasSize((int) counted)
                .anyMatch(l -> l.contains("ARP, Request who-has 10.77.0.2 tell 10.77.0.1"));
        FxWait.click(robot, "#captureClose");
    }

    /** The capture dialog's packet count; on the FX thread. */
    private static long packets(FxRobot robot) {
        return Long.parseLong(robot.lookup("#capturePackets").queryLabeled().getText().split(" ")[0]);
    }
}
