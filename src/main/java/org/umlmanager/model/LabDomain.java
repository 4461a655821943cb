package org.umlmanager.model;

import java.util.Objects;

/**
 * A collision domain of a lab: the switch network ({@link Network.Switch}) its interfaces connect to.
 *
 * @param name    the domain's name in lab.conf ({@code A})
 * @param network the saved network that is this domain
 */
public record LabDomain(String name, String network) {
    public LabDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(network, "network");
    }
}
