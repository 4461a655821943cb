package org.umlmanager.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.launch.HolderLauncher;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.LabService;
import org.umlmanager.network.KeeperNetworks;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.NetworkService;
import org.umlmanager.service.NetworkedRuntime;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.LabStore;
import org.umlmanager.storage.NetworkStore;
import org.umlmanager.ui.lab.Labs;
import org.umlmanager.ui.lab.LabsWindow;
import org.umlmanager.ui.main.EditorFactory;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.prefs.PreferencesDialog;
import org.umlmanager.ui.storage.StorageWindow;
import org.umlmanager.ui.prefs.PreferencesStore;
import org.umlmanager.ui.prefs.Theme;
import org.umlmanager.ui.prefs.UiPreferences;

/**
 * The desktop app's wiring, in one place: paths, executors, services, view models and views,
 * all passed by constructor. Nothing here is static.
 */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Stage stage;
    private final AppPaths paths;
    private final ExecutorService io = Executors.newFixedThreadPool(2, named("uml-manager-io"));
    private final PreferencesStore prefsStore;
    private volatile UiPreferences prefs;
    private MainUi ui;
    private GuestRuntime runtime;
    private volatile List<Instance> known = List.of();

    public App(Stage stage, AppPaths paths) {
        this.stage = stage;
        this.paths = paths;
        this.prefsStore = new PreferencesStore(paths.config().resolve("desktop.properties"));
    }

    /** Builds the window and shows it; the instance list fills in from the background. */
    public void start(UiPreferences loaded) {
        prefs = loaded;
        RuntimeLayout layout = RuntimeLayout.of(paths, System.getenv(), Path.of(System.getProperty("user.home")),
                Path.of("").toAbsolutePath());
        InstanceStore instanceStore = new InstanceStore(paths.instancesDir());
        InstanceService instances = new InstanceService(instanceStore, io);
        NetworkStore networkStore = new NetworkStore(paths.networksDir(), paths.instancesDir());
        NetworkPaths networkPaths = new NetworkPaths(paths.networksRuntimeDir());
        NetworkService networks = new NetworkService(networkStore, instanceStore,
                KeeperNetworks.forThisJvm(networkPaths), networkPaths, io);
        // Guests on saved networks get their networks' processes started and are registered with them.
        runtime = new NetworkedRuntime(new RuntimeService(layout, HolderLauncher.forThisJvm(layout.holdersDir()),
                this::knownInstances, io, Platform::runLater), networks, networkStore, layout, io);
        EditorFactory editors = new EditorFactory(
                instance -> Validator.validate(instance, validation()),
                instance -> CommandLineGenerator.launchCommand(instance, generation()).toShellLine(),
                io, Platform::runLater);
        MenuItem preferences = new MenuItem("Preferences…");
        preferences.setId("menu-preferences");
        preferences.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        preferences.setOnAction(e -> editPreferences());
        MenuItem storage = new MenuItem("Disk images & COW files…");
        storage.setId("menu-storage");
        storage.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
        storage.setOnAction(e -> StorageWindow.show(stage, instances, io, Platform::runLater, SaveLocation.CHOOSER));
        Labs labs = new Labs(stage, new LabService(new LabStore(paths.labsDir(), instanceStore, networkStore),
                instanceStore, networkStore, paths.labsDataDir(), networkPaths, io), runtime, networks, io,
                Platform::runLater, new LabsWindow.Context(() -> prefs.defaultKernel(), this::showConsole, io,
                SaveLocation.CHOOSER));
        List<MenuItem> appItems = new java.util.ArrayList<>(labs.menuItems());
        appItems.addAll(List.of(storage, preferences));
        ui = new MainUi(stage, instances, runtime, editors, new MainUi.Context(() -> prefs.defaultKernel(),
                paths.data(),
                (name, text) -> CommandLineParser.parseShellLine(name, text, Path.of(System.getProperty("user.home")),
                        validation()),
                instance -> CommandLineGenerator.launchCommand(instance, generation()).toScript(instance.name()),
                () -> prefs.console(), layout.logsDir(), io, Platform::runLater), appItems);
        Scene scene = ui.window().scene(prefs.window().width(), prefs.window().height());
        labs.acceptDrops(scene);
        applyTheme(scene, prefs.theme());
        stage.setTitle("UML Manager");
        for (String icon : List.of("uml-manager-64.png", "uml-manager-256.png")) {
            stage.getIcons().add(new Image(App.class.getResource(icon).toExternalForm()));
        }
        stage.setScene(scene);
        ui.window().applyGeometry(prefs.window());
        stage.setOnCloseRequest(e -> {
            prefs = prefs.withWindow(ui.window().geometry());
            savePreferences();
        });
        stage.show();
        ui.main().allRows().addListener((InvalidationListener) o -> known = ui.main().allRows().stream()
                .flatMap(r -> r.config().stream()).toList());
        ui.refresh().thenRun(runtime::prewarm);
    }

    /** A lab device double-clicked in the Labs window: its console tabs, in the main window. */
    private void showConsole(String instance) {
        ui.main().select(instance);
        stage.toFront();
    }

    /** The saved configurations as last listed: the runtime asks for them from its own threads. */
    private List<Instance> knownInstances() {
        return known;
    }

    /** Reads the preferences off the FX thread, then starts. */
    public void launch() {
        io.execute(() -> {
            UiPreferences loaded = prefsStore.load();
            Platform.runLater(() -> start(loaded));
        });
    }

    private ValidationContext validation() {
        return new ValidationContext(prefs.umlDir().map(Path::of), true, Path.of("").toAbsolutePath());
    }

    private GenerateOptions generation() {
        return new GenerateOptions(prefs.umlDir().map(Path::of), Optional.empty());
    }

    private void editPreferences() {
        PreferencesDialog.create(stage, prefs.withWindow(ui.window().geometry())).showAndWait().ifPresent(p -> {
            prefs = p;
            applyTheme(stage.getScene(), p.theme());
            savePreferences();
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

    static void applyTheme(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(App.class.getResource("app.css").toExternalForm());
        if (theme == Theme.DARK) {
            scene.getStylesheets().add(App.class.getResource("dark.css").toExternalForm());
        }
    }

    /** Lets pending writes finish, then releases the app's threads. */
    public void stop() {
        if (ui != null) {
            ui.close();
        }
        if (runtime != null) {
            runtime.close();
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
