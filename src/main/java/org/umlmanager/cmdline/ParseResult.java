package org.umlmanager.cmdline;

import java.util.List;
import org.umlmanager.model.Instance;

/**
 * What a command line says: the instance it describes and the problems found while reading it.
 * Arguments that could not be understood are kept verbatim in {@link Instance#extraArgs()} and
 * reported, so nothing the user wrote is lost.
 */
public record ParseResult(Instance instance, List<Problem> problems) {

    public ParseResult {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
