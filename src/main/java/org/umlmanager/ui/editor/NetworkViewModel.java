package org.umlmanager.ui.editor;

import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MacAddresses;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/** The Network page: the interfaces in configuration order. */
public final class NetworkViewModel {

    private final ObservableList<InterfaceViewModel> interfaces = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final Runnable onChange;

    NetworkViewModel(Runnable onChange) {
        this.onChange = onChange;
        interfaces.addListener((ListChangeListener<InterfaceViewModel>) c -> onChange.run());
    }

    void load(Instance i) {
        interfaces.setAll(i.networks().stream().map(n -> new InterfaceViewModel(n, onChange)).toList());
        selected.set(interfaces.isEmpty() ? -1 : 0);
    }

    void apply(Instance.Builder b) {
        b.networks(interfaces.stream().map(InterfaceViewModel::toModel).toList());
    }

    /** Adds a tap interface on the first free vec unit with a fresh MAC address, and selects it. */
    public InterfaceViewModel add() {
        int unit = IntStream.iterate(0, u -> u + 1)
                .filter(u -> interfaces.stream().noneMatch(n -> n.deviceName().equals("vec" + u)))
                .findFirst().orElseThrow();
        var nic = new VectorInterface(unit, new VectorTransport.Tap(Optional.empty()),
                VectorOptions.NONE.withMac(Optional.of(MacAddresses.random())));
        var row = new InterfaceViewModel(nic, onChange);
        interfaces.add(row);
        selected.set(interfaces.size() - 1);
        return row;
    }

    public void removeSelected() {
        int i = selected.get();
        if (i >= 0 && i < interfaces.size()) {
            interfaces.remove(i);
            selected.set(Math.min(i, interfaces.size() - 1));
        }
    }

    public ObservableList<InterfaceViewModel> interfaces() {
        return interfaces;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public static String field(int index) {
        return "networks[" + index + "]";
    }
}
