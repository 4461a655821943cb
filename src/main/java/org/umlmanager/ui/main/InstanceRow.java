package org.umlmanager.ui.main;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.model.MemorySize;

/**
 * One line of the instance list: a saved configuration, or a guest found running that has none,
 * with its live state.
 */
public final class InstanceRow {

    private final String name;
    private final ObjectProperty<Optional<Instance>> config = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<InstanceState> state = new SimpleObjectProperty<>(InstanceState.STOPPED);
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty umid = new SimpleStringProperty("");
    private final StringBinding memory;
    private final StringBinding listLine;

    InstanceRow(String name) {
        this.name = name;
        memory = Bindings.createStringBinding(() -> config.get().flatMap(Instance::memory)
                .map(InstanceRow::memoryText).orElse(config.get().isPresent() ? "default" : ""), config);
        listLine = Bindings.createStringBinding(() -> name + "|" + state.get() + "|" + memory.get() + "|"
                + config.get().isEmpty() + "|" + detail.get(), state, memory, config, detail);
    }

    /** Changes whenever what the list shows of the row changes (state, memory, detail): what its cell follows. */
    public StringBinding listLineProperty() {
        return listLine;
    }

    static String memoryText(MemorySize m) {
        long mib = m.mebibytes();
        if (mib >= 1024 && mib % 1024 == 0) {
            return mib / 1024 + " GiB";
        }
        return mib > 0 ? mib + " MiB" : m.bytes() / 1024 + " KiB";
    }

    public String name() {
        return name;
    }

    public ObjectProperty<Optional<Instance>> configProperty() {
        return config;
    }

    public Optional<Instance> config() {
        return config.get();
    }

    public ObjectProperty<InstanceState> stateProperty() {
        return state;
    }

    public InstanceState state() {
        return state.get();
    }

    /** Why it crashed, what a shut-down is doing: shown next to the state. */
    public StringProperty detailProperty() {
        return detail;
    }

    public StringProperty umidProperty() {
        return umid;
    }

    public StringBinding memoryProperty() {
        return memory;
    }

    /** A guest running without a saved configuration (started outside the app, or deleted since). */
    public boolean external() {
        return config.get().isEmpty();
    }
}
