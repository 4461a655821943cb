package org.umlmanager.ui.main;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.GuestMeminfo;
import org.umlmanager.service.UsageSampler;
import org.umlmanager.ui.usage.UsageHistory;
import org.umlmanager.ui.usage.UsageView;
import org.umlmanager.ui.FxThread;
import org.umlmanager.ui.console.ConsoleTabs;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.console.TerminalWarmUp;
import org.umlmanager.ui.inspect.InspectView;
import org.umlmanager.ui.inspect.InspectViewModel;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * Connects the runtime to the window: states into the list, console tabs of the guests being
 * looked at, the Inspect tab of the selected guest, notifications when a guest crashes. Runs on
 * the FX thread (the runtime delivers its events there).
 *
 * <p>Console tabs cost a terminal, a stream and threads per line, and work for every byte the
 * guest prints; so a guest gets them only once it is selected, and only the {@value #LIVE_GUESTS}
 * guests looked at last keep them (and any with a tab in a window of its own). A guest selected
 * again gets new tabs, which the supervisor fills with the line's recent output (its scrollback);
 * the whole history is in the console log. With many chatty guests running, the window thus does
 * the work of a few.
 */
final class RuntimeBridge {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeBridge.class);
    /** How often the guests' CPU and memory are sampled (the cost for 32 guests: UsageSamplerBench). */
    private static final int NOTICE_COLUMNS = 60;

    static final Duration SAMPLE_PERIOD = Duration.ofSeconds(2);

    private final GuestRuntime runtime;
    private final MainViewModel main;
    private final Supplier<ConsolePreferences> consolePrefs;
    private final Path logsDir;
    private final Executor background;
    private final Executor ui;
    private final Supplier<Window> owner;
    private final SaveLocation saveLocation;
    /** Guests that keep their console tabs, at most this many besides those with a detached tab. */
    static final int LIVE_GUESTS = 4;

    /** Confined to the FX thread, like everything here (see {@link #consoles(String)}). */
    private final Map<String, ConsoleTabs> consoles = new HashMap<>();
    /** The lines each running guest has, from its latest snapshot: what its tabs open once it is shown. */
    private final Map<String, List<LineInfo>> lines = new HashMap<>();
    /** Guests with console tabs, the one looked at last first. */
    private final java.util.Deque<String> recent = new java.util.ArrayDeque<>();
    private final ReadOnlyBooleanWrapper endedConsoles = new ReadOnlyBooleanWrapper();
    /** The UML process of each running guest, for the usage sampler's thread. */
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final UsageHistory usage = new UsageHistory();
    private final UsageView usageView = new UsageView(usage);
    private final Label inspectIdle = new Label();
    private final Label consoleIdle = new Label();
    private final HBox pausedBanner = new HBox(10);
    private UsageSampler sampler;
    private GuestMeminfo meminfo;
    /** A guest started while selected: its console view comes to the front once its consoles open. */
    private String showConsoleOf;
    private MainWindow window;
    private boolean terminalWarmedUp;
    private AutoCloseable subscription;

    RuntimeBridge(GuestRuntime runtime, MainViewModel main, Supplier<ConsolePreferences> consolePrefs, Path logsDir,
                  Executor background, Executor ui, Supplier<Window> owner, SaveLocation saveLocation) {
        this.runtime = runtime;
        this.main = main;
        this.consolePrefs = consolePrefs;
        this.logsDir = logsDir;
        this.background = background;
        this.ui = ui;
        this.owner = owner;
        this.saveLocation = saveLocation;
    }

    /** The recent CPU and memory of the running guests (for the list's sparklines). */
    UsageHistory usage() {
        return usage;
    }

    /** The Usage view of the selected guest. */
    UsageView usageView() {
        return usageView;
    }

    void attach(MainWindow w, Runnable resume) {
        window = w;
        subscription = runtime.addListener(this::event);
        main.selectedProperty().addListener((o, a, row) -> showSelected());
        main.selectedStateProperty().addListener((o, a, s) -> showSelected());
        w.viewProperty().addListener((o, a, v) -> showSelected());
        main.allRows().addListener((InvalidationListener) o -> rowsChanged());
        w.setFocusConsole(() -> {
            InstanceRow row = main.selectedProperty().get();
            ConsoleTabs tabs = row == null ? null : consoles.get(row.name());
            if (tabs != null) {
                tabs.focusSelected();
            }
        });
        inspectIdle.setId("inspectIdle");
        inspectIdle.setWrapText(true);
        inspectIdle.setPadding(new Insets(16));
        consoleIdle.setId("consoleIdle");
        consoleIdle.setWrapText(true);
        consoleIdle.setPadding(new Insets(16));
        Label paused = new Label("Paused: the machine is frozen and does not react to keys.");
        Button resumeButton = new Button("Resume");
        resumeButton.setId("pausedResume");
        resumeButton.setOnAction(e -> resume.run());
        pausedBanner.getChildren().setAll(paused, resumeButton);
        pausedBanner.setId("pausedBanner");
        pausedBanner.getStyleClass().add("paused-banner");
        pausedBanner.setAlignment(Pos.CENTER_LEFT);
        pausedBanner.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(pausedBanner, Pos.TOP_CENTER);
        meminfo = new GuestMeminfo(runtime);
        sampler = new UsageSampler(() -> Map.copyOf(pids), meminfo::read, samples -> ui.execute(() -> usage.add(samples)));
        sampler.start(SAMPLE_PERIOD);
        showSelected();
    }

    /** Reads every guest's state (and finds guests running without a configuration). */
    CompletableFuture<Void> refresh() {
        return runtime.list().thenAcceptAsync(statuses -> {
            statuses.forEach(this::apply);
            warmUpTerminal();
        }, ui)
                .exceptionally(e -> {
                    LOG.warn("Could not read the guests' states: {}", e.getMessage());
                    ui.execute(() -> main.setStatus("Could not read the guests' states: " + Errors.reason(e)));
                    return null;
                });
    }

    /**
     * The terminal widget is the heaviest part of the window and no console is open at start-up:
     * it is loaded and warmed up once the window is up and the list is filled, still well before a
     * guest the user starts needs its first console tab.
     */
    private void warmUpTerminal() {
        if (!terminalWarmedUp) {
            terminalWarmedUp = true;
            TerminalWarmUp.run(consolePrefs.get(), background, ui, window.warmUpHost());
        }
    }

    private void apply(GuestStatus s) {
        if (s.state() == InstanceState.STOPPED && main.row(s.name()).isEmpty()) {
            return;
        }
        main.stateChanged(s.name(), s.state(), s.reason());
        track(s.name(), s.state(), s.pid());
        if (s.managed() && s.state().active()) {
            openConsoles(s.name(), s.lines());
        }
        showSelected();
    }

    private void event(GuestEvent event) {
        if (event instanceof GuestEvent.StateChanged change) {
            var snap = change.snapshot();
            InstanceState before = main.row(snap.name()).map(InstanceRow::state).orElse(change.from());
            main.stateChanged(snap.name(), snap.state(), snap.reason());
            track(snap.name(), snap.state(), snap.umlPid());
            InstanceRow selected = main.selectedProperty().get();
            if (snap.state() == InstanceState.STARTING && !before.active() && selected != null
                    && selected.name().equals(snap.name())) {
                showConsoleOf = snap.name();
            }
            if (snap.state().active()) {
                openConsoles(snap.name(), snap.lines());
            }
            if (snap.state() == InstanceState.CRASHED && before != InstanceState.CRASHED) {
                notifyCrash(snap.name(), snap.reason());
            }
        } else if (event instanceof GuestEvent.Rebooted rebooted) {
            main.setStatus(rebooted.name() + " rebooted (boot " + rebooted.snapshot().boots() + ").");
            // A boot the supervisor started again after the kernel's early-boot fault runs in a new process.
            track(rebooted.name(), rebooted.snapshot().state(), rebooted.snapshot().umlPid());
            openConsoles(rebooted.name(), rebooted.snapshot().lines());
        } else if (event instanceof GuestEvent.LineChanged changed && changed.line().connected()) {
            openConsoles(changed.name(), List.of(changed.line()));
        } else if (event instanceof GuestEvent.GuestNotice notice) {
            main.setStatus(notice.name() + ": " + notice.text());
        }
    }

    /** Keeps the UML process of each running guest for the usage sampler. */
    private void track(String name, InstanceState state, OptionalLong pid) {
        if (state.active() && pid.isPresent()) {
            pids.put(name, pid.getAsLong());
        } else if (!state.active()) {
            pids.remove(name);
        }
    }

    private void notifyCrash(String name, String reason) {
        main.setStatus(name + " crashed" + (reason.isEmpty() ? "." : ": " + reason));
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            Notifications.create().owner(w).title(name + " crashed").text(wrapped(reason.isEmpty()
                    ? "The guest ended unexpectedly." : reason)).showError();
        }
    }

    /** A start that failed: in the status line and as a notification, besides the error dialog. */
    void notifyStartFailed(String name, Throwable error) {
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            Notifications.create().owner(w).title("Could not start " + name).text(wrapped(Errors.reason(error)))
                    .showError();
        }
    }

    /**
     * A notification is as wide as its longest line and placed by its right edge at the window's: a
     * start error of 190 characters ran off the screen's left edge. So lines end between words
     * after {@value #NOTICE_COLUMNS} characters (a longer word, such as a path, keeps a line of its own).
     */
    static String wrapped(String text) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.replace("\n", "\n ").split(" ")) {
            if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
                lineStart = out.length();
            }
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > NOTICE_COLUMNS) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    /**
     * Notes the lines of a running guest and opens them in its tabs if it has tabs, or is the one
     * selected (a guest not looked at gets none: see the class comment). The exec agent's line
     * gets no tab: it carries the agent's frames, not a console for people.
     */
    private void openConsoles(String name, List<LineInfo> all) {
        Optional<String> agent = main.row(name).flatMap(InstanceRow::config).flatMap(Instance::agent)
                .map(AgentLine::name);
        List<LineInfo> guestLines = all.stream().filter(l -> agent.map(a -> !a.equals(l.name())).orElse(true))
                .toList();
        if (guestLines.isEmpty()) {
            return;
        }
        Map<String, LineInfo> merged = new java.util.LinkedHashMap<>();
        lines.getOrDefault(name, List.of()).forEach(l -> merged.put(l.name(), l));
        guestLines.forEach(l -> merged.put(l.name(), l));
        lines.put(name, List.copyOf(merged.values()));
        InstanceRow selectedRow = main.selectedProperty().get();
        boolean shown = selectedRow != null && selectedRow.name().equals(name);
        if (!consoles.containsKey(name) && !shown) {
            return;
        }
        ConsoleTabs tabs = consoles.computeIfAbsent(name, n -> {
            ConsoleTabs t = new ConsoleTabs(n, runtime, consolePrefs, logsDir.resolve(n), background, ui,
                    saveLocation);
            t.onChange(() -> consolesChanged(n));
            return t;
        });
        tabs.open(guestLines).thenRunAsync(() -> {
            showSelected();
            InstanceRow row = main.selectedProperty().get();
            if (name.equals(showConsoleOf) && row != null && row.name().equals(name) && !tabs.isEmpty()) {
                showConsoleOf = null;
                window.showConsole();
            }
        }, ui);
    }

    /** {@code name} is being looked at: it gets its tabs, and the guests looked at longest ago lose theirs. */
    private void lookedAt(String name) {
        recent.remove(name);
        recent.addFirst(name);
        InstanceRow row = main.row(name).orElse(null);
        if (!consoles.containsKey(name) && row != null && row.state().active() && lines.containsKey(name)) {
            openConsoles(name, lines.get(name));
        }
        int kept = 0;
        for (String guest : List.copyOf(recent)) {
            ConsoleTabs tabs = consoles.get(guest);
            if (tabs == null) {
                recent.remove(guest);
            } else if (tabs.hasDetached() || kept++ < LIVE_GUESTS) {
                continue;
            } else {
                recent.remove(guest);
                consoles.remove(guest);
                tabs.close();
            }
        }
    }

    /** Whether some guest's console tab has ended (what "Close ended consoles" follows). */
    ReadOnlyBooleanProperty endedConsolesProperty() {
        return endedConsoles.getReadOnlyProperty();
    }

    /** Closes every ended console tab, releasing its screen; the logs keep the history. */
    void closeEndedConsoles() {
        List.copyOf(consoles.keySet()).forEach(name -> consoles.get(name).closeEnded());
    }

    private void consolesChanged(String name) {
        ConsoleTabs tabs = consoles.get(name);
        if (tabs != null && tabs.isEmpty()) {
            consoles.remove(name);
            recent.remove(name);
            tabs.close();
        }
        endedConsoles.set(consoles.values().stream().anyMatch(ConsoleTabs::hasEnded));
        showSelected();
    }

    /** The ended consoles of a guest whose configuration was deleted are closed with it. */
    private void rowsChanged() {
        List.copyOf(consoles.keySet()).stream().filter(name -> main.row(name).isEmpty())
                .forEach(name -> consoles.get(name).closeEnded());
    }

    /** The console tabs of {@code name}, if any were opened. On the FX thread only. */
    ConsoleTabs consoles(String name) {
        FxThread.check("the console tabs");
        return consoles.get(name);
    }

    private void showSelected() {
        if (window == null) {
            return;
        }
        InstanceRow row = main.selectedProperty().get();
        if (row != null && !row.name().equals(recent.peekFirst())) {
            lookedAt(row.name());
        }
        String name = row == null ? null : row.name();
        ConsoleTabs tabs = name == null ? null : consoles.get(name);
        boolean up = row != null && (row.state() == InstanceState.RUNNING || row.state() == InstanceState.PAUSED);
        if (tabs == null || tabs.isEmpty()) {
            consoleIdle.setText(row == null ? "Select a machine to see its consoles."
                    : name + " has no console open: its consoles open here when it starts"
                    + (row.state().active() ? "." : " (Start, F5)."));
            window.consoleArea().getChildren().setAll(consoleIdle);
        } else {
            List<javafx.scene.Node> shown = row.state() == InstanceState.PAUSED ? List.of(tabs.pane(), pausedBanner)
                    : List.of(tabs.pane());
            if (!window.consoleArea().getChildren().equals(shown)) {
                window.consoleArea().getChildren().setAll(shown);
            }
        }
        usageView.show(name);
        StackPane inspect = window.inspectArea();
        if (!up) {
            inspectIdle.setText(row == null ? "Select a running machine to inspect its kernel."
                    : name + " is not running. Inspect shows a running machine's kernel through its mconsole.");
            inspect.getChildren().setAll(inspectIdle);
            inspect.setUserData(null);
            return;
        }
        // Built when first looked at: a new panel's CSS pass is work the FX thread need not do while a guest boots.
        if (window.viewProperty().get() == MainWindow.View.INSPECT && !name.equals(inspect.getUserData())) {
            InspectViewModel vm = new InspectViewModel(runtime, name, ui);
            inspect.getChildren().setAll(new InspectView(vm).root());
            inspect.setUserData(name);
            vm.refreshVersion();
            vm.refreshProc();
        } else if (!name.equals(inspect.getUserData())) {
            inspect.getChildren().setAll(inspectIdle);
            inspect.setUserData(null);
        }
    }

    void close() {
        if (sampler != null) {
            sampler.close();
            meminfo.close();
        }
        consoles.values().forEach(ConsoleTabs::close);
        consoles.clear();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Closing the runtime subscription: {}", e.getMessage());
            }
        }
    }
}
