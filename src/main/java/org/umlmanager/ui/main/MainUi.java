package org.umlmanager.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.geometry.Insets;
import javafx.scene.text.TextAlignment;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.umlmanager.cmdline.ParseResult;
import org.umlmanager.model.Instance;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.HostReport;
import org.umlmanager.service.HostService;
import org.umlmanager.service.InstanceService;
import javafx.scene.control.MenuBar;
import org.umlmanager.ui.Icons;
import org.umlmanager.service.JobService;
import org.umlmanager.ui.AppIcon;
import org.umlmanager.ui.actions.AppAction;
import org.umlmanager.ui.actions.MachineActions;
import org.umlmanager.ui.actions.StateRules;
import org.umlmanager.ui.console.ConsoleTabs;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.network.NetworksWindow;
import org.umlmanager.ui.network.SavedNetworks;
import org.umlmanager.ui.prefs.ConsolePreferences;
import org.umlmanager.ui.wizard.NewVmWizard;

/** The main window with its view models and actions, assembled from what {@code App} hands in. */
public final class MainUi {

    /**
     * @param defaultKernel the kernel for new instances
     * @param dataDir       where new instances' images go
     * @param jobs          makes new machines with their images (the New VM wizard)
     * @param parse         the command-line parser with validation, for Import
     * @param script        an instance's start script, for Export
     * @param consolePrefs  console tab settings, read when a tab opens
     * @param logsDir       the runtime's console logs, one directory per instance
     * @param background    where blocking work runs
     * @param ui            the FX thread
     * @param saveLocation  asks where a console's Save log… writes
     * @param networks      the saved networks (Networks…, the wizard, Add network interface…)
     */
    public record Context(Supplier<String> defaultKernel, Path dataDir, JobService jobs,
                          BiFunction<String, String, ParseResult> parse, Function<Instance, String> script,
                          Supplier<ConsolePreferences> consolePrefs, Path logsDir, Executor background, Executor ui,
                          SaveLocation saveLocation, SavedNetworks networks) {
    }

    private final MainViewModel main;
    private final MainWindow window;
    private final Context context;
    private final RuntimeBridge bridge;
    private NetworksWindow networksWindow;
    /** What the list shows once loaded without a machine: how to make the first one. */
    private final VBox firstRun;

