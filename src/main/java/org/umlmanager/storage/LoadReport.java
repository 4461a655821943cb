package org.umlmanager.storage;

import java.util.List;
import java.util.Optional;
import org.umlmanager.model.Instance;

/**
 * Everything the store holds: the instances that loaded, sorted by name, and the files that did
 * not (or did with a remark). A bad file never hides the good ones.
 */
public record LoadReport(List<Instance> instances, List<LoadProblem> problems) {

    public LoadReport {
        instances = List.copyOf(instances);
        problems = List.copyOf(problems);
    }

    public Optional<Instance> find(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
