package org.umlmanager.ui.editor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;

/**
 * The Host access page: no host access ({@code hostfs=/dev/null}), one folder shared with the
 * guest, or (as imported command lines often are) no restriction at all.
 */
public final class HostAccessViewModel {

    private final ObjectProperty<HostAccess> access = new SimpleObjectProperty<>(HostAccess.NONE);
    private final StringProperty directory = new SimpleStringProperty("");
    private final BooleanProperty append = new SimpleBooleanProperty();
    private final BooleanBinding sharing = Bindings.equal(access, HostAccess.FOLDER);
    private final BooleanBinding unrestricted = Bindings.equal(access, HostAccess.UNRESTRICTED);

    HostAccessViewModel(Runnable onChange) {
        access.addListener(o -> onChange.run());
        directory.addListener(o -> onChange.run());
        append.addListener(o -> onChange.run());
    }

    void load(Instance i) {
        access.set(i.hostfs().map(h -> h.isOff() ? HostAccess.NONE : HostAccess.FOLDER)
                .orElse(HostAccess.UNRESTRICTED));
        directory.set(i.hostfs().filter(h -> !h.isOff()).map(HostfsShare::directory).orElse(""));
        append.set(i.hostfs().map(HostfsShare::append).orElse(false));
    }

    void apply(Instance.Builder b) {
        b.hostfs(switch (access.get()) {
            case NONE -> HostfsShare.off();
            case FOLDER -> new HostfsShare(directory.get().strip(), append.get());
            case UNRESTRICTED -> null;
        });
    }

    public ObjectProperty<HostAccess> accessProperty() {
        return access;
    }

    public StringProperty directoryProperty() {
        return directory;
    }

    public BooleanProperty appendProperty() {
        return append;
    }

    /** True while a folder is shared: its fields are enabled, and the page says what sharing means. */
    public BooleanBinding sharingProperty() {
        return sharing;
    }

    /** True when the guest may mount any host directory the user can read: the form warns. */
    public BooleanBinding unrestrictedProperty() {
        return unrestricted;
    }
}
