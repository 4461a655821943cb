package org.umlmanager.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.LabService;
import org.umlmanager.service.NetworkService;
import org.umlmanager.testing.FxWait;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.lab.Labs;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.prefs.ConsolePreferences;
import org.umlmanager.ui.prefs.Theme;
import org.umlmanager.ui.prefs.UiPreferences;
import org.umlmanager.ui.prefs.WindowGeometry;

/**
 * The desktop app's main window for a UI test, wired by {@link DesktopWiring} as {@link App}
 * wires it, over a test's own directories: its own background threads, its own runtime (which
 * finds guests already running under the same layout, as a restarted app does), the app's
 * stylesheet. {@link #close()} closes the window's streams and the runtime's connections and
 * stops the threads; guests keep running (their test stops them).
 */
public final class DesktopFixture implements AutoCloseable {

    private final ExecutorService io = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "test-desktop-io");
        t.setDaemon(true);
        return t;
    });
    private final DesktopWiring wiring;
    private final UiPreferences prefs;
    private final boolean windowed;
    private volatile MainUi ui;

    private DesktopFixture(DesktopWiring.Places places, String kernel, boolean windowed) {
        prefs = new UiPreferences(kernel, Optional.of(places.layout().defaultUmlDir().toString()),
                ConsolePreferences.DEFAULTS, Theme.LIGHT, WindowGeometry.DEFAULT);
        this.windowed = windowed;
        Executor fx = windowed ? Platform::runLater : Runnable::run;
        wiring = new DesktopWiring(places, () -> prefs, io, fx);
    }

    /** Over a guest fixture's directories; new machines get {@code kernel}. */
    public static DesktopFixture over(GuestFixture guests, String kernel) {
        return new DesktopFixture(places(guests), kernel, true);
    }

    /**
     * As {@link #over}, for a test of the wiring itself: no window, no JavaFX toolkit, and what
     * would be handed to the FX thread runs on the thread that hands it over. {@link #show} and
     * {@link #labs} are not for such a fixture.
     */
    public static DesktopFixture withoutWindow(GuestFixture guests, String kernel) {
        return new DesktopFixture(places(guests), kernel, false);
    }

    private static DesktopWiring.Places places(GuestFixture guests) {
        return new DesktopWiring.Places(guests.paths(), guests.layout(), guests.dir(), guests.dir());
    }

    /** Over a directory of its own with no guest: {@code AppPaths.under(home)}. */
    public static DesktopFixture under(Path home) {
        AppPaths paths = AppPaths.under(home);
        RuntimeLayout layout = new RuntimeLayout(paths.sessionsDir(), paths.runtime().resolve("supervisor"),
                paths.logsDir(), paths.runtime().resolve("uml"), home);
        return new DesktopFixture(new DesktopWiring.Places(paths, layout, home, home), "linux", true);
    }

    /**
     * Builds the window on {@code stage}, shows it and starts loading the list. Call on the FX
     * thread (a TestFX {@code @Start} method).
     */
    public MainUi show(Stage stage, double width, double height, SaveLocation saveLocation) {
        MainUi built = wiring.mainUi(stage, saveLocation, List.of());
        Scene scene = built.window().scene(width, height);
        App.applyTheme(scene, prefs.theme());
        stage.setScene(scene);
        stage.show();
        built.refresh();
        ui = built;
        return built;
    }

    /**
     * Builds the window as the app does: placed at {@code geometry} before it is shown (and once
     * more when shown, as under a window manager), then shown. Call on the FX thread.
     */
    public MainUi show(Stage stage, WindowGeometry geometry, SaveLocation saveLocation) {
        MainUi built = wiring.mainUi(stage, saveLocation, List.of());
        Scene scene = built.window().scene(geometry.width(), geometry.height());
        App.applyTheme(scene, prefs.theme());
        stage.setScene(scene);
        built.window().applyGeometry(geometry);
        stage.show();
        built.refresh();
        ui = built;
        return built;
    }

    /** As {@link #show(Stage, double, double, SaveLocation)}, with a Save log… that would ask for a file. */
    public MainUi show(Stage stage, double width, double height) {
        return show(stage, width, height, SaveLocation.CHOOSER);
    }

    public MainUi ui() {
        return ui;
    }

    /**
     * The Labs feature as {@link App} hooks it in, a device's console shown in this fixture's main
     * window ({@link #show} first). FX thread.
     */
    public Labs labs(Stage stage, SaveLocation saveLocation) {
        return wiring.labs(stage, saveLocation, name -> ui.main().select(name));
    }

    public LabService labService() {
        return wiring.labService();
    }

    public NetworkService networks() {
        return wiring.networks();
    }

    public GuestRuntime runtime() {
        return wiring.runtime();
    }

    public InstanceService instances() {
        return wiring.instances();
    }

    /** The configurations the window last listed (an immutable snapshot; any thread). */
    public List<Instance> known() {
        return wiring.known();
    }

    /**
     * Closes the dialogs and windows the window opened (a test that failed half-way leaves them, and
     * a modal one would take the next test's clicks), the window's console streams and the runtime's
     * connections, then stops the threads.
     */
    @Override
    public void close() {
        try {
            if (windowed) {
                FxWait.run(() -> List.copyOf(Window.getWindows()).stream()
                        .filter(w -> w instanceof Stage s && s.getOwner() != null).forEach(Window::hide));
            }
            if (ui != null) {
                FxWait.run(ui::close);
            }
            wiring.close();
        } finally {
            io.shutdownNow();
            try {
                io.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
