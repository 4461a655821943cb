package org.umlmanager.ui;

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
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
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
import org.testfx.util.WaitForAsyncUtils;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.SupervisorLauncher;
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
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.main.EditorFactory;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.prefs.ConsolePreferences;
import org.umlmanager.ui.prefs.WindowGeometry;

/**
 * Makes the README's screenshots from the real app with a real guest: the main window with a
 * running guest's console, the editor, the Inspect panel. Runs only when asked:
 * {@code docs/screenshots/make-screenshots.sh}.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ReadmeScreenshots {

    private final ExecutorService io = Executors.newFixedThreadPool(3);
    private final List<Instance> known = new CopyOnWriteArrayList<>();
    private GuestFixture guests;
    private RuntimeService runtime;
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
        InstanceService instances = new InstanceService(store, io);
        runtime = new RuntimeService(guests.layout(), SupervisorLauncher.forThisJvm(guests.layout()),
                () -> List.copyOf(known), io, Platform::runLater);
        ValidationContext context = new ValidationContext(Optional.of(guests.layout().defaultUmlDir()), true,
                guests.dir());
        GenerateOptions generate = new GenerateOptions(Optional.of(guests.layout().defaultUmlDir()), Optional.empty());
        ui = new MainUi(s, instances, runtime, new EditorFactory(i -> Validator.validate(i, context),
                i -> CommandLineGenerator.launchCommand(i, generate).toShellLine(), io, Platform::runLater),
                new MainUi.Context(() -> "linux", guests.paths().data(),
                        (n, t) -> CommandLineParser.parseShellLine(n, t, guests.dir(), context),
                        i -> CommandLineGenerator.launchCommand(i, generate).toScript(i.name()),
                        () -> ConsolePreferences.DEFAULTS, guests.layout().logsDir(), io, Platform::runLater),
                List.of());
        ui.main().allRows().addListener((InvalidationListener) o -> {
            known.clear();
            ui.main().allRows().forEach(r -> r.config().ifPresent(known::add));
        });
        Scene scene = ui.window().scene(1280, 820);
        scene.getStylesheets().add(App.class.getResource("app.css").toExternalForm());
        s.setScene(scene);
        s.setTitle("UML Manager");
        s.show();
        ui.window().applyGeometry(new WindowGeometry(0, 0, 1280, 820, false, 0.3, 0.45));
        ui.refresh();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (Instance i : known) {
                GuestStatus st = runtime.status(i.name()).get(10, TimeUnit.SECONDS);
                if (st.state().active()) {
                    runtime.stop(i.name(), StopMode.FORCE, x -> { }).get(30, TimeUnit.SECONDS);
                }
                st.pid().ifPresent(pid -> guests.track(new GuestSnapshot(st.name(), st.umid(), st.state(), "",
                        st.exitStatus(), st.pid(), -1, Optional.empty(), 0, List.of(), st.since()),
                        LaunchPlanner.umlDir(i, guests.layout())));
            }
            Platform.runLater(ui::close);
            runtime.close();
        } finally {
            io.shutdownNow();
            guests.close();
        }
    }

    private static void waitFor(Duration limit, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(String file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        PixelReader pixels = image[0].getPixelReader();
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
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
        var table = robot.lookup("#instanceTable").queryTableView();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(
                table.getItems().indexOf(ui.main().row(name).orElseThrow())));
    }

    private ConsoleView con0() {
        return ui.consoles("web").flatMap(c -> c.view("con0")).orElseThrow();
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        waitFor(Duration.ofSeconds(10), () -> ui.main().row("web").isPresent());
        select(robot, "web");
        robot.clickOn("#tool-start");
        waitFor(Duration.ofSeconds(90), () -> ui.main().row("web").map(InstanceRow::state).orElse(null)
                == InstanceState.RUNNING);
        waitFor(Duration.ofSeconds(30), () -> ui.consoles("web").flatMap(c -> c.view("con0")).isPresent());
        waitFor(Duration.ofSeconds(90), () -> con0().bufferText().contains(BusyboxImage.READY_MARKER));
        robot.interact(() -> con0().focus());
        robot.write("uname -a; head -3 /proc/meminfo; ls /\n");
        waitFor(Duration.ofSeconds(20), () -> con0().bufferText().contains("MemFree"));
        shoot("main-window.png");

        robot.clickOn("#inspectTab");
        waitFor(Duration.ofSeconds(20), () -> robot.lookup("#inspectProcText").tryQuery()
                .map(n -> ((TextArea) n).getText().contains("MemTotal")).orElse(false));
        shoot("inspect.png");

        select(robot, "db");
        robot.clickOn("#configurationTab");
        robot.clickOn("#networkTab");
        waitFor(Duration.ofSeconds(10), () -> robot.lookup("#nic-mac").tryQuery().isPresent());
        shoot("editor.png");
    }
}
