package org.umlmanager.ui.lab;

import java.util.Objects;

/**
 * A link: a device's interface on a collision domain or network.
 *
 * @param label the interface, {@code eth0}
 */
public record TopologyEdge(TopologyNode device, TopologyNode network, String label) {
    public TopologyEdge {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(label, "label");
    }
}
