package org.umlmanager.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.network.KeeperNetworks;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.service.CommandLines;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.HostService;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.JobService;
import org.umlmanager.service.LabService;
import org.umlmanager.service.NetworkService;
import org.umlmanager.service.NetworkedRuntime;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.LabStore;
import org.umlmanager.storage.NetworkStore;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.lab.Labs;
import org.umlmanager.ui.lab.LabsWindow;
import org.umlmanager.ui.main.EditorFactory;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.network.SavedNetworks;
import org.umlmanager.ui.prefs.UiPreferences;

/**
 * The desktop app's services and main window, built from where its files are and its
 * preferences. {@link App} builds the app through this class and so do the UI tests, so that a
 * test drives the window a user gets, wired the same way.
 *
 * <p>Threading: construct anywhere; {@link #mainUi} on the FX thread. The preferences are read
 * through the supplier each time they matter (a check, a preview, a new console tab), so a
 * change in Preferences… applies at once.
 */
public final class DesktopWiring implements AutoCloseable {

    /**
     * Where the app works.
     *
     * @param paths            configuration, data and runtime directories
     * @param layout           where running guests keep their files
     * @param home             the user's home: {@code ~} in a pasted command line
     * @param workingDirectory relative paths in a pasted or edited command line resolve against it
     */
    public record Places(AppPaths paths, RuntimeLayout layout, Path home, Path workingDirectory) {

        /** The places of the app started from this process's environment, home and directory. */
        public static Places of(AppPaths paths) {
            Path home = Path.of(System.getProperty("user.home"));
            Path cwd = Path.of("").toAbsolutePath();
            return new Places(paths, RuntimeLayout.of(paths, System.getenv(), home, cwd), home, cwd);
        }
    }

    private final Places places;
    private final Supplier<UiPreferences> prefs;
    private final Executor background;
    private final Executor ui;
    private final InstanceService instances;
    private final NetworkService networks;
    private final GuestRuntime runtime;
    private final JobService jobs;
    private final HostService host;
    private final LabService labs;
    private volatile List<Instance> known = List.of();

    /**
     * @param background where blocking work runs (files, sockets, processes)
     * @param ui         the FX thread ({@code Platform::runLater})
     */
    public DesktopWiring(Places places, Supplier<UiPreferences> prefs, Executor background, Executor ui) {
        this.places = places;
        this.prefs = prefs;
        this.background = background;
        this.ui = ui;
        InstanceStore instanceStore = new InstanceStore(places.paths().instancesDir());
        instances = new InstanceService(instanceStore, background, Optional.of(places.layout().defaultUmlDir()));
        NetworkStore networkStore = new NetworkStore(places.paths().networksDir(), places.paths().instancesDir());
        NetworkPaths networkPaths = new NetworkPaths(places.paths().networksRuntimeDir());
        networks = new NetworkService(networkStore, instanceStore, KeeperNetworks.forThisJvm(networkPaths),
                networkPaths, background);
        // Guests on saved networks get their networks' processes started and are registered with them.
        runtime = new NetworkedRuntime(new RuntimeService(places.layout(),
                SupervisorLauncher.forThisJvm(places.layout()), this::known, background, ui), networks,
                networkStore, places.layout(), background);
        // Not a daemon: quitting while a job runs waits for its clean-up instead of leaving half a disk behind.
        jobs = new JobService(places.paths().imagesDir(), instances, background,
                task -> new Thread(task, "uml-manager-job").start());
        host = HostService.system(background);
        labs = new LabService(new LabStore(places.paths().labsDir(), instanceStore, networkStore), instanceStore,
                networkStore, places.paths().labsDataDir(), networkPaths, background);
    }

    /** Builds the main window's content on {@code stage}; the caller sets the scene and shows it. */
    public MainUi mainUi(Stage stage, SaveLocation saveLocation, List<MenuItem> appItems) {
        SavedNetworks saved = new SavedNetworks(networks, ui);
        // The editor's checks run on a worker (they read the saved networks and files); the preview
        // resolves over the networks last read, so the wizard's Summary can make it on the FX thread.
        EditorFactory editors = new EditorFactory(instance -> Stream.concat(CommandLines.check(instance,
                validation()).stream(), networks.attachmentProblems(instance).stream()).toList(),
                instance -> CommandLines.shellLine(instance, generation()
                        .withAttachments(saved.resolver(instance.name()))), saved, background, ui);
        MainUi main = new MainUi(stage, instances, runtime, editors, new MainUi.Context(
                () -> prefs.get().defaultKernel(), places.paths().data(), jobs,
                (name, text) -> CommandLines.parseShellLine(name, text, places.home(), validation()),
                instance -> CommandLines.script(instance, generation()),
                () -> prefs.get().console(), places.layout().logsDir(), background, ui, saveLocation, saved),
                appItems);
        main.main().allRows().addListener((InvalidationListener) o -> known = main.main().allRows().stream()
                .flatMap(r -> r.config().stream()).toList());
        return main;
    }

    /**
     * The Labs feature on {@code stage}: its menu items (for {@link #mainUi}'s {@code appItems}), the
     * Labs window, and drops of lab directories. Its guests start through the same runtime as the
     * main window's; {@code openConsole} shows a device's consoles in the main window. FX thread.
     */
    public Labs labs(Stage stage, SaveLocation saveLocation, Consumer<String> openConsole) {
        return new Labs(stage, labs, runtime, networks, background, ui, new LabsWindow.Context(
                () -> prefs.get().defaultKernel(), openConsole, background, saveLocation));
    }

    /**
     * The saved configurations as the window last listed them: the runtime asks for them from its
     * own threads (to tell which files a running guest uses).
     */
    public List<Instance> known() {
        return known;
    }

    public InstanceService instances() {
        return instances;
    }

    public GuestRuntime runtime() {
        return runtime;
    }

    public NetworkService networks() {
        return networks;
    }

    public JobService jobs() {
        return jobs;
    }

    public LabService labService() {
        return labs;
    }

    /** What the host lacks for the app's features (the window's first-run notice). */
    public HostService host() {
        return host;
    }

    public Places places() {
        return places;
    }

    /**
     * For saving, with the uml_dir a start will use (the preferred one, else the one guests get when
     * they set none); what the host lacks is a warning.
     */
    private ValidationContext validation() {
        return ValidationContext.forSaving(umlDir().or(() -> Optional.of(places.layout().defaultUmlDir())),
                places.workingDirectory());
    }

    private GenerateOptions generation() {
        return new GenerateOptions(umlDir(), Optional.empty());
    }

    private Optional<Path> umlDir() {
        return prefs.get().umlDir().map(Path::of);
    }

    /** Closes the runtime's connections; running guests keep running. */
    @Override
    public void close() {
        runtime.close();
    }
}