    public MainUi(Stage stage, InstanceService instances, GuestRuntime runtime, EditorFactory editors, Context context,
                  List<MenuItem> appItems) {
        this.context = context;
        main = new MainViewModel(instances, context.ui());
        DetailsPane details = new DetailsPane(instances, editors, main, context.ui());
        ConfigActions config = new ConfigActions(() -> stage, instances, main, context);
        bridge = new RuntimeBridge(runtime, main, context.consolePrefs(), context.logsDir(), context.background(),
                context.ui(), () -> stage, context.saveLocation());
        MachineActions machine = new MachineActions(runtime,
                () -> main.selectedProperty().get() == null ? null : main.selectedProperty().get().name(),
                name -> main.row(name).flatMap(InstanceRow::config).orElse(null), main.selectedStateProperty(),
                main.selectedStatesProperty(), new Feedback(stage, main, bridge), context.ui(), context.background());
        List<AppAction> machineActions = machine.actions();
        AppAction start = machineActions.stream().filter(a -> a.id().equals("start")).findFirst().orElseThrow();
        NewVmWizard.Context wizard = new NewVmWizard.Context(instances, context.jobs(),
                context.defaultKernel(), editors.preview()::shellLine, context.ui(), context.networks());
        Consumer<Optional<NewVmWizard.Created>> created = result -> result.ifPresent(c -> refresh().thenRunAsync(() -> {
            main.select(c.instance().name());
            if (c.startNow()) {
                start.execute();
            }
        }, context.ui()));
        List<AppAction> configActions = new ArrayList<>(config.actions());
        configActions.add(0, new AppAction("wizard", "New VM…", "Make a machine with its disk image, step by step",
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Bindings.createBooleanBinding(() -> true), () -> NewVmWizard.show(stage, wizard).thenAccept(created))
                .withIcon(AppIcon.SERVER_PLUS));
        configActions.add(new AppAction("networks", "Networks…", "The saved networks: NAT networks and switches,"
                + " their state and machines; make, edit, start, stop and capture them",
                new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN), Bindings.createBooleanBinding(() -> true),
                () -> showNetworks(stage)).withIcon(AppIcon.LAN));
        Hotplug hotplug = new Hotplug(runtime, instances, editors, main, stage, context.ui());
        var state = main.selectedStateProperty();
        var running = StateRules.in(state, StateRules.RUNNING);
        var whyNot = StateRules.whyNot(state, StateRules.RUNNING);
        List<AppAction> devices = List.of(
                new AppAction("adddisk", "Add disk…", "Add a disk to the running machine (mconsole config)", null,
                        running, hotplug::addDisk).withReason(whyNot).withIcon(AppIcon.HARDDISK_PLUS),
                new AppAction("addnic", "Add network interface…", "Add an interface to the running machine", null,
                        running, hotplug::addNetwork).withReason(whyNot).withIcon(AppIcon.ETHERNET),
                new AppAction("remove", "Remove device…", "Remove a disk or interface from the running machine", null,
                        running, hotplug::removeDevice).withReason(whyNot).withIcon(AppIcon.EJECT));
        AppAction closeEnded = new AppAction("closeended", "Close ended consoles", "Close the console tabs of machines"
                + " that stopped (their logs keep the whole history)", null, bridge.endedConsolesProperty(),
                bridge::closeEndedConsoles);
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts", Icons.of(AppIcon.KEYBOARD_OUTLINE));
        shortcuts.setId("menu-shortcuts");
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        MenuItem about = new MenuItem("About UML Manager", Icons.of(AppIcon.INFORMATION_OUTLINE));
        about.setId("menu-about");
        about.setOnAction(e -> HelpWindows.about(stage));
        window = new MainWindow(stage, main, details, bridge.usageView().root(), bridge.usage(), configActions,
                new MainWindow.MachineControls(machineActions, machine.sysRqMenu(), machine.sysRqButton(), devices,
                        closeEnded), appItems, List.of(shortcuts, about));
        shortcuts.setOnAction(e -> HelpWindows.shortcuts(stage, (MenuBar) window.root().lookup("#menuBar")));
        Button first = new Button("Create your first VM");
        first.setId("createFirstVm");
        first.setDefaultButton(false);
        first.setOnAction(e -> NewVmWizard.createFirstVm(stage, wizard).thenAccept(created));
        Label others = new Label("A busybox machine, ready in seconds. Or use New ▸ New VM…, New from template… or"
                + " Import command line….");
        others.setWrapText(true);
        others.setTextAlignment(TextAlignment.CENTER);
        VBox empty = new VBox(10, new Label("No machines yet."), first, others);
        empty.setAlignment(Pos.CENTER);
        empty.setPadding(new Insets(8));
        firstRun = empty;
        AppAction resume = machineActions.stream().filter(a -> a.id().equals("resume")).findFirst().orElseThrow();
        bridge.attach(window, resume::execute);
    }

    /**
     * Loads the configurations, then the guests' states. Until the first load has finished the
     * list says it is loading, not that there are no machines.
     */
    public CompletableFuture<Void> refresh() {
        context.networks().refresh();
        return main.refresh().whenCompleteAsync((report, error) -> window.setListPlaceholder(firstRun), context.ui())
                .thenCompose(report -> bridge.refresh());
    }

    /** Opens the Networks window, or brings it to the front. On the FX thread. */
    public NetworksWindow showNetworks(Stage owner) {
        if (networksWindow == null || !networksWindow.stage().isShowing()) {
            networksWindow = NetworksWindow.show(owner, context.networks(), Path.of(System.getProperty("user.home")),
                    context.ui());
        } else {
            networksWindow.stage().toFront();
        }
        return networksWindow;
    }

    /**
     * Names in the window the features this host lacks once {@code check} (a {@link HostService}'s)
     * has found them; completes on the FX thread once shown.
     */
    public CompletableFuture<Void> checkHost(CompletableFuture<HostReport> check) {
        return check.thenAcceptAsync(window::showHostProblems, context.ui());
    }

    /** Closes the console streams; the guests keep running. */
    public void close() {
        bridge.close();
    }

    /** The console tabs of a guest, once opened (for tests and screenshots). On the FX thread only. */
    public Optional<ConsoleTabs> consoles(String name) {
        return Optional.ofNullable(bridge.consoles(name));
    }

    private record Feedback(Stage stage, MainViewModel main, RuntimeBridge bridge) implements MachineActions.Feedback {
        @Override
        public boolean confirm(String header, String text, String confirm) {
            return Dialogs.confirm(stage, header, text, confirm);
        }

        @Override
        public void progress(String text) {
            main.setStatus(text);
        }

        @Override
        public void progressFraction(double fraction) {
            main.setProgress(fraction);
        }

        @Override
        public void failed(String header, List<String> lines) {
            main.setStatus(header + ": " + String.join("; ", lines));
            Dialogs.failures(stage, header, lines);
        }

        @Override
        public void failed(String action, String name, Throwable error) {
            main.setStatus(Errors.headline(action, name, error));
            if (action.equals("start")) {
                bridge.notifyStartFailed(name, error);
            }
            Dialogs.error(stage, action, name, error);
        }
    }

    /** The running machines' recent CPU and memory. On the FX thread only. */
    public org.umlmanager.ui.usage.UsageHistory usage() {
        return bridge.usage();
    }

    public MainViewModel main() {
        return main;
    }

    public MainWindow window() {
        return window;
    }
}
