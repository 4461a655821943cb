package org.umlmanager.service;

import java.util.List;
import java.util.Objects;
import org.umlmanager.model.Network;
import org.umlmanager.network.NetworkStatus;

/**
 * One network as the UI and the CLI show it: its saved settings, its processes, and the configured
 * instances that have an interface on it.
 *
 * @param network the saved network
 * @param status  its processes now (a host device never has any)
 * @param users   the instances configured with an interface on it, sorted
 */
public record NetworkView(Network network, NetworkStatus status, List<String> users) {

    public NetworkView {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(status, "status");
        users = List.copyOf(users);
    }

    public String name() {
        return network.name();
    }
}
