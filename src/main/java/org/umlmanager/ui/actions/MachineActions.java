package org.umlmanager.ui.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.umlmanager.ui.Tooltips;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.BulkRun;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.ui.AppIcon;

/**
 * Start, Shut down, Reboot, Reset, Force off, Pause, Resume, Ctrl-Alt-Del and SysRq for the selected
 * guest, each executable only in the states it applies to. Start, Shut down and Force off also
 * work on a multi-selection: on every selected guest they apply to, through {@link BulkRun} (as
 * the CLI's bulk commands), with one progress display. Every call runs in the runtime's
 * background; the outcome goes to {@link Feedback} on the FX thread.
 */
public final class MachineActions {

    /** How actions talk back to the window. */
    public interface Feedback {
        /** A confirmation for destructive actions; true to go on. */
        boolean confirm(String header, String text, String confirm);

        /** Progress for the status line ("web: sent Ctrl-Alt-Del; waiting …"). */
        void progress(String text);

        /** "Could not ‹action› ‹name›: ‹reason›". */
        void failed(String action, String name, Throwable error);

        /** How far an action on several guests has come, 0 to 1; negative once it is over. */
        void progressFraction(double fraction);

        /** An action on several guests ended with failures: {@code header}, one line per guest. */
        void failed(String header, List<String> lines);
    }

    private final GuestRuntime runtime;
    private final Supplier<String> selectedName;
    private final Function<String, Instance> configOf;
    private final ObservableObjectValue<InstanceState> state;
    private final ObservableObjectValue<Map<String, InstanceState>> selectedStates;
    private final Feedback feedback;
    private final Executor ui;
    private final Executor background;

    /**
     * @param selectedName the selected row's name (null when none)
     * @param configOf     a saved configuration by name (null for a guest without one)
     * @param state        the (first) selected row's state: what the single-guest actions follow
     * @param selectedStates every selected row's state by name: what Start, Shut down and Force off follow
     * @param background   where an action on several guests is set going (off the FX thread)
     */
    public MachineActions(GuestRuntime runtime, Supplier<String> selectedName, Function<String, Instance> configOf,
                          ObservableObjectValue<InstanceState> state,
                          ObservableObjectValue<Map<String, InstanceState>> selectedStates, Feedback feedback,
                          Executor ui, Executor background) {
        this.runtime = runtime;
        this.selectedName = selectedName;
        this.configOf = configOf;
        this.state = state;
        this.selectedStates = selectedStates;
        this.feedback = feedback;
        this.ui = ui;
        this.background = background;
    }

