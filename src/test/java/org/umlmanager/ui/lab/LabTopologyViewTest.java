package org.umlmanager.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
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
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.HolderLauncher;
import org.umlmanager.model.Instance;
import org.umlmanager.model.NodePosition;
import org.umlmanager.network.KeeperNetworks;
import org.umlmanager.network.NetworkFixture;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.LabImportRequest;
import org.umlmanager.service.LabRunner;
import org.umlmanager.service.LabService;
import org.umlmanager.service.NetworkService;
import org.umlmanager.service.NetworkedRuntime;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.LabStore;
import org.umlmanager.storage.NetworkStore;
import org.umlmanager.testing.LabDirectories;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.main.EditorFactory;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * The Labs window with real guests, wired as the app wires it: an imported lab's devices and
 * collision domain drawn in grey, turning green as the whole lab starts from the toolbar
 * ("2 of 2 running"), a double-click on a device showing its console tab in the main window, the
 * drawing saved as PNG and SVG, a capture of the domain's traffic started from its menu and stopped,
 * and grey again after a forced stop.
 */
@ExtendWith(ApplicationExtension.class)
class LabTopologyViewTest {

    private final ExecutorService io = Executors.newFixedThreadPool(3);
    private final List<Instance> known = new CopyOnWriteArrayList<>();
    private GuestFixture guests;
    private NetworkFixture nets;
    private RuntimeService guestRuntime;
    private NetworkedRuntime runtime;
    private LabService labs;
    private NetworkService networks;
    private MainUi ui;
    private Labs feature;
    private Path shots;

