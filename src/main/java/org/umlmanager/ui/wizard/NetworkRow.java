package org.umlmanager.ui.wizard;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.cmdline.ParseResult;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.provision.GuestNetwork;
import org.umlmanager.service.CommandLines;

/**
 * One network interface of the new VM: the kernel option ({@code vec0:transport=tap,ifname=tap0})
 * and how the guest configures it.
 */
final class NetworkRow {

    private final StringProperty spec = new SimpleStringProperty("");
    private final ObjectProperty<Addressing> addressing = new SimpleObjectProperty<>(Addressing.DHCP);
    private final StringProperty address = new SimpleStringProperty("");

    NetworkRow(String initialSpec) {
        spec.set(initialSpec);
    }

    StringProperty specProperty() {
        return spec;
    }

    ObjectProperty<Addressing> addressingProperty() {
        return addressing;
    }

    /** {@code ADDRESS/PREFIX[,GATEWAY]} for a fixed address. */
    StringProperty addressProperty() {
        return address;
    }

    /** The interface, or a message saying what is wrong with the option. */
    NetworkInterface networkInterface() {
        ParseResult parsed = CommandLines.parse("new", List.of(spec.get().strip()));
        if (parsed.hasErrors()) {
            throw new IllegalArgumentException(spec.get() + ": " + parsed.errors().get(0).message());
        }
        if (parsed.instance().networks().size() != 1) {
            throw new IllegalArgumentException("'" + spec.get() + "' is not a network interface; write e.g."
                    + " vec0:transport=tap,ifname=tap0");
        }
        return parsed.instance().networks().get(0);
    }

    GuestNetwork guestNetwork(String device) {
        return switch (addressing.get()) {
            case DHCP -> GuestNetwork.dhcp(device);
            case MANUAL -> new GuestNetwork(device, new GuestNetwork.Addressing.Manual());
            case STATIC -> new GuestNetwork(device, fixed());
        };
    }

    private GuestNetwork.Addressing fixed() {
        String[] parts = address.get().strip().split(",", 2);
        int slash = parts[0].indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("give the address with its prefix length, e.g. 10.0.2.15/24");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(parts[0].substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the prefix length after '/' must be a number, e.g. 10.0.2.15/24");
        }
        return new GuestNetwork.Addressing.Static(parts[0].substring(0, slash), prefix,
                parts.length > 1 ? Optional.of(parts[1].strip()) : Optional.empty());
    }
}
