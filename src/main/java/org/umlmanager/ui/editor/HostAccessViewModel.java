package org.umlmanager.ui.editor;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;

/** The Host access page: whether hostfs mounts are confined to one host directory. */
public final class HostAccessViewModel {

    private final BooleanProperty confined = new SimpleBooleanProperty();
    private final StringProperty directory = new SimpleStringProperty("");
    private final BooleanProperty append = new SimpleBooleanProperty();
    private final BooleanBinding unconfined = confined.not();

    HostAccessViewModel(Runnable onChange) {
        confined.addListener(o -> onChange.run());
        directory.addListener(o -> onChange.run());
        append.addListener(o -> onChange.run());
    }

    void load(Instance i) {
        confined.set(i.hostfs().isPresent());
        directory.set(i.hostfs().map(HostfsShare::directory).orElse(""));
        append.set(i.hostfs().map(HostfsShare::append).orElse(false));
    }

    void apply(Instance.Builder b) {
        b.hostfs(confined.get() ? new HostfsShare(directory.get().strip(), append.get()) : null);
    }

    public BooleanProperty confinedProperty() {
        return confined;
    }

    public StringProperty directoryProperty() {
        return directory;
    }

    public BooleanProperty appendProperty() {
        return append;
    }

    /** True when the guest may mount any host directory the user can read: the form warns. */
    public BooleanBinding unconfinedProperty() {
        return unconfined;
    }
}
