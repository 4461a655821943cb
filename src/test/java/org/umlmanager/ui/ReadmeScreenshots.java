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
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchPlanner;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.FxWait;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.prefs.WindowGeometry;

/**
 * Makes the README's screenshots from the real app with a real guest: the main window with a
 * running guest's console, the editor, the Inspect panel. Runs only when asked:
 * {@code docs/screenshots/make-screenshots.sh}.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ReadmeScreenshots {

    private GuestFixture guests;
    private DesktopFixture desktop;
    private MainUi ui;
    private Stage stage;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        guests = GuestFixture.create();
        var store = new InstanceStore(guests.paths().instancesDir());
        Files.createDirectories(guests.dir().resolve("shared"));
        store.create(guests.instance("web").memory(MemorySize.ofMebibytes(128))
                .hostfs(new HostfsShare(guests.dir().resolve("shared").toString(), false)).build());
        store.create(guests.instance("db").memory(MemorySize.ofMebibytes(256))
                .hostfs(new HostfsShare(guests.dir().resolve("shared").toString(), false))
                .network(new VectorInterface(0, new VectorTransport.Tap(Optional.of("tap-db")),
                        VectorOptions.NONE.withMac(Optional.of("02:4e:1a:33:7c:05")))).build());
        desktop = DesktopFixture.over(guests, "linux");
        s.setTitle("UML Manager");
        ui = desktop.show(s, 1280, 820);
        ui.window().applyGeometry(new WindowGeometry(0, 0, 1280, 820, false, 0.3, 0.45));
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
            guests.close();
        }
    }

    private void shoot(String file) throws Exception {
        WritableImage image = FxWait.get(() -> stage.getScene().snapshot(null));
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path dir = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(dir);
        ImageIO.write(out, "png", dir.resolve(file).toFile());
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
        robot.interact(() -> con0().focus());
        robot.write("uname -a; head -3 /proc/meminfo; ls /\n");
        FxWait.until("the commands' output", () -> con0().bufferText().contains("MemFree"));
        shoot("main-window.png");

        FxWait.click(robot, "#inspectTab");
        FxWait.until("/proc/meminfo in Inspect", () -> robot.lookup("#inspectProcText").tryQuery()
                .map(n -> ((TextArea) n).getText().contains("MemTotal")).orElse(false));
        shoot("inspect.png");

        select(robot, "db");
        FxWait.click(robot, "#configurationTab");
        FxWait.click(robot, "#networkTab");
        FxWait.until("the network page", () -> robot.lookup("#nic-mac").tryQuery().isPresent());
        shoot("editor.png");
    }
}
