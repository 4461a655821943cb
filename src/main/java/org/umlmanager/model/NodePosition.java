package org.umlmanager.model;

import java.util.Objects;

/**
 * Where the topology view draws one node of a lab, in the drawing's own units (pixels at 100 %).
 *
 * @param kind what the node is
 * @param name the device's, domain's or network's name
 */
public record NodePosition(Kind kind, String name, double x, double y) {

    /** The kinds of node a lab drawing has. */
    public enum Kind {
        /** A device (an instance). */
        DEVICE,
        /** A collision domain (a switch network of the lab). */
        DOMAIN,
        /** A network outside the lab that a device reaches, such as the NAT network of a bridged device. */
        NETWORK
    }

    public NodePosition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a node position must be finite, not " + x + ", " + y);
        }
    }
}