    /**
     * Start, Shut down, Reboot…, Reset…, Force off…, Pause, Resume and Ctrl-Alt-Del…, in that
     * order. Reboot is graceful (the same steps as Shut down, then a new start); Reset restarts the
     * kernel at once, as a reset button does; both, Force off and Ctrl-Alt-Del ask first.
     */
    public List<AppAction> actions() {
        List<AppAction> list = new ArrayList<>();
        list.add(forSelection("start", "Start", "Start the machine", key(KeyCode.F5), StateRules.STARTABLE, this::start)
                .withIcon(AppIcon.PLAY));
        list.add(forSelection("shutdown", "Shut down", "Shut the machine down cleanly, step by step",
                new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), StateRules.RUNNING,
                () -> stop(StopMode.GRACEFUL)).withIcon(AppIcon.POWER));
        list.add(action("reboot", "Reboot…", "Shut the machine down cleanly, then start it again", null,
                StateRules.RUNNING, this::reboot).withIcon(AppIcon.RESTART));
        list.add(action("reset", "Reset…", "Restart the kernel at once, like a reset button: nothing is shut"
                + " down or synced", null, StateRules.UP, this::reset).withIcon(AppIcon.RESTART_ALERT));
        list.add(forSelection("forceoff", "Force off…", "Halt at once, then kill (the machine does not shut down)",
                null, StateRules.ALIVE, this::forceOff).withIcon(AppIcon.POWER_PLUG_OFF));
        list.add(action("pause", "Pause", "Freeze the machine (mconsole stop)", key(KeyCode.F7), StateRules.RUNNING,
                () -> call("pause", runtime::pause)).withIcon(AppIcon.PAUSE).withButtonText(null));
        list.add(action("resume", "Resume", "Let a paused machine run on (mconsole go)", key(KeyCode.F8),
                StateRules.PAUSED, () -> call("resume", runtime::resume)).withIcon(AppIcon.PLAY_PAUSE)
                .withButtonText(null));
        list.add(action("cad", "Ctrl-Alt-Del…", "Send Ctrl-Alt-Del to the machine's init (most reboot or power"
                + " off)", null, StateRules.RUNNING, this::ctrlAltDel).withIcon(AppIcon.KEYBOARD_OUTLINE));
        return list;
    }

    private AppAction action(String id, String text, String description, KeyCombination key,
                             java.util.Set<InstanceState> allowed, Runnable handler) {
        return new AppAction(id, text, description, key, StateRules.in(state, allowed), handler)
                .withReason(StateRules.whyNot(state, allowed));
    }

    /** An action that also applies to a multi-selection: enabled while any selected guest is in {@code allowed}. */
    private AppAction forSelection(String id, String text, String description, KeyCombination key,
                           java.util.Set<InstanceState> allowed, Runnable handler) {
        return new AppAction(id, text, description, key, StateRules.anyIn(selectedStates, allowed), handler)
                .withReason(StateRules.whyNot(state, allowed));
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    /** The SysRq menu of the Machine menu: one item per key with what it does; destructive ones ask first. */
    public Menu sysRqMenu() {
        Menu menu = new Menu("SysRq");
        menu.setId("menu-sysrq");
        menu.disableProperty().bind(StateRules.in(state, StateRules.UP).not());
        menu.getItems().setAll(sysRqItems("sysrq-"));
        return menu;
    }

    /** The same keys as a toolbar menu button. */
    public MenuButton sysRqButton() {
        MenuButton button = new MenuButton("SysRq", org.umlmanager.ui.Icons.of(AppIcon.KEYBOARD));
        button.setId("tool-sysrq");
        button.setAccessibleText("SysRq: send a magic SysRq key to the guest's kernel");
        Tooltips.onFirstHover(button, "Send a magic SysRq key to the guest's kernel");
        button.disableProperty().bind(StateRules.in(state, StateRules.UP).not());
        button.getItems().setAll(sysRqItems("tool-sysrq-"));
        return button;
    }

    private List<MenuItem> sysRqItems(String idPrefix) {
        List<MenuItem> items = new ArrayList<>();
        for (SysRq key : SysRq.values()) {
            MenuItem item = new MenuItem(key.key() + " — " + key.description() + (key.destructive() ? "…" : ""));
            item.setId(idPrefix + key.key());
            item.setOnAction(e -> sysRq(key));
            items.add(item);
        }
        return items;
    }

    void sysRq(SysRq key) {
        String name = selectedName.get();
        if (key.destructive() && !feedback.confirm("Send SysRq " + key.key() + " to " + name + "?",
                key.description() + ".", "Send")) {
            return;
        }
        command("send SysRq " + key.key() + " to", "sysrq " + key.key());
    }

    /** The selected guests whose state is in {@code allowed}, in selection order. */
    private List<String> targets(Set<InstanceState> allowed) {
        return selectedStates.get().entrySet().stream().filter(e -> e.getValue() != null
                && allowed.contains(e.getValue())).map(Map.Entry::getKey).toList();
    }

    private void start() {
        List<String> names = targets(StateRules.STARTABLE).stream().filter(n -> configOf.apply(n) != null).toList();
        if (names.size() > 1) {
            List<Instance> configs = names.stream().map(configOf).toList();
            bulk(BulkRun.Operation.START, names, progress -> BulkRun.start(runtime, configs,
                    BulkRun.defaultParallel(), progress));
            return;
        }
        if (names.isEmpty()) {
            return;
        }
        String name = names.get(0);
        Instance config = configOf.apply(name);
        feedback.progress("Starting " + name + "…");
        runtime.start(config).whenCompleteAsync((status, error) -> {
            if (error != null) {
                feedback.failed("start", name, error);
            } else {
                feedback.progress(name + " is starting (process " + status.pid().orElse(0) + ").");
            }
        }, ui);
    }

    private void stop(StopMode mode) {
        List<String> names = targets(mode == StopMode.FORCE ? StateRules.ALIVE : StateRules.RUNNING);
        if (names.size() > 1) {
            bulk(mode == StopMode.FORCE ? BulkRun.Operation.FORCE_OFF : BulkRun.Operation.SHUT_DOWN, names,
                    progress -> BulkRun.stop(runtime, names, mode, BulkRun.defaultParallel(), progress));
            return;
        }
        if (names.isEmpty()) {
            return;
        }
        String name = names.get(0);
        feedback.progress((mode == StopMode.FORCE ? "Forcing off " : "Shutting down ") + name + "…");
        runtime.stop(name, mode, step -> ui.execute(() -> feedback.progress(name + ": " + step.message())))
                .whenCompleteAsync((status, error) -> {
                    if (error != null) {
                        feedback.failed(mode == StopMode.FORCE ? "force off" : "shut down", name, error);
                    } else {
                        feedback.progress(name + " is " + status.state().name().toLowerCase(Locale.ROOT)
                                + (status.reason().isEmpty() ? "." : ": " + status.reason()));
                    }
                }, ui);
    }

    private void reboot() {
        String name = selectedName.get();
        Instance config = configOf.apply(name);
        if (config == null) {
            feedback.progress(name + " has no saved configuration to start again; use Reset or Shut down.");
            return;
        }
        if (!feedback.confirm("Reboot " + name + "?", "The machine shuts down cleanly, as with Shut down, and"
                + " starts again with its saved configuration.", "Reboot")) {
            return;
        }
        feedback.progress("Rebooting " + name + "…");
        runtime.stop(name, StopMode.GRACEFUL, step -> ui.execute(() -> feedback.progress(name + ": " + step.message())))
                .thenCompose(stopped -> runtime.start(config))
                .whenCompleteAsync((status, error) -> {
                    if (error != null) {
                        feedback.failed("reboot", name, error);
                    } else {
                        feedback.progress(name + " is starting again (process " + status.pid().orElse(0) + ").");
                    }
                }, ui);
    }

    private void reset() {
        String name = selectedName.get();
        if (feedback.confirm("Reset " + name + "?", "The kernel restarts at once, as with a reset button: programs"
                + " are not stopped and filesystems are not synced, so unsaved data is lost and a disk may need a"
                + " check at the next boot.", "Reset")) {
            command("reset", "reboot");
        }
    }

    private void ctrlAltDel() {
        String name = selectedName.get();
        if (feedback.confirm("Send Ctrl-Alt-Del to " + name + "?", "Its init decides what happens: most machines"
                + " reboot, the ones UML Manager makes power off.", "Send")) {
            command("send Ctrl-Alt-Del to", "cad");
        }
    }

    private void forceOff() {
        List<String> names = targets(StateRules.ALIVE);
        if (names.isEmpty()) {
            return;
        }
        String header = names.size() == 1 ? "Force " + names.get(0) + " off?"
                : "Force " + names.size() + " guests off (" + named(names) + ")?";
        if (feedback.confirm(header, (names.size() == 1 ? "The guest is" : "They are") + " halted at once, without"
                + " shutting down: unsaved data in " + (names.size() == 1 ? "it" : "them") + " is lost and "
                + (names.size() == 1 ? "its" : "their") + " filesystems may need a check.", "Force off")) {
            stop(StopMode.FORCE);
        }
    }

    /** Up to five names, and how many more: a dialog's header stays on one line. */
    private static String named(List<String> names) {
        int shown = Math.min(names.size(), 5);
        String list = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? list + " and " + (names.size() - shown) + " more" : list;
    }

    /**
     * Runs a bulk operation and shows it as one progress: the bar, and in the status line how many
     * are done and the latest step; failures in one dialog at the end.
     */
    private void bulk(BulkRun.Operation operation, List<String> names,
                      Function<Consumer<BulkRun.Progress>, CompletableFuture<BulkRun.Summary>> run) {
        int total = names.size();
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean over = new AtomicBoolean();
        feedback.progressFraction(0);
        feedback.progress(operation.doing() + " " + total + " guests…");
        Consumer<BulkRun.Progress> shown = p -> {
            int done = p.finished() ? finished.incrementAndGet() : finished.get();
            if (p.message().equals("waiting")) {
                return;
            }
            ui.execute(() -> {
                if (over.get()) {
                    // A step that reached the FX thread after the end: the summary stays.
                    return;
                }
                feedback.progressFraction((double) done / total);
                feedback.progress(operation.doing() + " " + total + " guests: " + done + " done — " + p.name() + ": "
                        + p.message());
            });
        };
        CompletableFuture.supplyAsync(() -> run.apply(shown), background).thenCompose(f -> f)
                .whenCompleteAsync((summary, error) -> {
            over.set(true);
            feedback.progressFraction(-1);
            if (error != null) {
                feedback.failed(operation.verb(), total + " guests", error);
                return;
            }
            feedback.progress(summary.text());
            if (!summary.failed().isEmpty()) {
                feedback.failed("Could not " + operation.verb() + " " + summary.failed().size() + " of " + total
                        + " guests", summary.failed().stream().map(o -> o.name() + ": " + o.message()).toList());
            }
        }, ui);
    }

    private void command(String action, String command) {
        String name = selectedName.get();
        runtime.command(name, command).whenCompleteAsync((reply, error) -> {
            if (error != null) {
                feedback.failed(action, name, error);
            } else if (!reply.ok()) {
                feedback.failed(action, name, new IllegalStateException(reply.text()));
            } else {
                // SysRq answers with whole kernel reports: the status line takes their first line.
                String first = reply.text().strip().lines().findFirst().orElse("");
                feedback.progress(name + ": " + command + (first.isEmpty() ? " done." : ": " + first));
            }
        }, ui);
    }

    private void call(String action, Function<String, CompletableFuture<?>> call) {
        String name = selectedName.get();
        call.apply(name).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                feedback.failed(action, name, error);
            }
        }, ui);
    }
}
