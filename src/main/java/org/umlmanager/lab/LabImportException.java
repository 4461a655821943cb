package org.umlmanager.lab;

import java.util.List;
import java.util.stream.Collectors;

/** A lab directory that cannot be imported; {@link #problems()} says every reason (errors first, then warnings). */
public final class LabImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<LabProblem> problems;

    public LabImportException(String summary, List<LabProblem> problems) {
        super(summary + ":\n" + problems.stream().filter(LabProblem::error).map(p -> "  " + p)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<LabProblem> problems() {
        return problems;
    }

    public List<LabProblem> errors() {
        return problems.stream().filter(LabProblem::error).toList();
    }
}
