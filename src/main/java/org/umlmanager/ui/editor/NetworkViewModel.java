package org.umlmanager.ui.editor;

import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MacAddresses;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;

/**
 * The Network page: the interfaces in configuration order, each connected to a saved network or
 * written in the kernel's syntax (a host device).
 */
public final class NetworkViewModel {

    private final ObservableList<InterfaceViewModel> interfaces = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObjectProperty<NetworkAttachment.Family> family = new SimpleObjectProperty<>(
            NetworkAttachment.Family.ETH);
    private final Runnable onChange;
    private NetworkChoices choices = NetworkChoices.builtIn();

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

    /** What interfaces can connect to; the editor's owner sets it once. */
    void setChoices(NetworkChoices choices) {
        this.choices = choices;
    }

    public NetworkChoices choices() {
        return choices;
    }

    /** The family the machine's kernel gives interfaces on NAT networks and switches (learned in the background). */
    public ObjectProperty<NetworkAttachment.Family> familyProperty() {
        return family;
    }

    /**
     * Adds an interface on the built-in NAT network with a fresh MAC address on the first free unit,
     * and selects it: the guest then reaches the outside with nothing to set up.
     */
    public InterfaceViewModel add() {
        NetworkAttachment.Family f = family.get();
        var nic = new NetworkAttachment(f, freeUnit(f.prefix(), -1, 0), Network.DEFAULT_NAME,
                Optional.of(MacAddresses.random()), Optional.empty());
        var row = new InterfaceViewModel(nic, onChange);
        interfaces.add(row);
        selected.set(interfaces.size() - 1);
        return row;
    }

    /**
     * Connects interface {@code index} to the saved network {@code network}, or with an empty one
     * makes it a host device written in the kernel's syntax again. Its device number stays unless
     * another interface has that name in the new family ({@code eth} or {@code vec}).
     */
    public void connect(int index, Optional<String> network) {
        InterfaceViewModel nic = interfaces.get(index);
        if (network.isPresent()) {
            boolean hostDevice = choices.networks().stream().anyMatch(n -> n.name().equals(network.get())
                    && n instanceof Network.HostDevice);
            NetworkAttachment.Family f = hostDevice ? NetworkAttachment.Family.VEC : family.get();
            nic.attach(network.get(), f, freeUnit(f.prefix(), index, nic.unitProperty().get()));
        } else {
            nic.useKernelSyntax(u -> freeUnit(u, index, nic.unitProperty().get()));
        }
    }

    /** {@code preferred} if no interface but {@code except} is {@code prefix + preferred}, else the first free unit. */
    private int freeUnit(String prefix, int except, int preferred) {
        return IntStream.concat(IntStream.of(preferred), IntStream.iterate(0, u -> u + 1))
                .filter(u -> IntStream.range(0, interfaces.size()).noneMatch(i -> i != except
                        && interfaces.get(i).deviceName().equals(prefix + u)))
                .findFirst().orElseThrow();
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