    @Start
    void start(Stage stage) throws Exception {
        UmlKernel.requireTool("vde_switch", "apt-get install vde2 libvdeplug-slirp");
        guests = GuestFixture.create();
        nets = new NetworkFixture(guests.paths().runtime());
        nets.track("star-lan");
        shots = Files.createDirectories(guests.dir().resolve("shots"));
        InstanceStore instanceStore = new InstanceStore(guests.paths().instancesDir());
        NetworkStore networkStore = new NetworkStore(guests.paths().networksDir(), guests.paths().instancesDir());
        NetworkPaths networkPaths = new NetworkPaths(guests.paths().networksRuntimeDir());
        networks = new NetworkService(networkStore, instanceStore, KeeperNetworks.forThisJvm(networkPaths),
                networkPaths, io);
        labs = new LabService(new LabStore(guests.paths().labsDir(), instanceStore, networkStore), instanceStore,
                networkStore, guests.paths().labsDataDir(), networkPaths, io);
        labs.importLab(new LabImportRequest(LabDirectories.star(guests.dir().resolve("star"), 2), Optional.empty(),
                Optional.of("busybox"), UmlKernel.require().toString()), ProgressListener.NONE, new Cancellation())
                .get(120, TimeUnit.SECONDS);
        InstanceService instances = new InstanceService(instanceStore, io);
        guestRuntime = new RuntimeService(guests.layout(), HolderLauncher.forThisJvm(guests.layout().holdersDir()),
                () -> List.copyOf(known), io, Platform::runLater);
        runtime = new NetworkedRuntime(guestRuntime, networks, networkStore, guests.layout(), io);
        ValidationContext context = new ValidationContext(Optional.of(guests.layout().defaultUmlDir()), true,
                guests.dir());
        GenerateOptions generate = new GenerateOptions(Optional.of(guests.layout().defaultUmlDir()), Optional.empty());
        EditorFactory editors = new EditorFactory(i -> Validator.validate(i, context),
                i -> CommandLineGenerator.launchCommand(i, generate).toShellLine(), io, Platform::runLater);
        ui = new MainUi(stage, instances, runtime, editors, new MainUi.Context(() -> "linux",
                guests.paths().data(), (n, t) -> CommandLineParser.parseShellLine(n, t, guests.dir(), context),
                i -> CommandLineGenerator.launchCommand(i, generate).toScript(i.name()),
                () -> ConsolePreferences.DEFAULTS, guests.layout().logsDir(), io, Platform::runLater), List.of());
        ui.main().allRows().addListener((javafx.beans.InvalidationListener) o -> {
            known.clear();
            ui.main().allRows().forEach(r -> r.config().ifPresent(known::add));
        });
        stage.setScene(ui.window().scene(1100, 700));
        stage.show();
        ui.refresh();
        SaveLocation files = (owner, title, name) -> Optional.of(shots.resolve(name));
        feature = new Labs(stage, labs, runtime, networks, io, Platform::runLater, new LabsWindow.Context(
                () -> UmlKernel.require().toString(), name -> ui.main().select(name), io, files));
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            new LabRunner(labs, runtime, networks, LabRunner.DEFAULT_READY_TIMEOUT).stop("star", true, 2, p -> { })
                    .get(120, TimeUnit.SECONDS);
            for (String i : List.of("star-h1", "star-h2")) {
                guests.trackSession(i);
            }
            Platform.runLater(ui::close);
            runtime.close();
        } finally {
            io.shutdownNow();
            // Networks before the fixture: stopping one would make the removed runtime directory again.
            try {
                nets.close();
            } finally {
                guests.close();
            }
        }
    }

    private static void waitFor(Duration limit, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + limit, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Color fill(FxRobot robot, String nodeId) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> (Color) TopologyView.body(robot.lookup("#" + nodeId).query())
                .getFill()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theTopologyShowsTheLabColoursFollowItsStateAndADoubleClickOpensAConsole(FxRobot robot) throws Exception {
        LabsWindow window = WaitForAsyncUtils.asyncFx(() -> feature.open()).get(10, TimeUnit.SECONDS);

        waitFor(Duration.ofSeconds(30), () -> robot.lookup("#node-device-h2").tryQuery().isPresent());
        assertThat(robot.lookup("#labList").queryListView().getItems()).containsExactly("star");
        for (String node : List.of("node-device-h1", "node-device-h2", "node-domain-lan")) {
            assertThat(fill(robot, node)).as(node).isEqualTo(Color.web(NodeState.STOPPED.colour()));
        }
        assertThat(robot.lookup("#labProgress").queryAs(Label.class).getText()).isEqualTo("0 of 2 running");

        robot.clickOn("#tool-lab-start");
        waitFor(Duration.ofSeconds(180), () -> robot.lookup("#labStatus").queryAs(Label.class).getText()
                .contains("is up"));
        assertThat(robot.lookup("#labProgress").queryAs(Label.class).getText()).isEqualTo("2 of 2 running");
        for (String node : List.of("node-device-h1", "node-device-h2")) {
            assertThat(fill(robot, node)).as(node).isEqualTo(Color.web(NodeState.RUNNING.colour()));
        }
        waitFor(Duration.ofSeconds(30), () -> fill(robot, "node-domain-lan").equals(Color.web(NodeState.RUNNING
                .colour())));

        robot.doubleClickOn("#node-device-h1");
        waitFor(Duration.ofSeconds(30), () -> ui.main().selectedProperty().get() != null
                && ui.main().selectedProperty().get().name().equals("star-h1"));
        waitFor(Duration.ofSeconds(30), () -> ui.consoles("star-h1").flatMap(c -> c.view("con0")).isPresent());
        Node consoles = ui.consoles("star-h1").orElseThrow().pane();
        assertThat(ui.window().consoleArea().getChildren()).containsExactly(consoles);

        TopologyNode h1 = window.viewModel().node(NodePosition.Kind.DEVICE, "h1").orElseThrow();
        robot.clickOn("#tool-lab-picture").clickOn("#menu-lab-png");
        waitFor(Duration.ofSeconds(20), () -> Files.exists(shots.resolve("star.png")));
        waitFor(Duration.ofSeconds(20), () -> ImageIO.read(shots.resolve("star.png").toFile()) != null);
        BufferedImage png = ImageIO.read(shots.resolve("star.png").toFile());
        Color atH1 = argb(png.getRGB((int) h1.xProperty().get() - 34, (int) h1.yProperty().get()));
        assertThat(atH1).as("the PNG shows h1 in its running colour").isEqualTo(Color.web(NodeState.RUNNING.colour()));
        robot.clickOn("#tool-lab-picture").clickOn("#menu-lab-svg");
        waitFor(Duration.ofSeconds(20), () -> Files.exists(shots.resolve("star.svg")) && Files.size(shots
                .resolve("star.svg")) > 0);
        assertThat(Files.readString(shots.resolve("star.svg"))).startsWith("<?xml").contains(">h1</text>",
                ">lan</text>", ">eth0</text>", "fill=\"" + NodeState.RUNNING.colour() + "\"").endsWith("</svg>\n");

        robot.rightClickOn("#node-domain-lan");
        robot.clickOn("Capture traffic…");
        waitFor(Duration.ofSeconds(60), () -> robot.lookup("#labStatus").queryAs(Label.class).getText()
                .startsWith("Capturing lan into star-lan.pcap"));
        robot.clickOn("#labStopCapture");
        waitFor(Duration.ofSeconds(60), () -> robot.lookup("#labStatus").queryAs(Label.class).getText()
                .startsWith("Captured "));
        byte[] pcap = Files.readAllBytes(shots.resolve("star-lan.pcap"));
        assertThat(pcap.length).isGreaterThanOrEqualTo(24);
        assertThat(java.nio.ByteBuffer.wrap(pcap, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt())
                .as("pcap magic").isEqualTo(0xa1b2c3d4);

        robot.clickOn("#tool-lab-forceoff");
        waitFor(Duration.ofSeconds(120), () -> fill(robot, "node-device-h1").equals(Color.web(NodeState.STOPPED
                .colour())) && fill(robot, "node-device-h2").equals(Color.web(NodeState.STOPPED.colour())));
        waitFor(Duration.ofSeconds(30), () -> robot.lookup("#labProgress").queryAs(Label.class).getText()
                .equals("0 of 2 running"));
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }
}
