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
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
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
import org.umlmanager.ui.FxThread;
import org.umlmanager.ui.console.ConsoleTabs;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.console.TerminalWarmUp;
import org.umlmanager.ui.inspect.InspectView;
import org.umlmanager.ui.inspect.InspectViewModel;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * Connects the runtime to the window: states into the list, console tabs per running guest,
 * the Inspect tab of the selected guest, notifications when a guest crashes. Runs on the FX
 * thread (the runtime delivers its events there).
 */
final class RuntimeBridge {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeBridge.class);

    private final GuestRuntime runtime;
    private final MainViewModel main;
    private final Supplier<ConsolePreferences> consolePrefs;
    private final Path logsDir;
    private final Executor background;
    private final Executor ui;
    private final Supplier<Window> owner;
    private final SaveLocation saveLocation;
    /** Confined to the FX thread, like everything here (see {@link #consoles(String)}). */
    private final Map<String, ConsoleTabs> consoles = new HashMap<>();
    private final ReadOnlyBooleanWrapper endedConsoles = new ReadOnlyBooleanWrapper();
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

    void attach(MainWindow w) {
        window = w;
        subscription = runtime.addListener(this::event);
        main.selectedProperty().addListener((o, a, row) -> showSelected());
        main.selectedStateProperty().addListener((o, a, s) -> showSelected());
        w.inspectTab().selectedProperty().addListener((o, a, selected) -> showSelected());
        main.allRows().addListener((InvalidationListener) o -> rowsChanged());
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
        if (s.managed() && s.state().active()) {
            openConsoles(s.name(), s.lines());
        }
    }

    private void event(GuestEvent event) {
        if (event instanceof GuestEvent.StateChanged change) {
            var snap = change.snapshot();
            InstanceState before = main.row(snap.name()).map(InstanceRow::state).orElse(change.from());
            main.stateChanged(snap.name(), snap.state(), snap.reason());
            if (snap.state().active()) {
                openConsoles(snap.name(), snap.lines());
            }
            if (snap.state() == InstanceState.CRASHED && before != InstanceState.CRASHED) {
                notifyCrash(snap.name(), snap.reason());
            }
        } else if (event instanceof GuestEvent.Rebooted rebooted) {
            main.setStatus(rebooted.name() + " rebooted (boot " + rebooted.snapshot().boots() + ").");
            openConsoles(rebooted.name(), rebooted.snapshot().lines());
        } else if (event instanceof GuestEvent.LineChanged changed && changed.line().connected()) {
            openConsoles(changed.name(), List.of(changed.line()));
        } else if (event instanceof GuestEvent.GuestNotice notice) {
            main.setStatus(notice.name() + ": " + notice.text());
        }
    }

    private void notifyCrash(String name, String reason) {
        main.setStatus(name + " crashed" + (reason.isEmpty() ? "." : ": " + reason));
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            Notifications.create().owner(w).title(name + " crashed").text(reason.isEmpty()
                    ? "The guest ended unexpectedly." : reason).showError();
        }
    }

    /** A start that failed: in the status line and as a notification, besides the error dialog. */
    void notifyStartFailed(String name, Throwable error) {
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            Notifications.create().owner(w).title("Could not start " + name).text(Errors.reason(error)).showError();
        }
    }

    private void openConsoles(String name, List<LineInfo> all) {
        // The exec agent's line carries its frames, not a console for people.
        Optional<String> agent = main.row(name).flatMap(InstanceRow::config).flatMap(Instance::agent)
                .map(AgentLine::name);
        List<LineInfo> lines = all.stream().filter(l -> agent.map(a -> !a.equals(l.name())).orElse(true)).toList();
        if (lines.isEmpty()) {
            return;
        }
        ConsoleTabs tabs = consoles.computeIfAbsent(name, n -> {
            ConsoleTabs t = new ConsoleTabs(n, runtime, consolePrefs, logsDir.resolve(n), background, ui,
                    saveLocation);
            t.onChange(() -> consolesChanged(n));
            return t;
        });
        tabs.open(lines).thenRunAsync(this::showSelected, ui);
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
        ConsoleTabs tabs = row == null ? null : consoles.get(row.name());
        if (tabs == null || tabs.isEmpty()) {
            window.consoleArea().getChildren().clear();
        } else if (!window.consoleArea().getChildren().contains(tabs.pane())) {
            window.consoleArea().getChildren().setAll(tabs.pane());
        }
        Tab inspect = window.inspectTab();
        boolean up = row != null && (row.state() == InstanceState.RUNNING || row.state() == InstanceState.PAUSED);
        inspect.setDisable(!up);
        if (!up || !row.name().equals(inspect.getUserData())) {
            if (inspect.getUserData() != null || inspect.getContent() == null) {
                inspect.setContent(new Label("Inspect shows a running guest's kernel through its mconsole."));
            }
            inspect.setUserData(null);
        }
        if (!up) {
            return;
        }
        Object current = inspect.getUserData();
        // Built when first looked at: a new panel's CSS pass is work the FX thread need not do while a guest boots.
        if (inspect.isSelected() && !row.name().equals(current)) {
            InspectViewModel vm = new InspectViewModel(runtime, row.name(), ui);
            inspect.setContent(new InspectView(vm).root());
            inspect.setUserData(row.name());
            vm.refreshVersion();
            vm.refreshProc();
        }
    }

    void close() {
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
