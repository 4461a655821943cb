package org.umlmanager.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.storage.NetworkStore;
import org.umlmanager.network.NetworkFixture;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.Network;
import org.umlmanager.model.InterfaceAddress;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchPlanner;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.model.MemorySize;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.FxWait;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.prefs.WindowGeometry;

/**
 * Makes the README's screenshots from the real app with a real guest on the built-in NAT network:
 * the main window with a running guest's console, its usage graphs, the editor's Network page (an
 * interface on a switch), the Inspect panel, the Networks window, and the console in the dark theme. Runs only when asked: {@code docs/screenshots/make-screenshots.sh}, which runs it on
 * an X display with a window manager (openbox) and the real GTK glass, and shoots the window with
 * its frame as people see it ({@code -Dscreenshots.wm=true}); without that, headless, it shoots
 * the scene alone.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ReadmeScreenshots {

    private GuestFixture guests;
    private NetworkFixture networks;
    private DesktopFixture desktop;
    private MainUi ui;
    private Stage stage;

    @Start
    void start(Stage primary) throws Exception {
        // TestFX's own stage has no window frame; on a display the app gets a stage of its own, as it does.
        Stage s = Boolean.getBoolean("screenshots.wm") ? new Stage() : primary;
        stage = s;
        guests = GuestFixture.create();
        var store = new InstanceStore(guests.paths().instancesDir());
        Files.createDirectories(guests.dir().resolve("shared"));
        networks = new NetworkFixture(guests.paths().runtime());
        networks.track("default");
        networks.track("lab");
        new NetworkStore(guests.paths().networksDir(), guests.paths().instancesDir())
                .create(new Network.Switch("lab", false));
        store.create(guests.instance("web").memory(MemorySize.ofMebibytes(128))
                .hostfs(new HostfsShare(guests.dir().resolve("shared").toString(), false))
                .network(new NetworkAttachment(NetworkAttachment.Family.ETH, 0, Network.DEFAULT_NAME,
                        Optional.of("02:4e:1a:33:7c:04"), Optional.empty())).build());
        store.create(guests.instance("db").memory(MemorySize.ofMebibytes(256))
                .hostfs(new HostfsShare(guests.dir().resolve("shared").toString(), false))
                .network(new NetworkAttachment(NetworkAttachment.Family.ETH, 0, Network.DEFAULT_NAME,
                        Optional.of("02:4e:1a:33:7c:05"), Optional.empty()))
                .network(new NetworkAttachment(NetworkAttachment.Family.ETH, 1, "lab",
                        Optional.of("02:4e:1a:33:7c:06"), InterfaceAddress.parse("192.168.50.2/24"))).build());
        desktop = DesktopFixture.over(guests, "linux");
        s.setTitle("UML Manager");
        ui = desktop.show(s, WindowGeometry.DEFAULT, org.umlmanager.ui.console.SaveLocation.CHOOSER);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (Instance i : desktop.known()) {
                GuestStatus st = desktop.runtime().status(i.name()).get(10, TimeUnit.SECONDS);
                if (st.state().active()) {
                    desktop.runtime().stop(i.name(), StopMode.FORCE, x -> { }).get(30, TimeUnit.SECONDS);
                }
                st.pid().ifPresent(pid -> guests.track(new GuestSnapshot(st.name(), st.umid(), st.state(), "",
                        st.exitStatus(), st.pid(), -1, Optional.empty(), 0, List.of(), st.since()),
                        LaunchPlanner.umlDir(i, guests.layout())));
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

    private void shoot(String file) throws Exception {
        shoot(file, "UML Manager", stage);
    }

    private void shoot(String file, String title, Stage window) throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(dir);
        painted();
        if (Boolean.getBoolean("screenshots.wm")) {
            // The window as the window manager shows it, with its frame.
            String ids = output("xdotool", "search", "--onlyvisible", "--name", "^" + title + "$");
            String id = ids.lines().reduce((x, y) -> y).orElseThrow();
            output("import", "-frame", "-window", id, dir.resolve(file).toString());
            return;
        }
        WritableImage image = FxWait.get(() -> window.getScene().snapshot(null));
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", dir.resolve(file).toFile());
    }

    private static String output(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }

    /** Returns once the window has drawn a few frames since now (on a display, what a screenshot of the screen shows). */
    private static void painted() throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        FxWait.run(() -> new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 5) {
                    stop();
                    done.complete(null);
                }
            }
        }.start());
        done.get(30, TimeUnit.SECONDS);
    }

    private void select(FxRobot robot, String name) {
        robot.interact(() -> {
            var table = robot.lookup("#instanceTable").queryTableView();
            table.getSelectionModel().clearAndSelect(table.getItems().indexOf(ui.main().row(name).orElseThrow()));
        });
    }

    /** On the FX thread. */
    private ConsoleView con0() {
        return ui.consoles("web").flatMap(c -> c.view("con0")).orElseThrow();
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        FxWait.until("web listed", () -> ui.main().row("web").isPresent());
        select(robot, "web");
        FxWait.click(robot, "#tool-start");
        FxWait.until(Duration.ofSeconds(90), "web running", () -> ui.main().row("web").map(InstanceRow::state)
                .orElse(null) == InstanceState.RUNNING);
        FxWait.until(Duration.ofSeconds(30), "a con0 tab", () -> ui.consoles("web").flatMap(c -> c.view("con0"))
                .isPresent());
        FxWait.until(Duration.ofSeconds(90), "booted", () -> con0().bufferText().contains(BusyboxImage.READY_MARKER));
        FxWait.click(robot, "#view-console");
        robot.interact(() -> con0().focus());
        // Some work for the usage graphs to show, and memory taken and given back, over two minutes of samples.
        robot.write("clear; while :; do dd if=/dev/zero of=/dev/null bs=1M count=1500 2>/dev/null; sleep 5;"
                + " head -c 24m /dev/zero > /tmp/fill; sleep 5; rm /tmp/fill; done &\n");
        FxWait.until(Duration.ofSeconds(240), "two minutes of samples", () -> ui.usage().of("web") != null
                && ui.usage().of("web").cpu().length >= 60);
        robot.write("uname -a; head -3 /proc/meminfo; ls /\n");
        FxWait.until("the commands' output and the prompt", () -> con0().screenText().contains("MemAvailable")
                && con0().screenText().stripTrailing().endsWith("/ #"));
        shoot("main-window.png");

        FxWait.click(robot, "#view-usage");
        FxWait.until("the usage graphs", () -> robot.lookup("#usageCpu").queryLabeled().getText().startsWith("CPU"));
        shoot("usage.png");

        FxWait.click(robot, "#view-inspect");
        FxWait.until("/proc/meminfo in Inspect", () -> robot.lookup("#inspectProcText").tryQuery()
                .map(n -> ((TextArea) n).getText().contains("MemTotal")).orElse(false));
        shoot("inspect.png");

        select(robot, "db");
        FxWait.click(robot, "#view-details");
        FxWait.click(robot, "#networkTab");
        robot.interact(() -> robot.lookup("#nicList").queryListView().getSelectionModel().select(1));
        FxWait.until("the network page with eth1 on lab", () -> robot.lookup("#nicConnect").tryQuery()
                .filter(n -> n.isVisible() && n.getScene() != null
                && ((javafx.scene.control.ComboBox<?>) n).getValue().toString().equals("lab (switch)")
                && ((javafx.scene.control.TabPane) robot.lookup("#editorTabs").query()).getSelectionModel()
                .getSelectedIndex() == 2).isPresent());
        shoot("editor.png");

        FxWait.click(robot, "#tool-networks");
        var networksView = FxWait.get(() -> ui.showNetworks(stage));
        FxWait.until("default running for web, lab listed", () -> networksView.viewModel().networks().size() == 2
                && networksView.viewModel().networks().stream().anyMatch(v -> v.name().equals("default")
                && v.status().running()));
        Stage networksWindow = networksView.stage();
        shoot("networks.png", "Networks", networksWindow);
        FxWait.run(networksWindow::close);

        select(robot, "web");
        FxWait.click(robot, "#view-console");
        FxWait.run(() -> Themes.apply(stage.getScene(), true));
        FxWait.until("the list is dark", () -> {
            var fills = ((javafx.scene.layout.Region) robot.lookup("#instanceTable").query()).getBackground().getFills();
            var c = (javafx.scene.paint.Color) fills.get(fills.size() - 1).getFill();
            return c.getBrightness() < 0.3;
        });
        shoot("dark.png");
    }
}
