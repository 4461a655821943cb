package org.umlmanager.storage;

import java.util.List;
import java.util.Optional;
import org.umlmanager.model.Lab;

/** The saved labs that loaded, sorted by name, and the files that did not (or did with a remark). */
public record LabLoadReport(List<Lab> labs, List<LoadProblem> problems) {

    public LabLoadReport {
        labs = List.copyOf(labs);
        problems = List.copyOf(problems);
    }

    public Optional<Lab> find(String name) {
        return labs.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
