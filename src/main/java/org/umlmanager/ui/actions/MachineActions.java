package org.umlmanager.ui.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.GuestRuntime;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * Start, Shut down, Reboot, Reset, Force off, Pause, Resume, Ctrl-Alt-Del and SysRq for the selected
 * guest, each executable only in the states it applies to. Every call runs in the runtime's
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
    }

    private final GuestRuntime runtime;
    private final Supplier<String> selectedName;
    private final Function<String, Instance> configOf;
    private final ObservableObjectValue<InstanceState> state;
    private final Feedback feedback;
    private final Executor ui;

    /**
     * @param selectedName the selected row's name (null when none)
     * @param configOf     a saved configuration by name (null for a guest without one)
     * @param state        the selected row's state: what every action's {@code executable} follows
     */
    public MachineActions(GuestRuntime runtime, Supplier<String> selectedName, Function<String, Instance> configOf,
                          ObservableObjectValue<InstanceState> state, Feedback feedback, Executor ui) {
        this.runtime = runtime;
        this.selectedName = selectedName;
        this.configOf = configOf;
        this.state = state;
        this.feedback = feedback;
        this.ui = ui;
    }

    /**
     * Start, Shut down, Reboot…, Reset…, Force off…, Pause, Resume and Ctrl-Alt-Del…, in that
     * order. Reboot is graceful (the same steps as Shut down, then a new start); Reset restarts the
     * kernel at once, as a reset button does; both, Force off and Ctrl-Alt-Del ask first.
     */
    public List<AppAction> actions() {
        List<AppAction> list = new ArrayList<>();
        list.add(action("start", "Start", "Start the machine", key(KeyCode.F5), StateRules.STARTABLE, this::start)
                .withIcon(MaterialDesignP.PLAY));
        list.add(action("shutdown", "Shut down", "Shut the machine down cleanly, step by step",
                new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), StateRules.RUNNING,
                () -> stop(StopMode.GRACEFUL)).withIcon(MaterialDesignP.POWER));
        list.add(action("reboot", "Reboot…", "Shut the machine down cleanly, then start it again", null,
                StateRules.RUNNING, this::reboot).withIcon(MaterialDesignR.RESTART));
        list.add(action("reset", "Reset…", "Restart the kernel at once, like a reset button: nothing is shut"
                + " down or synced", null, StateRules.UP, this::reset).withIcon(MaterialDesignR.RESTART_ALERT));
        list.add(action("forceoff", "Force off…", "Halt at once, then kill (the machine does not shut down)",
                null, StateRules.ALIVE, this::forceOff).withIcon(MaterialDesignP.POWER_PLUG_OFF));
        list.add(action("pause", "Pause", "Freeze the machine (mconsole stop)", key(KeyCode.F7), StateRules.RUNNING,
                () -> call("pause", runtime::pause)).withIcon(MaterialDesignP.PAUSE).withButtonText(null));
        list.add(action("resume", "Resume", "Let a paused machine run on (mconsole go)", key(KeyCode.F8),
                StateRules.PAUSED, () -> call("resume", runtime::resume)).withIcon(MaterialDesignP.PLAY_PAUSE)
                .withButtonText(null));
        list.add(action("cad", "Ctrl-Alt-Del…", "Send Ctrl-Alt-Del to the machine's init (most reboot or power"
                + " off)", null, StateRules.RUNNING, this::ctrlAltDel).withIcon(MaterialDesignK.KEYBOARD_OUTLINE));
        return list;
    }

    private AppAction action(String id, String text, String description, KeyCombination key,
                             java.util.Set<InstanceState> allowed, Runnable handler) {
        return new AppAction(id, text, description, key, StateRules.in(state, allowed), handler)
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
        MenuButton button = new MenuButton("SysRq", org.umlmanager.ui.Icons.of(MaterialDesignK.KEYBOARD));
        button.setId("tool-sysrq");
        button.setAccessibleText("SysRq: send a magic SysRq key to the guest's kernel");
        button.setTooltip(new Tooltip("Send a magic SysRq key to the guest's kernel"));
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

    private void start() {
        String name = selectedName.get();
        Instance config = configOf.apply(name);
        if (config == null) {
            return;
        }
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
        String name = selectedName.get();
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
        String name = selectedName.get();
        if (feedback.confirm("Force " + name + " off?", "The guest is halted at once, without shutting down:"
                + " unsaved data in it is lost and its filesystems may need a check.", "Force off")) {
            stop(StopMode.FORCE);
        }
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
