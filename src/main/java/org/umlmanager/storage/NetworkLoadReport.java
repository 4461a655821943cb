package org.umlmanager.storage;

import java.util.List;
import java.util.Optional;
import org.umlmanager.model.Network;

/**
 * The saved networks that loaded (the built-in {@code default} among them), sorted by name, and
 * the files that did not (or did with a remark).
 */
public record NetworkLoadReport(List<Network> networks, List<LoadProblem> problems) {

    public NetworkLoadReport {
        networks = List.copyOf(networks);
        problems = List.copyOf(problems);
    }

    /** The network named {@code name} exactly. */
    public Optional<Network> find(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
