package org.umlmanager.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.model.AppPaths;
import org.umlmanager.ui.lab.Labs;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.prefs.PreferencesDialog;
import org.umlmanager.ui.storage.StorageWindow;
import org.umlmanager.ui.prefs.PreferencesStore;
import org.umlmanager.ui.prefs.SystemTheme;
import org.umlmanager.ui.prefs.Theme;
import org.umlmanager.ui.prefs.UiPreferences;

/**
 * The desktop app: its window, menus, preferences and threads. The services and the main window
 * come from {@link DesktopWiring}, which the UI tests use too. Nothing here is static.
 */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Stage stage;
    private final AppPaths paths;
    private final ExecutorService io = Executors.newFixedThreadPool(2, named("uml-manager-io"));
    private final PreferencesStore prefsStore;
    private volatile UiPreferences prefs;
    private MainUi ui;
    private DesktopWiring wiring;
    private Themes themes;
    private CompletableFuture<List<Image>> icons = CompletableFuture.completedFuture(List.of());

    public App(Stage stage, AppPaths paths) {
        this.stage = stage;
        this.paths = paths;
        this.prefsStore = new PreferencesStore(paths.config().resolve("desktop.properties"));
    }

    /** Builds the window and shows it; the instance list fills in from the background. */
    public void start(UiPreferences loaded) {
        StartupTrace.mark("building the window");
        prefs = loaded;
        wiring = new DesktopWiring(DesktopWiring.Places.of(paths), () -> prefs, io, Platform::runLater);
        MenuItem preferences = new MenuItem("Preferences…");
        preferences.setId("menu-preferences");
        preferences.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        preferences.setOnAction(e -> editPreferences());
        MenuItem storage = new MenuItem("Disk images & COW files…");
        storage.setId("menu-storage");
        storage.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
        storage.setOnAction(e -> StorageWindow.show(stage, wiring.jobs(), Platform::runLater, SaveLocation.CHOOSER));
        Labs labs = wiring.labs(stage, SaveLocation.CHOOSER, this::showConsole);
        List<MenuItem> appItems = new ArrayList<>(labs.menuItems());
        appItems.addAll(List.of(storage, preferences));
        ui = wiring.mainUi(stage, SaveLocation.CHOOSER, appItems);
        StartupTrace.mark("main window built");
        Scene scene = ui.window().scene(prefs.window().width(), prefs.window().height());
        labs.acceptDrops(scene);
        themes = new Themes(prefs.theme());
        themes.install();
        Themes.apply(scene, themes.dark());
        followSystemTheme();
        stage.setTitle("UML Manager");
        // Decoded in the background since launch(); almost always ready by now, else set once they are.
        if (icons.isDone()) {
            setIcons();
        } else {
            icons.whenCompleteAsync((i, e) -> setIcons(), Platform::runLater);
        }
        stage.setScene(scene);
        // Size and place before showing (and once more when shown: window managers drop the first).
        ui.window().applyGeometry(prefs.window());
        stage.setOnCloseRequest(e -> {
            prefs = prefs.withWindow(ui.window().geometry());
            savePreferences();
        });
        StartupTrace.mark("show");
        stage.show();
        StartupTrace.mark("shown");
        StartupTrace.markFirstLayout(scene);
        ui.refresh().thenRun(() -> StartupTrace.mark("list loaded")).thenRun(wiring.runtime()::prewarm);
        checkHost();
    }

    private void setIcons() {
        try {
            stage.getIcons().setAll(icons.join());
        } catch (java.util.concurrent.CompletionException e) {
            LOG.warn("Could not load the window icons: {}", e.getCause().toString());
        }
    }

    /** A lab device double-clicked in the Labs window: its console tabs, in the main window. */
    private void showConsole(String instance) {
        ui.main().select(instance);
        stage.toFront();
    }

    /** Names in the window what the host lacks (the kernel new machines get, tools for features). */
    private void checkHost() {
        ui.checkHost(wiring.host().check(prefs.defaultKernel()));
    }

    /** Reads the preferences off the FX thread, then starts. */
    public void launch() {
        StartupTrace.mark("toolkit up");
        io.execute(() -> {
            UiPreferences loaded = prefsStore.load();
            Platform.runLater(() -> start(loaded));
        });
        // While the FX thread builds the window, the other core decodes the window icons. (Not the
        // fonts: set up off the FX thread, beside its own first use, they made dialogs lay out
        // shorter than they were placed for; WindowManagerTest caught it.)
        // One icon of 128 px: JavaFX hands GTK a single 128 px icon, scaled on the FX thread while
        // the window is shown from the given image closest to that size (from 256 px, 10-15 ms).
        icons = CompletableFuture.supplyAsync(() -> List.of(new Image(App.class.getResource("uml-manager-128.png")
                .toExternalForm())), io);
    }

    private void editPreferences() {
        PreferencesDialog.create(stage, prefs.withWindow(ui.window().geometry())).showAndWait().ifPresent(p -> {
            prefs = p;
            themes.themeProperty().set(p.theme());
            savePreferences();
            checkHost();
        });
    }

    private void savePreferences() {
        UiPreferences snapshot = prefs;
        io.execute(() -> {
            try {
                prefsStore.save(snapshot);
            } catch (IOException e) {
                LOG.warn("Could not save the preferences to {}: {}", prefsStore.file(), e.getMessage());
            }
        });
    }

    /** The stylesheets of {@code theme} on {@code scene} ({@link Theme#SYSTEM} as light: tests set no desktop). */
    static void applyTheme(Scene scene, Theme theme) {
        Themes.apply(scene, theme == Theme.DARK);
    }

    /**
     * Asks the desktop whether it prefers dark at start and whenever the window gets the focus back
     * (the moment after someone changed it in their desktop's settings), off the FX thread.
     */
    private void followSystemTheme() {
        SystemTheme system = SystemTheme.ofThisProcess();
        Runnable ask = () -> {
            if (themes.themeProperty().get() == Theme.SYSTEM) {
                io.execute(() -> {
                    boolean dark = system.prefersDark();
                    Platform.runLater(() -> themes.systemDarkProperty().set(dark));
                });
            }
        };
        ask.run();
        themes.themeProperty().addListener(o -> ask.run());
        stage.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                ask.run();
            }
        });
    }

    /** Lets pending writes finish, then releases the app's threads. */
    public void stop() {
        if (themes != null) {
            themes.uninstall();
        }
        if (ui != null) {
            ui.close();
        }
        if (wiring != null) {
            wiring.close();
        }
        io.shutdown();
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
