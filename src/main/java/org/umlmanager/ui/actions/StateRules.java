package org.umlmanager.ui.actions;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableObjectValue;
import org.umlmanager.model.InstanceState;

/** Which guest states each runtime action applies to. */
public final class StateRules {

    public static final Set<InstanceState> STARTABLE = EnumSet.of(InstanceState.STOPPED, InstanceState.CRASHED);
    public static final Set<InstanceState> RUNNING = EnumSet.of(InstanceState.RUNNING);
    public static final Set<InstanceState> PAUSED = EnumSet.of(InstanceState.PAUSED);
    public static final Set<InstanceState> UP = EnumSet.of(InstanceState.RUNNING, InstanceState.PAUSED);
    /** Force off also ends a start or a shut-down that hangs. */
    public static final Set<InstanceState> ALIVE = EnumSet.of(InstanceState.STARTING, InstanceState.RUNNING,
            InstanceState.PAUSED, InstanceState.STOPPING);

    private StateRules() {
    }

    /**
     * Why an action that applies in {@code allowed} cannot run now: empty while it can, otherwise
     * "Select a machine" or "Not while the machine is running".
     */
    public static StringBinding whyNot(ObservableObjectValue<InstanceState> state, Set<InstanceState> allowed) {
        return Bindings.createStringBinding(() -> state.get() == null ? "Select a machine first."
                : allowed.contains(state.get()) ? "" : "Not while the machine is " + describe(state.get()) + ".",
                state);
    }

    /** The state in words, lower case: "running", "shutting down". */
    public static String describe(InstanceState state) {
        return switch (state) {
            case RUNNING -> "running";
            case STARTING -> "starting";
            case STOPPING -> "shutting down";
            case PAUSED -> "paused";
            case CRASHED -> "crashed";
            case STOPPED -> "stopped";
        };
    }

    /** True while some value of {@code states} (a selection's states by name) is in {@code allowed}. */
    public static BooleanBinding anyIn(ObservableObjectValue<Map<String, InstanceState>> states,
                                       Set<InstanceState> allowed) {
        return Bindings.createBooleanBinding(() -> states.get() != null && states.get().values().stream()
                .anyMatch(s -> s != null && allowed.contains(s)), states);
    }

    /** True while {@code state} holds a value in {@code allowed}. */
    public static BooleanBinding in(ObservableObjectValue<InstanceState> state, Set<InstanceState> allowed) {
        return Bindings.createBooleanBinding(() -> state.get() != null && allowed.contains(state.get()), state);
    }
}
